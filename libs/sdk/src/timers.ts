import { type DurationInput, type DurationUnit, parseDuration, toMillis } from "@eventual/core";
import { WorkflowUsageError } from "./errors";
import { requireRuntime } from "./workflow-context";

/** The durable timer behind `duration()` and `time()`; awaiting it waits for the timer to fire. */
export function startTimer(fireAt: number, label: string): Promise<void> {
  const runtime = requireRuntime(label);
  const seq = runtime.nextSeq();
  return runtime.startOperation<void>("timer", label, { type: "StartTimer", data: { seq, fireAt } });
}

/**
 * Waits durably: the workflow survives restarts while it sleeps, and no process is busy.
 *
 * @example
 * await duration(1, "day");
 */
export function duration(amount: number, unit: DurationUnit = "seconds"): Promise<void> {
  const runtime = requireRuntime("duration()");
  const ms = toMillis(amount, unit);
  return startTimer(runtime.now + ms, `duration(${amount}, "${unit}")`);
}

/**
 * Waits until a moment (a `Date` or an ISO-8601 string). A moment in the past fires at once.
 *
 * @example
 * await time("2027-01-01T09:00:00Z");
 */
export function time(at: Date | string): Promise<void> {
  requireRuntime("time()");
  const fireAt = typeof at === "string" ? Date.parse(at) : at.getTime();
  if (!Number.isFinite(fireAt)) {
    throw new WorkflowUsageError(`time() needs a Date or an ISO-8601 string, got ${String(at)}`);
  }
  return startTimer(fireAt, `time(${new Date(fireAt).toISOString()})`);
}

/** A timeout as the SDK accepts it: a duration, or any promise (such as `duration(...)`) that ends the wait. */
export type TimeoutInput = DurationInput | Promise<unknown>;

/**
 * Turns a `TimeoutInput` into a promise that resolves when time is up, plus a way to stop the
 * timer if the wait ends first (only timers made here are cancelled; a caller's promise is theirs).
 */
export function timeoutPromise(timeout: TimeoutInput, label: string): { expired: Promise<unknown>; cancel(): void } {
  if (isPromiseLike(timeout)) return { expired: timeout, cancel: () => undefined };
  const runtime = requireRuntime(label);
  const fireAt = runtime.now + parseDuration(timeout);
  const seq = runtime.nextSeq();
  const expired = runtime.startOperation<void>("timer", label, { type: "StartTimer", data: { seq, fireAt } });
  return { expired, cancel: () => runtime.cancelOperation(seq) };
}

function isPromiseLike(value: unknown): value is Promise<unknown> {
  return typeof value === "object" && value !== null && typeof (value as Promise<unknown>).then === "function";
}
