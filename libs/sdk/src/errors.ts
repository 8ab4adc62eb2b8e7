import type { Payload } from "@eventual/core";

/** Base of every error the SDK defines, so `catch (e) { if (e instanceof EventualError) ... }` works. */
export class EventualError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * Replaying a workflow issued a different operation than its history recorded: the code
 * changed in a way that breaks running workflows. The message names both calls and the
 * sequence number.
 */
export class DeterminismError extends EventualError {
  constructor(
    message: string,
    readonly details: { seq?: number; expected?: string; actual?: string } = {},
  ) {
    super(message);
  }
}

export interface ApplicationErrorOptions {
  /** A name for the kind of failure, matched by `retry.nonRetryableErrorTypes`. Defaults to the error's name. */
  type?: string;
  /** Never retry, whatever the policy says. */
  nonRetryable?: boolean;
  details?: Payload;
  cause?: unknown;
}

/**
 * A failure raised by user code. Throw it from an activity to control retries, or from a
 * workflow to fail it with a typed reason.
 *
 * @example
 * throw ApplicationError.nonRetryable("card declined", "CardDeclined");
 */
export class ApplicationError extends EventualError {
  readonly type: string;
  readonly nonRetryable: boolean;
  readonly details?: Payload;

  constructor(message: string, options: ApplicationErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.type = options.type ?? "ApplicationError";
    this.nonRetryable = options.nonRetryable ?? false;
    if (options.details !== undefined) this.details = options.details;
  }

  static retryable(message: string, type?: string, details?: Payload): ApplicationError {
    return new ApplicationError(message, { type, details, nonRetryable: false });
  }

  static nonRetryable(message: string, type?: string, details?: Payload): ApplicationError {
    return new ApplicationError(message, { type, details, nonRetryable: true });
  }
}

/** Something was cancelled: the workflow, or an operation the workflow stopped waiting for. */
export class CancelledError extends EventualError {}

/** A wait ran out of time (a signal, an activity limit, a workflow limit). */
export class Timeout extends EventualError {
  constructor(
    message: string,
    readonly timeoutType?: string,
  ) {
    super(message);
  }
}

/** An activity stopped heartbeating for longer than its `heartbeatTimeout`. */
export class HeartbeatTimeout extends Timeout {
  constructor(message: string) {
    super(message, "heartbeat");
  }
}

/**
 * An activity failed for good (retries exhausted, a non-retryable error, or a timeout).
 * `cause` holds the last attempt's error.
 *
 * @example
 * try { await charge(order) } catch (e) { if (e instanceof ActivityFailure) log.warn(e.activityType, e.attempt) }
 */
export class ActivityFailure extends EventualError {
  declare readonly cause: Error;
  constructor(
    message: string,
    readonly activityType: string,
    readonly attempt: number,
    cause: Error,
  ) {
    super(message, { cause });
  }
}

/** A child workflow ended in failure, cancellation, termination or timeout; `cause` says which. */
export class ChildWorkflowFailure extends EventualError {
  declare readonly cause: Error;
  constructor(
    message: string,
    readonly workflowId: string,
    readonly workflowType: string,
    cause: Error,
  ) {
    super(message, { cause });
  }
}

/** A workflow API was used where it has no meaning (outside a workflow, for instance). */
export class WorkflowUsageError extends EventualError {}

/** Workflow code tried something nondeterministic or I/O-bound that the sandbox refuses. */
export class SandboxViolationError extends EventualError {}

// Errors cross realms and processes by name, so each class's name is pinned: a bundler may
// rename a class (esbuild turns `ApplicationError`, whose static methods refer to it, into
// `_ApplicationError`), and `toFailure` would then lose an ApplicationError's `type`.
for (const [name, cls] of Object.entries({
  EventualError,
  DeterminismError,
  ApplicationError,
  CancelledError,
  Timeout,
  HeartbeatTimeout,
  ActivityFailure,
  ChildWorkflowFailure,
  WorkflowUsageError,
  SandboxViolationError,
})) {
  Object.defineProperty(cls, "name", { value: name });
}
