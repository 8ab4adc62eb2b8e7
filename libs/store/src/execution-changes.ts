import { assertNever, type HistoryEvent, type HistoryEventMessage } from "@eventual/core";
import type { ExecutionStatus } from "./entities";
import { isoTime } from "./sql-time";

/**
 * What a batch of events changes in one run's execution row. Folded in memory first so a
 * batch costs two SQL statements however many events it holds.
 */
export interface ExecutionChange {
  runId: string;
  workflowId: string;
  /** Highest event id in the batch; the row keeps the max over all batches. */
  historyLength: number;
  /** Present when the batch holds WorkflowStarted: the row is created from it. */
  start?: {
    workflowType: string;
    taskQueue: string;
    startTime: string;
    parentWorkflowId: string | null;
    parentRunId: string | null;
  };
  /** Present when the batch holds the run's close event. */
  close?: {
    status: ExecutionStatus;
    closeTime: string;
    /** JSON text, or null for SQL NULL: a workflow may complete with the JSON value null. */
    resultJson: string | null;
    failureJson: string | null;
  };
}

/**
 * Folds events (in log order) into per-run changes.
 *
 * @example
 * executionChanges([{ workflowId: "w", runId: "r", event: started }]) // → [{ runId: "r", start: {...}, historyLength: 1 }]
 */
export function executionChanges(messages: readonly HistoryEventMessage[]): ExecutionChange[] {
  const byRun = new Map<string, ExecutionChange>();
  for (const { workflowId, runId, event } of messages) {
    let change = byRun.get(runId);
    if (!change) byRun.set(runId, (change = { runId, workflowId, historyLength: 0 }));
    change.historyLength = Math.max(change.historyLength, event.eventId);
    applyEvent(change, event);
  }
  return [...byRun.values()];
}

// JSON.stringify drops undefined members, as the log's own encoding did.
function json(value: unknown): string {
  return JSON.stringify(value);
}

function applyEvent(change: ExecutionChange, event: HistoryEvent): void {
  const closeTime = isoTime(event.timestamp);
  switch (event.type) {
    case "WorkflowStarted":
      change.start = {
        workflowType: event.data.workflowType,
        taskQueue: event.data.taskQueue,
        startTime: isoTime(event.timestamp),
        parentWorkflowId: event.data.parent?.workflowId ?? null,
        parentRunId: event.data.parent?.runId ?? null,
      };
      return;
    // A close event fills `result` or `failure`, so GetWorkflowResult reads one row.
    // Closes other than failed still get a Failure shape (CancelledError is the SDK's own
    // class), so a caller awaiting the result can throw it as-is.
    case "WorkflowCompleted":
      change.close = {
        status: "completed",
        closeTime,
        resultJson: json(event.data.result ?? null),
        failureJson: null,
      };
      return;
    case "WorkflowFailed":
      change.close = {
        status: "failed",
        closeTime,
        resultJson: null,
        failureJson: json(event.data.failure),
      };
      return;
    case "WorkflowCancelled":
      change.close = {
        status: "cancelled",
        closeTime,
        resultJson: null,
        failureJson: json({
          type: "CancelledError",
          message: "workflow cancelled",
          details: event.data.details,
        }),
      };
      return;
    case "WorkflowTerminated":
      change.close = {
        status: "terminated",
        closeTime,
        resultJson: null,
        failureJson: json({ type: "TerminatedError", message: event.data.reason }),
      };
      return;
    case "WorkflowTimedOut":
      change.close = {
        status: "timed-out",
        closeTime,
        resultJson: null,
        failureJson: json({ type: "TimeoutError", message: "workflow execution timed out" }),
      };
      return;
    case "WorkflowContinuedAsNew":
      // The new run's id is what a caller following the chain needs.
      change.close = {
        status: "continued-as-new",
        closeTime,
        resultJson: json({ newRunId: event.data.newRunId }),
        failureJson: null,
      };
      return;
    // Everything else only lengthens the history.
    case "WorkflowCancelRequested":
    case "WorkflowTaskScheduled":
    case "WorkflowTaskStarted":
    case "WorkflowTaskCompleted":
    case "WorkflowTaskFailed":
    case "WorkflowTaskTimedOut":
    case "ActivityTaskScheduled":
    case "ActivityTaskStarted":
    case "ActivityTaskCompleted":
    case "ActivityTaskFailed":
    case "ActivityTaskTimedOut":
    case "ActivityTaskCancelRequested":
    case "ActivityTaskCancelled":
    case "TimerStarted":
    case "TimerFired":
    case "TimerCancelled":
    case "SignalReceived":
    case "SignalExternalInitiated":
    case "ChildWorkflowInitiated":
    case "ChildWorkflowStarted":
    case "ChildWorkflowCompleted":
    case "ChildWorkflowFailed":
    case "ChildWorkflowCancelled":
    case "ChildWorkflowTimedOut":
    case "MarkerRecorded":
      return;
    default:
      return assertNever(event, "history event");
  }
}
