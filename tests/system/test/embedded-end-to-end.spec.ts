import { useEmbeddedSystem } from "./fixtures/embedded-system";
import { describeEndToEnd } from "./fixtures/end-to-end.scenarios";

/**
 * The same scenarios as end-to-end.spec.ts against the embedded platform: every service, the
 * log and Postgres in one OS process (apps/embedded), the worker in another; the test is a client.
 */
describeEndToEnd("end to end: the embedded platform, a worker process and a client", () => useEmbeddedSystem("e2e"));
