/** gRPC-aligned codes, so the gateway maps a rejection to a status without a table of its own. */
export type RejectionCode = "NOT_FOUND" | "ALREADY_EXISTS" | "FAILED_PRECONDITION" | "INVALID_ARGUMENT";

export type RejectionReason =
  | "workflow-not-found"
  | "workflow-already-running"
  | "request-id-reused"
  | "workflow-id-reuse-rejected"
  | "workflow-closed"
  | "unknown-activity"
  | "activity-not-running"
  | "stale-workflow-task";

/**
 * Why `decide` refused a command. A rejection changes nothing; the caller reports it.
 *
 * @example
 * { code: "NOT_FOUND", reason: "workflow-not-found", message: "No workflow with id order-7" }
 */
export interface Rejection {
  code: RejectionCode;
  reason: RejectionReason;
  message: string;
}

const CODES: Record<RejectionReason, RejectionCode> = {
  "workflow-not-found": "NOT_FOUND",
  "workflow-already-running": "ALREADY_EXISTS",
  "request-id-reused": "ALREADY_EXISTS",
  "workflow-id-reuse-rejected": "ALREADY_EXISTS",
  "workflow-closed": "FAILED_PRECONDITION",
  "unknown-activity": "NOT_FOUND",
  "activity-not-running": "FAILED_PRECONDITION",
  "stale-workflow-task": "NOT_FOUND",
};

export function reject(reason: RejectionReason, message: string): Rejection {
  return { code: CODES[reason], reason, message };
}
