/**
 * @eventual/worker — runs user code: replays workflows in a deterministic `node:vm` sandbox
 * and executes activities. (Polling the gateway is added with the services.)
 */
export { bundleWorkflows, WorkflowBundleError, type WorkflowBundle } from "./workflow-bundler";
export { WorkflowSandbox, WorkflowCodeTimeoutError, SandboxLostError, type SandboxOptions } from "./workflow-sandbox";
export { SandboxThread, SandboxThreadError, SandboxError } from "./sandbox-thread";
export { WorkflowRunExecutor, StaleExecutorError, WorkflowNotRegisteredError, type TaskOutput } from "./workflow-run-executor";
export { WorkflowCache } from "./workflow-cache";
export { CommandMatcher, describeCommand, isCommandEvent } from "./command-matcher";
export { jobForEvent } from "./history-jobs";
export { replayHistory } from "./replay";
export { executeActivity, type ActivityOutcome, type ActivityAttempt } from "./activity-executor";
export { Worker } from "./worker";
export { type WorkerOptions, WORKER_DEFAULTS } from "./worker-options";
