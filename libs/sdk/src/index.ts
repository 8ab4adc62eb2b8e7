/**
 * @eventual/sdk — what users write: workflows, activities, durable timers, conditions,
 * signals, child workflows and typed errors.
 *
 * The same module runs in two places: in the worker (activities run here; calling an
 * activity just runs it) and inside each workflow's sandbox (calls become durable commands).
 */
import { workflows } from "./definitions";
import { WorkflowRuntime, installRuntime } from "./workflow-runtime";
import { makeWorkflowContext } from "./workflow";

export * from "./errors";
export { toFailure, fromFailure } from "./failure-converter";
export { workflow, type Workflow, type WorkflowOptions, type ChildWorkflowOptions, type WorkflowHandler } from "./workflow";
export { activity, type Activity } from "./activity";
export { type ActivityCallOptions, type RetryOptions, resolveActivityOptions, DEFAULT_START_TO_CLOSE_MS } from "./activity-options";
export {
  heartbeat,
  activityInfo,
  cancellationSignal,
  setActivityExecutionProvider,
  type ActivityInfo,
  type ActivityExecution,
} from "./activity-context";
export { duration, time, type TimeoutInput } from "./timers";
export { condition } from "./condition";
export {
  signal,
  expectSignal,
  onSignal,
  sendSignal,
  type Signal,
  type Disposable,
  type ExpectSignalOptions,
} from "./signals";
export { workflowInfo, log, type Logger, type WorkflowContext } from "./workflow-context";
export { workflows, activities } from "./definitions";
export type {
  ActivationInput,
  ActivationJob,
  ActivationOutput,
  ActivationProblem,
  LogEntry,
  LogLevel,
  WorkflowInfo,
  WorkflowRuntime,
} from "./workflow-runtime";
export type { DurationInput, DurationUnit, Payload, Failure } from "@eventual/core";

// Inside a workflow sandbox the host sets a marker before loading the bundle; the run's
// runtime is created here, with this realm's registry, and the host drives it.
installRuntime(
  () =>
    new WorkflowRuntime(
      (type) => workflows.get(type),
      () => workflows.names(),
      makeWorkflowContext,
    ),
);
