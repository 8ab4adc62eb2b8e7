import {
  type ActivityOptions,
  type DurationInput,
  type RetryPolicy,
  activityOptionsProblem,
  parseDuration,
} from "@eventual/core";
import { WorkflowUsageError } from "./errors";

/** Retry policy as users write it; intervals take any `DurationInput`. */
export interface RetryOptions {
  initialInterval?: DurationInput;
  backoffCoefficient?: number;
  maximumInterval?: DurationInput;
  /** 0 (the default) retries without limit; 1 means a single attempt. */
  maximumAttempts?: number;
  /** Error types (an `ApplicationError`'s `type`, or an error's name) never retried. */
  nonRetryableErrorTypes?: string[];
}

/**
 * Limits and retries of an activity, on its definition or per call.
 *
 * @example
 * activity("charge", { startToCloseTimeout: "30s", retry: { maximumAttempts: 5 } }, handler)
 */
export interface ActivityCallOptions {
  startToCloseTimeout?: DurationInput;
  scheduleToCloseTimeout?: DurationInput;
  scheduleToStartTimeout?: DurationInput;
  heartbeatTimeout?: DurationInput;
  retry?: RetryOptions;
  /** Queue of the workers that run it; defaults to the calling workflow's queue. */
  taskQueue?: string;
}

/** Used when an activity sets neither a start-to-close nor a schedule-to-close limit. */
export const DEFAULT_START_TO_CLOSE_MS = 5 * 60_000;

/** Merges definition and call options into the core's millisecond form, and checks them. */
export function resolveActivityOptions(
  activityType: string,
  defined: ActivityCallOptions,
  perCall: ActivityCallOptions,
  workflowTaskQueue: string,
): ActivityOptions {
  const o: ActivityCallOptions = { ...defined, ...perCall, retry: { ...defined.retry, ...perCall.retry } };
  const ms = (value: DurationInput | undefined, field: string): number | undefined => {
    if (value === undefined) return undefined;
    try {
      return parseDuration(value);
    } catch (error) {
      throw new WorkflowUsageError(`activity "${activityType}": ${field}: ${(error as Error).message}`);
    }
  };
  const resolved: ActivityOptions = { taskQueue: o.taskQueue ?? workflowTaskQueue };
  const set = <K extends keyof ActivityOptions>(key: K, value: ActivityOptions[K] | undefined) => {
    if (value !== undefined) resolved[key] = value;
  };
  set("startToCloseTimeoutMs", ms(o.startToCloseTimeout, "startToCloseTimeout"));
  set("scheduleToCloseTimeoutMs", ms(o.scheduleToCloseTimeout, "scheduleToCloseTimeout"));
  set("scheduleToStartTimeoutMs", ms(o.scheduleToStartTimeout, "scheduleToStartTimeout"));
  set("heartbeatTimeoutMs", ms(o.heartbeatTimeout, "heartbeatTimeout"));
  if (resolved.startToCloseTimeoutMs === undefined && resolved.scheduleToCloseTimeoutMs === undefined) {
    resolved.startToCloseTimeoutMs = DEFAULT_START_TO_CLOSE_MS;
  }
  const r = o.retry ?? {};
  const retry: RetryPolicy = {};
  if (r.initialInterval !== undefined) retry.initialIntervalMs = ms(r.initialInterval, "retry.initialInterval");
  if (r.maximumInterval !== undefined) retry.maximumIntervalMs = ms(r.maximumInterval, "retry.maximumInterval");
  if (r.backoffCoefficient !== undefined) retry.backoffCoefficient = r.backoffCoefficient;
  if (r.maximumAttempts !== undefined) retry.maximumAttempts = r.maximumAttempts;
  if (r.nonRetryableErrorTypes !== undefined) retry.nonRetryableErrorTypes = r.nonRetryableErrorTypes;
  if (Object.keys(retry).length > 0) resolved.retry = retry;
  const problem = activityOptionsProblem(resolved);
  if (problem) throw new WorkflowUsageError(`activity "${activityType}": ${problem}`);
  return resolved;
}
