/**
 * @eventual/stack — the distributed platform as separate OS processes on one machine, for the
 * end-to-end and crash tests, the benchmark and `npm run stack`.
 */
export { startDistributedStack, STACK_SERVICES, type DistributedStack, type DistributedStackOptions, type StackServiceName } from "./distributed-stack";
export { launchWorkerProcess, launchEmbeddedProcess, type StackWorkerSpec, type EmbeddedProcessSpec, type ProcessLaunchOptions } from "./process-launchers";
export { processTreeMemory, type ProcessMemory } from "./process-memory";
