import { type TimeoutInput, timeoutPromise } from "./timers";
import { requireRuntime } from "./workflow-context";

/**
 * Waits until `predicate()` is true, re-checked after everything the workflow sees (signals,
 * results, timers). With a timeout, resolves `false` if time runs out first.
 *
 * @example
 * const approved = await condition(() => state.approved, { timeout: "1 day" });
 */
export async function condition(predicate: () => boolean, options: { timeout?: TimeoutInput } = {}): Promise<boolean> {
  const runtime = requireRuntime("condition()");
  if (predicate()) return true;
  const met = runtime.addCondition(predicate);
  if (options.timeout === undefined) return met;
  const timer = timeoutPromise(options.timeout, "condition() timeout");
  const winner = await Promise.race([met.then(() => "met" as const), timer.expired.then(() => "expired" as const)]);
  if (winner === "met") {
    timer.cancel();
    return true;
  }
  runtime.removeConditionsFor(predicate);
  return false;
}
