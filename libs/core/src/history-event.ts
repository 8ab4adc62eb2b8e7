import type { Failure, Payload } from "./payload";
import type { ActivityOptions, ParentClosePolicy } from "./workflow-command";

/** Where a child reports back: the parent run and the sequence number of the child call. */
export interface ParentRef {
  workflowId: string;
  runId: string;
  seq: number;
}

/** Which activity limit ran out. */
export type ActivityTimeoutType = "schedule-to-start" | "start-to-close" | "schedule-to-close" | "heartbeat";

/** Why a workflow task failed. */
export type WorkflowTaskFailedCause =
  /** The worker reported an error (a bug, a `DeterminismError`, a crash in the sandbox). */
  | "worker-failure"
  /** The task tried to close the workflow while signals it had not seen were waiting. */
  | "unhandled-signal"
  /** The task's commands were invalid for the workflow's state. */
  | "bad-command";

export interface WorkflowStartedData {
  workflowId: string;
  runId: string;
  workflowType: string;
  taskQueue: string;
  input: Payload;
  requestId: string;
  /** Limit on the run as a whole; absent means none. */
  executionTimeoutMs?: number;
  /** Limit on one workflow task from start to completion. */
  taskTimeoutMs: number;
  parent?: ParentRef;
  continuedFromRunId?: string;
}

/**
 * Everything that can happen to a workflow run, as `{ type, data }`. The event log is the
 * truth (DESIGN §3.1); `evolve` folds these into state and the replayer feeds them to
 * workflow code.
 */
export type HistoryEventBody =
  | { type: "WorkflowStarted"; data: WorkflowStartedData }
  | { type: "WorkflowCompleted"; data: { result: Payload } }
  | { type: "WorkflowFailed"; data: { failure: Failure } }
  | { type: "WorkflowCancelled"; data: { details?: Payload } }
  | { type: "WorkflowTerminated"; data: { reason: string } }
  | { type: "WorkflowTimedOut"; data: Record<string, never> }
  | {
      type: "WorkflowContinuedAsNew";
      data: { newRunId: string; input: Payload; workflowType: string; taskQueue: string };
    }
  | { type: "WorkflowCancelRequested"; data: { reason: string; requestId: string } }
  | { type: "WorkflowTaskScheduled"; data: { attempt: number } }
  | { type: "WorkflowTaskStarted"; data: { scheduledEventId: number; identity: string } }
  | {
      type: "WorkflowTaskCompleted";
      data: { scheduledEventId: number; startedEventId: number; identity: string };
    }
  | {
      type: "WorkflowTaskFailed";
      data: {
        scheduledEventId: number;
        startedEventId: number;
        cause: WorkflowTaskFailedCause;
        failure: Failure;
      };
    }
  | { type: "WorkflowTaskTimedOut"; data: { scheduledEventId: number; startedEventId: number } }
  | {
      type: "ActivityTaskScheduled";
      data: {
        seq: number;
        activityId: string;
        activityType: string;
        input: Payload;
        options: ActivityOptions;
        /** 1 for the call itself; greater for a retry after backoff. */
        attempt: number;
      };
    }
  | { type: "ActivityTaskStarted"; data: { activityId: string; attempt: number; identity: string } }
  | {
      type: "ActivityTaskCompleted";
      data: { seq: number; activityId: string; attempt: number; result: Payload };
    }
  | {
      type: "ActivityTaskFailed";
      data: {
        seq: number;
        activityId: string;
        attempt: number;
        failure: Failure;
        /** Present when the policy retries: when the next attempt is due. */
        nextAttemptAt?: number;
      };
    }
  | {
      type: "ActivityTaskTimedOut";
      data: {
        seq: number;
        activityId: string;
        attempt: number;
        timeoutType: ActivityTimeoutType;
        nextAttemptAt?: number;
      };
    }
  | { type: "ActivityTaskCancelRequested"; data: { seq: number; activityId: string } }
  | { type: "ActivityTaskCancelled"; data: { seq: number; activityId: string } }
  | { type: "TimerStarted"; data: { seq: number; timerId: string; fireAt: number } }
  | { type: "TimerFired"; data: { seq: number; timerId: string } }
  | { type: "TimerCancelled"; data: { seq: number; timerId: string } }
  | { type: "SignalReceived"; data: { signalName: string; input: Payload; requestId: string } }
  | {
      type: "SignalExternalInitiated";
      data: { seq: number; workflowId: string; signalName: string; input: Payload; requestId: string };
    }
  | {
      type: "ChildWorkflowInitiated";
      data: {
        seq: number;
        workflowId: string;
        workflowType: string;
        input: Payload;
        taskQueue: string;
        parentClosePolicy: ParentClosePolicy;
        executionTimeoutMs?: number;
      };
    }
  | { type: "ChildWorkflowStarted"; data: { seq: number; workflowId: string; runId: string } }
  | {
      type: "ChildWorkflowCompleted";
      data: { seq: number; workflowId: string; runId: string; result: Payload };
    }
  | {
      type: "ChildWorkflowFailed";
      data: { seq: number; workflowId: string; runId?: string; failure: Failure };
    }
  | { type: "ChildWorkflowCancelled"; data: { seq: number; workflowId: string; runId: string } }
  | { type: "ChildWorkflowTimedOut"; data: { seq: number; workflowId: string; runId: string } }
  | {
      type: "MarkerRecorded";
      data: { seq: number; markerName: "side-effect" | "version"; details: Payload };
    };

/** One entry of a run's history: ids start at 1 and have no gaps. */
export type HistoryEvent = HistoryEventBody & { eventId: number; timestamp: number };

export type HistoryEventType = HistoryEvent["type"];

/** Narrows an event to one type. */
export type EventOf<T extends HistoryEventType> = Extract<HistoryEvent, { type: T }>;

/** Events after which the run accepts nothing more. */
export const CLOSE_EVENT_TYPES = [
  "WorkflowCompleted",
  "WorkflowFailed",
  "WorkflowCancelled",
  "WorkflowTerminated",
  "WorkflowTimedOut",
  "WorkflowContinuedAsNew",
] as const satisfies readonly HistoryEventType[];

export type CloseEventType = (typeof CLOSE_EVENT_TYPES)[number];

export function isCloseEvent(event: HistoryEventBody): event is Extract<HistoryEvent, { type: CloseEventType }> {
  return (CLOSE_EVENT_TYPES as readonly string[]).includes(event.type);
}
