import { describeEndToEnd } from "./fixtures/end-to-end.scenarios";
import { useSystemStack } from "./fixtures/system-stack";

/**
 * The platform as a user runs it: history, projector, timers, matching, the gateway and a worker
 * each their own OS process, talking over Kafka, Postgres and gRPC; this test is only a client.
 */
describeEndToEnd("end to end: services, a worker process and a client", () => useSystemStack("e2e"));
