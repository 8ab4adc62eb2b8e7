import { WorkflowUsageError } from "./errors";
import { type LogLevel, type WorkflowInfo, type WorkflowRuntime, currentRuntime } from "./workflow-runtime";

/** The running workflow's runtime, or a clear error naming the API used outside a workflow. */
export function requireRuntime(api: string): WorkflowRuntime {
  const runtime = currentRuntime();
  if (!runtime) {
    throw new WorkflowUsageError(`${api} can only be used inside a workflow function (it was called outside one)`);
  }
  return runtime;
}

/**
 * Who this workflow is: id, run id, type, task queue, start time.
 *
 * @example
 * const { workflowId, startTime } = workflowInfo();
 */
export function workflowInfo(): WorkflowInfo {
  const info = requireRuntime("workflowInfo()").info;
  if (!info) throw new WorkflowUsageError("workflowInfo() was called before the workflow started");
  return info;
}

/** A logger that is silent while the workflow replays, so each line is written once. */
export interface Logger {
  debug(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

function write(level: LogLevel, args: unknown[]): void {
  const runtime = currentRuntime();
  if (runtime) runtime.log(level, args);
  else console[level](...args);
}

/**
 * The workflow logger. Inside a workflow, `console.*` is routed here too.
 *
 * @example
 * log.info("sending reminder", email);
 */
export const log: Logger = {
  debug: (...args) => write("debug", args),
  info: (...args) => write("info", args),
  warn: (...args) => write("warn", args),
  error: (...args) => write("error", args),
};

/** Passed as the second argument of every workflow handler. */
export interface WorkflowContext {
  workflow: WorkflowInfo;
  log: Logger;
}
