import type { Failure } from "@eventual/core";
import {
  ActivityFailure,
  ApplicationError,
  CancelledError,
  ChildWorkflowFailure,
  DeterminismError,
  HeartbeatTimeout,
  SandboxViolationError,
  Timeout,
  WorkflowUsageError,
} from "./errors";

/**
 * Turns anything thrown into a `Failure` that can cross a process or realm boundary.
 * `instanceof` does not work across `vm` realms, so this reads names and fields only.
 */
export function toFailure(error: unknown): Failure {
  if (error === null || typeof error !== "object") {
    return { type: "Error", message: String(error) };
  }
  const e = error as Partial<ApplicationError> & { name?: string; cause?: unknown; [k: string]: unknown };
  const name = typeof e.name === "string" ? e.name : "Error";
  const type = name === "ApplicationError" && typeof e.type === "string" ? e.type : name;
  const failure: Failure = { type, message: typeof e.message === "string" ? e.message : String(error) };
  if (typeof e.stack === "string") failure.stack = e.stack;
  if (e.nonRetryable === true) failure.nonRetryable = true;
  const details = detailsOf(e, name);
  if (details !== undefined) failure.details = details;
  if (e.cause !== undefined) failure.cause = toFailure(e.cause);
  return failure;
}

function detailsOf(e: Record<string, unknown>, name: string): unknown {
  switch (name) {
    case "ActivityFailure":
      return { activityType: e.activityType, attempt: e.attempt };
    case "ChildWorkflowFailure":
      return { workflowId: e.workflowId, workflowType: e.workflowType };
    case "Timeout":
    case "HeartbeatTimeout":
      return e.timeoutType === undefined ? undefined : { timeoutType: e.timeoutType };
    default:
      return e.details;
  }
}

/**
 * Rebuilds an error from a `Failure` with this realm's classes, so user code can use
 * `instanceof ActivityFailure`, `instanceof Timeout` and friends.
 */
export function fromFailure(failure: Failure): Error {
  const cause = failure.cause ? fromFailure(failure.cause) : undefined;
  const d = (failure.details ?? {}) as Record<string, any>;
  let error: Error;
  switch (failure.type) {
    case "ActivityFailure":
      error = new ActivityFailure(failure.message, d.activityType, d.attempt, cause ?? new Error("unknown cause"));
      break;
    case "ChildWorkflowFailure":
      error = new ChildWorkflowFailure(failure.message, d.workflowId, d.workflowType, cause ?? new Error("unknown cause"));
      break;
    case "CancelledError":
      error = new CancelledError(failure.message);
      break;
    case "Timeout":
    case "TimeoutError":
      error = new Timeout(failure.message, d.timeoutType);
      break;
    case "HeartbeatTimeout":
      error = new HeartbeatTimeout(failure.message);
      break;
    case "DeterminismError":
      error = new DeterminismError(failure.message);
      break;
    case "WorkflowUsageError":
      error = new WorkflowUsageError(failure.message);
      break;
    case "SandboxViolationError":
      error = new SandboxViolationError(failure.message);
      break;
    default:
      error = new ApplicationError(failure.message, {
        type: failure.type,
        nonRetryable: failure.nonRetryable ?? false,
        details: failure.details,
        cause,
      });
  }
  if (failure.stack) error.stack = failure.stack;
  return error;
}
