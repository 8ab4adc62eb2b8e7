/**
 * @eventual/worker — runs user code: replays workflows in a deterministic `node:vm` sandbox
 * and executes activities. (Polling the gateway is added with the services.)
 */
export { bundleWorkflows, WorkflowBundleError, type WorkflowBundle } from "./workflow-bundler";
export { WorkflowSandbox, WorkflowCodeTimeoutError, type SandboxOptions } from "./workflow-sandbox";
export { WorkflowRunExecutor, StaleExecutorError, WorkflowNotRegisteredError, type TaskOutput } from "./workflow-run-executor";
export { WorkflowCache } from "./workflow-cache";
export { CommandMatcher, describeCommand, isCommandEvent } from "./command-matcher";
export { jobForEvent } from "./history-jobs";
export { replayHistory } from "./replay";
export { executeActivity, type ActivityOutcome, type ActivityAttempt } from "./activity-executor";
