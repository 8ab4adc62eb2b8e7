import type { Failure } from "./payload";

/**
 * How an activity is retried. Defaults follow what Temporal users expect: 1 s initial
 * interval, doubling, capped at 100 × the initial interval, unlimited attempts.
 *
 * @example
 * const policy: RetryPolicy = { maximumAttempts: 3, nonRetryableErrorTypes: ["CardDeclined"] };
 */
export interface RetryPolicy {
  initialIntervalMs?: number;
  backoffCoefficient?: number;
  maximumIntervalMs?: number;
  /** 0 or absent means unlimited; 1 means no retries. */
  maximumAttempts?: number;
  nonRetryableErrorTypes?: string[];
}

export const DEFAULT_INITIAL_INTERVAL_MS = 1_000;
export const DEFAULT_BACKOFF_COEFFICIENT = 2;

/** Checks a retry policy; returns a message naming the bad field, or undefined when sane. */
export function retryPolicyProblem(policy: RetryPolicy | undefined): string | undefined {
  if (!policy) return undefined;
  const { initialIntervalMs, backoffCoefficient, maximumIntervalMs, maximumAttempts } = policy;
  if (initialIntervalMs !== undefined && !(initialIntervalMs > 0 && Number.isFinite(initialIntervalMs)))
    return `retry.initialInterval must be > 0, got ${initialIntervalMs}`;
  if (backoffCoefficient !== undefined && !(backoffCoefficient >= 1 && Number.isFinite(backoffCoefficient)))
    return `retry.backoffCoefficient must be >= 1, got ${backoffCoefficient}`;
  if (maximumIntervalMs !== undefined) {
    if (!(maximumIntervalMs > 0 && Number.isFinite(maximumIntervalMs)))
      return `retry.maximumInterval must be > 0, got ${maximumIntervalMs}`;
    if (maximumIntervalMs < (initialIntervalMs ?? DEFAULT_INITIAL_INTERVAL_MS))
      return `retry.maximumInterval (${maximumIntervalMs} ms) is below retry.initialInterval`;
  }
  if (maximumAttempts !== undefined && !(Number.isInteger(maximumAttempts) && maximumAttempts >= 0))
    return `retry.maximumAttempts must be a whole number >= 0, got ${maximumAttempts}`;
  return undefined;
}

/**
 * The delay before attempt `failedAttempt + 1`, or undefined when the policy says stop.
 * Pure: the caller supplies the failure and the attempt that failed.
 */
export function retryDelayMs(
  policy: RetryPolicy | undefined,
  failedAttempt: number,
  failure: Failure,
): number | undefined {
  if (failure.nonRetryable) return undefined;
  const p = policy ?? {};
  if (p.nonRetryableErrorTypes?.includes(failure.type)) return undefined;
  const max = p.maximumAttempts ?? 0;
  if (max > 0 && failedAttempt >= max) return undefined;
  const initial = p.initialIntervalMs ?? DEFAULT_INITIAL_INTERVAL_MS;
  const coefficient = p.backoffCoefficient ?? DEFAULT_BACKOFF_COEFFICIENT;
  const cap = p.maximumIntervalMs ?? initial * 100;
  return Math.min(cap, Math.round(initial * Math.pow(coefficient, failedAttempt - 1)));
}
