import type { Failure, Payload } from "./payload";
import type { ActivityTimeoutType, ParentRef } from "./history-event";
import type { ActivityOptions, ParentClosePolicy } from "./workflow-command";

/** Why a durable timer exists. The timer id is derived from it, so ids are deterministic. */
export type TimerPurpose =
  | { kind: "user"; seq: number }
  | { kind: "activity-timeout"; activityId: string; attempt: number; timeoutType: ActivityTimeoutType }
  | { kind: "activity-retry"; activityId: string; attempt: number }
  | { kind: "workflow-task-timeout"; scheduledEventId: number }
  /** Keyed by the failure it retries, so a late duplicate fire cannot cut a later backoff short. */
  | { kind: "workflow-task-retry"; attempt: number; failedEventId: number }
  | { kind: "workflow-timeout" };

export interface TimerRecord {
  fireAt: number;
  purpose: TimerPurpose;
}

export interface ActivityState {
  seq: number;
  activityId: string;
  activityType: string;
  input: Payload;
  options: ActivityOptions;
  /** The attempt running, queued, or (in backoff) about to be queued. */
  attempt: number;
  status: "scheduled" | "started" | "backoff";
  firstScheduledAt: number;
}

export interface ChildState {
  seq: number;
  workflowId: string;
  workflowType: string;
  parentClosePolicy: ParentClosePolicy;
  status: "initiated" | "started";
  runId?: string;
}

export type WorkflowTaskState =
  | { status: "none" }
  | { status: "scheduled"; scheduledEventId: number; attempt: number }
  | { status: "started"; scheduledEventId: number; startedEventId: number; attempt: number }
  | { status: "backoff"; attempt: number; failedEventId: number };

/** Facts of a run that hold from its start to its close. */
export interface RunInfo {
  workflowId: string;
  runId: string;
  workflowType: string;
  taskQueue: string;
  input: Payload;
  requestId: string;
  startedAt: number;
  taskTimeoutMs: number;
  executionTimeoutMs?: number;
  parent?: ParentRef;
  /** Id of the next event to append: the history's length + 1. */
  nextEventId: number;
}

export interface RunningWorkflow extends RunInfo {
  status: "running";
  workflowTask: WorkflowTaskState;
  /** An event the workflow must see arrived while a task was in flight. */
  unseenEvents: boolean;
  /** A signal arrived while a task was in flight: closing now would drop it. */
  unseenSignals: boolean;
  cancelRequested: boolean;
  /** Highest sequence number any command has used; new ones must be greater. */
  lastSeq: number;
  activities: Record<string, ActivityState>;
  /** Ids of activities that reached a final state, so late results are told from unknown ones. */
  closedActivities: Record<string, true>;
  timers: Record<string, TimerRecord>;
  children: Record<number, ChildState>;
  seenSignalRequestIds: Record<string, true>;
}

export type CloseStatus = "completed" | "failed" | "cancelled" | "terminated" | "timed-out" | "continued-as-new";

export type RunOutcome =
  | { status: "completed"; result: Payload }
  | { status: "failed"; failure: Failure }
  | { status: "cancelled"; details?: Payload }
  | { status: "terminated"; reason: string }
  | { status: "timed-out" }
  | { status: "continued-as-new"; newRunId: string };

export type ClosedWorkflow = RunInfo & RunOutcome & { closedAt: number };

/** The state of one workflow id: its current (or last) run. A union on `status`. */
export type WorkflowState = { status: "none" } | RunningWorkflow | ClosedWorkflow;

export const INITIAL_STATE: WorkflowState = Object.freeze({ status: "none" }) as WorkflowState;

export const DEFAULT_WORKFLOW_TASK_TIMEOUT_MS = 10_000;

/** Deterministic timer id for a purpose, unique within a run. */
export function timerIdOf(purpose: TimerPurpose): string {
  switch (purpose.kind) {
    case "user":
      return `user/${purpose.seq}`;
    case "activity-timeout":
      return purpose.timeoutType === "schedule-to-close"
        ? `activity/${purpose.activityId}/schedule-to-close`
        : `activity/${purpose.activityId}/${purpose.attempt}/${purpose.timeoutType}`;
    case "activity-retry":
      return `activity/${purpose.activityId}/${purpose.attempt}/retry`;
    case "workflow-task-timeout":
      return `workflow-task/${purpose.scheduledEventId}/timeout`;
    case "workflow-task-retry":
      return `workflow-task/retry/${purpose.failedEventId}`;
    case "workflow-timeout":
      return "workflow/timeout";
  }
}

/** Activity ids are derived from the call's sequence number: unique in a run, stable on replay. */
export function activityIdOf(seq: number): string {
  return String(seq);
}

/**
 * Delay before retrying a failed workflow task. The first retry is immediate (a worker
 * crash usually clears), later ones back off so a bug such as nondeterminism does not spin.
 */
export function workflowTaskRetryDelayMs(attempt: number): number {
  if (attempt <= 2) return 0;
  return Math.min(60_000, 1_000 * Math.pow(2, attempt - 3));
}

export function isRunning(state: WorkflowState): state is RunningWorkflow {
  return state.status === "running";
}

export function isClosed(state: WorkflowState): state is ClosedWorkflow {
  return state.status !== "none" && state.status !== "running";
}
