import { AsyncLocalStorage } from "node:async_hooks";
import type { Failure, Payload } from "@eventual/core";
import {
  type Activity,
  type ActivityExecution,
  type ActivityInfo,
  CancelledError,
  setActivityExecutionProvider,
  toFailure,
} from "@eventual/sdk";

const executions = new AsyncLocalStorage<ActivityExecution>();
setActivityExecutionProvider(() => executions.getStore());

export type ActivityOutcome = { ok: true; result: Payload } | { ok: false; failure: Failure };

/** One attempt of an activity, as handed to a worker. */
export interface ActivityAttempt {
  info: ActivityInfo;
  input: Payload;
}

/**
 * Runs one attempt of an activity with its execution context (heartbeat, info, cancellation)
 * available to the SDK's free functions. Never throws: failures come back as data, with
 * `nonRetryable` kept from `ApplicationError`.
 *
 * @example
 * const outcome = await executeActivity(sendReminder, attempt, { heartbeat: (d) => ..., signal });
 */
export async function executeActivity(
  definition: Activity<any[], any>,
  attempt: ActivityAttempt,
  hooks: { heartbeat(details?: Payload): void; signal: AbortSignal },
): Promise<ActivityOutcome> {
  const execution: ActivityExecution = { info: attempt.info, heartbeat: hooks.heartbeat, cancellationSignal: hooks.signal };
  const args = Array.isArray(attempt.input) ? attempt.input : [attempt.input];
  try {
    const result = await executions.run(execution, () => definition.handler(...args));
    if (hooks.signal.aborted) return { ok: false, failure: toFailure(new CancelledError("activity was cancelled")) };
    return { ok: true, result: result === undefined ? null : (JSON.parse(JSON.stringify(result)) as Payload) };
  } catch (error) {
    if (hooks.signal.aborted && (error as Error)?.name === "AbortError") {
      return { ok: false, failure: toFailure(new CancelledError("activity was cancelled")) };
    }
    return { ok: false, failure: toFailure(error) };
  }
}
