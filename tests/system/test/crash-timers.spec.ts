import { describeServiceCrash } from "./fixtures/service-crash.describe";

// One file per service, so each crash runs in a stack of its own.
describeServiceCrash("timers");
