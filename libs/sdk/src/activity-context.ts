import type { Payload } from "@eventual/core";
import { WorkflowUsageError } from "./errors";

/** What a running activity knows about its call. */
export interface ActivityInfo {
  activityId: string;
  activityType: string;
  /** 1 for the first attempt, 2 for the first retry, ... */
  attempt: number;
  workflowId: string;
  runId: string;
  taskQueue: string;
}

/** The execution an activity runs in; the worker (or the test environment) provides it. */
export interface ActivityExecution {
  info: ActivityInfo;
  heartbeat(details?: Payload): void;
  /** Aborted when the workflow cancels the activity, the attempt times out, or the worker shuts down. */
  cancellationSignal: AbortSignal;
}

type Provider = () => ActivityExecution | undefined;
let provider: Provider = () => undefined;

/**
 * Lets the host (worker or test environment) say which activity the current async call chain
 * belongs to. The SDK itself does no I/O and imports no Node modules, because it is also
 * bundled into the workflow sandbox.
 */
export function setActivityExecutionProvider(next: Provider): void {
  provider = next;
}

function current(api: string): ActivityExecution {
  const execution = provider();
  if (!execution) throw new WorkflowUsageError(`${api} can only be called while an activity runs`);
  return execution;
}

/**
 * Tells the platform the activity is alive (needed when it sets `heartbeatTimeout`); `details`
 * are kept with the attempt.
 *
 * @example
 * for (const [i, row] of rows.entries()) { await load(row); heartbeat({ done: i }); }
 */
export function heartbeat(details?: Payload): void {
  current("heartbeat()").heartbeat(details);
}

/** Attempt number, ids and queue of the running activity. */
export function activityInfo(): ActivityInfo {
  return current("activityInfo()").info;
}

/**
 * Aborted when the activity should stop; pass it to `fetch` or check `aborted` in loops.
 *
 * @example
 * await fetch(url, { signal: cancellationSignal() });
 */
export function cancellationSignal(): AbortSignal {
  return current("cancellationSignal()").cancellationSignal;
}
