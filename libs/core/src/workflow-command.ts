import type { Failure, Payload } from "./payload";
import type { RetryPolicy } from "./retry-policy";

/**
 * Timeouts and retries of one activity call, in milliseconds. Resolved by the SDK from the
 * activity's definition and the per-call options before they reach the core.
 */
export interface ActivityOptions {
  taskQueue: string;
  /** Limit on one attempt, from start to result. */
  startToCloseTimeoutMs?: number;
  /** Limit on the whole activity, across attempts and backoff. */
  scheduleToCloseTimeoutMs?: number;
  /** Limit on waiting in the queue for a worker. */
  scheduleToStartTimeoutMs?: number;
  /** Longest allowed gap between heartbeats of a running attempt. */
  heartbeatTimeoutMs?: number;
  retry?: RetryPolicy;
}

/** What happens to a running child when its parent closes. Temporal's default is terminate. */
export type ParentClosePolicy = "terminate" | "request-cancel" | "abandon";

/**
 * What a completed workflow task asks for. Each command that awaits something carries the
 * sequence number the workflow allocated for that call; the replayer matches history
 * events to calls by it.
 */
export type WorkflowCommand =
  | {
      type: "ScheduleActivity";
      data: { seq: number; activityType: string; input: Payload; options: ActivityOptions };
    }
  | { type: "RequestCancelActivity"; data: { seq: number } }
  | { type: "StartTimer"; data: { seq: number; fireAt: number } }
  | { type: "CancelTimer"; data: { seq: number } }
  | {
      type: "StartChildWorkflow";
      data: {
        seq: number;
        workflowId: string;
        workflowType: string;
        input: Payload;
        taskQueue: string;
        executionTimeoutMs?: number;
        parentClosePolicy?: ParentClosePolicy;
      };
    }
  | {
      type: "SignalExternalWorkflow";
      data: { seq: number; workflowId: string; signalName: string; input: Payload };
    }
  | {
      type: "RecordMarker";
      data: { seq: number; markerName: "side-effect" | "version"; details: Payload };
    }
  | { type: "CompleteWorkflow"; data: { result: Payload } }
  | { type: "FailWorkflow"; data: { failure: Failure } }
  | { type: "CancelWorkflow"; data: { details?: Payload } }
  | { type: "ContinueAsNew"; data: { input: Payload; workflowType?: string; taskQueue?: string } };

export type WorkflowCommandType = WorkflowCommand["type"];

/** Commands after which the workflow run is closed. */
export function isClosingCommand(command: WorkflowCommand): boolean {
  switch (command.type) {
    case "CompleteWorkflow":
    case "FailWorkflow":
    case "CancelWorkflow":
    case "ContinueAsNew":
      return true;
    case "ScheduleActivity":
    case "RequestCancelActivity":
    case "StartTimer":
    case "CancelTimer":
    case "StartChildWorkflow":
    case "SignalExternalWorkflow":
    case "RecordMarker":
      return false;
  }
}
