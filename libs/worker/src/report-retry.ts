import { EventualClientError } from "@eventual/client";

/**
 * gRPC codes that say "the platform did not get it, or cannot say": the gateway or a service
 * behind it restarting, a timeout. Everything else (NOT_FOUND for a timed-out attempt,
 * FAILED_PRECONDITION for a stale task) is an answer, and retrying would not change it.
 */
const TRANSIENT = new Set(["UNAVAILABLE", "DEADLINE_EXCEEDED", "ABORTED", "RESOURCE_EXHAUSTED"]);

export interface ReportRetryOptions {
  /** Give up after this long in all (default 60 s). */
  budgetMs?: number;
  /** First pause between attempts (default 100 ms); doubles up to 5 s. */
  initialDelayMs?: number;
  /** Each failed attempt that will be retried, for the log. */
  onRetry?: (error: Error, attempt: number) => void;
}

/**
 * Sends a report (an activity's result, a workflow task's commands) until the platform answers.
 * A result that reached nobody because the gateway or history was restarting would otherwise
 * wait out the attempt's start-to-close timeout (5 minutes by default) and run again. Resending
 * is safe: history dedupes results by activity id and attempt, and a second completion of a
 * workflow task is rejected as stale.
 *
 * @example
 * await reportWithRetry(() => api.completeActivityTask({ taskToken, identity, result }));
 */
export async function reportWithRetry(call: () => Promise<void>, options: ReportRetryOptions = {}): Promise<void> {
  const deadline = Date.now() + (options.budgetMs ?? 60_000);
  let delay = options.initialDelayMs ?? 100;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const transient = error instanceof EventualClientError && TRANSIENT.has(error.code);
      if (!transient || Date.now() + delay > deadline) throw error;
      options.onRetry?.(error, attempt);
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 5_000);
    }
  }
}
