import type { Failure, HistoryEvent } from "@eventual/core";
import type { ActivationJob } from "@eventual/sdk";

/**
 * What the workflow must be told about an event, if anything. Retries, starts of attempts and
 * bookkeeping events are invisible to workflow code; only final outcomes, timers, signals
 * and cancellation are delivered.
 */
export function jobForEvent(event: HistoryEvent, activityTypes: ReadonlyMap<number, string>): ActivationJob | undefined {
  switch (event.type) {
    case "WorkflowStarted": {
      const d = event.data;
      return {
        type: "start",
        input: d.input,
        info: { workflowId: d.workflowId, runId: d.runId, workflowType: d.workflowType, taskQueue: d.taskQueue, startTime: event.timestamp },
      };
    }
    case "ActivityTaskCompleted":
      return { type: "resolve", seq: event.data.seq, value: event.data.result };
    case "ActivityTaskFailed": {
      if (event.data.nextAttemptAt !== undefined) return undefined;
      const activityType = activityTypes.get(event.data.seq) ?? "unknown";
      return { type: "reject", seq: event.data.seq, failure: activityFailure(activityType, event.data.attempt, event.data.failure) };
    }
    case "ActivityTaskTimedOut": {
      if (event.data.nextAttemptAt !== undefined) return undefined;
      const activityType = activityTypes.get(event.data.seq) ?? "unknown";
      const { timeoutType } = event.data;
      const cause: Failure = {
        type: timeoutType === "heartbeat" ? "HeartbeatTimeout" : "Timeout",
        message: `activity "${activityType}" timed out (${timeoutType})`,
        details: { timeoutType },
      };
      return { type: "reject", seq: event.data.seq, failure: activityFailure(activityType, event.data.attempt, cause) };
    }
    case "TimerFired":
      return { type: "resolve", seq: event.data.seq, value: null };
    case "SignalReceived":
      return { type: "signal", signalName: event.data.signalName, input: event.data.input };
    case "WorkflowCancelRequested":
      return { type: "cancel", reason: event.data.reason };
    case "ChildWorkflowCompleted":
      return { type: "resolve", seq: event.data.seq, value: event.data.result };
    case "ChildWorkflowFailed":
      return childFailure(event.data.seq, event.data.workflowId, event.data.failure);
    case "ChildWorkflowCancelled":
      return childFailure(event.data.seq, event.data.workflowId, { type: "CancelledError", message: "child workflow was cancelled" });
    case "ChildWorkflowTimedOut":
      return childFailure(event.data.seq, event.data.workflowId, { type: "Timeout", message: "child workflow timed out", details: { timeoutType: "execution" } });
    case "WorkflowCompleted":
    case "WorkflowFailed":
    case "WorkflowCancelled":
    case "WorkflowTerminated":
    case "WorkflowTimedOut":
    case "WorkflowContinuedAsNew":
    case "WorkflowTaskScheduled":
    case "WorkflowTaskStarted":
    case "WorkflowTaskCompleted":
    case "WorkflowTaskFailed":
    case "WorkflowTaskTimedOut":
    case "ActivityTaskScheduled":
    case "ActivityTaskStarted":
    case "ActivityTaskCancelRequested":
    case "ActivityTaskCancelled":
    case "TimerStarted":
    case "TimerCancelled":
    case "SignalExternalInitiated":
    case "ChildWorkflowInitiated":
    case "ChildWorkflowStarted":
    case "MarkerRecorded":
      return undefined;
    default: {
      const never: never = event;
      throw new Error(`Unknown history event ${JSON.stringify(never)}`);
    }
  }
}

function activityFailure(activityType: string, attempt: number, cause: Failure): Failure {
  return {
    type: "ActivityFailure",
    message: `activity "${activityType}" failed after ${attempt} attempt${attempt === 1 ? "" : "s"}: ${cause.message}`,
    details: { activityType, attempt },
    cause,
  };
}

function childFailure(seq: number, workflowId: string, cause: Failure): ActivationJob {
  return {
    type: "reject",
    seq,
    failure: { type: "ChildWorkflowFailure", message: `child workflow ${workflowId} failed: ${cause.message}`, details: { workflowId }, cause },
  };
}
