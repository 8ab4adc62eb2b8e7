import type { Failure, Payload } from "./payload";
import type { ParentRef } from "./history-event";
import type { WorkflowCommand } from "./workflow-command";

/** What to do when a start names a workflow id whose last run is closed. */
export type IdReusePolicy = "allow-duplicate" | "allow-duplicate-failed-only" | "reject-duplicate";

/** How a child run ended, as reported to its parent. */
export type ChildOutcome =
  | { status: "completed"; result: Payload }
  | { status: "failed"; failure: Failure }
  | { status: "cancelled" }
  | { status: "terminated"; reason: string }
  | { status: "timed-out" };

export interface StartWorkflowData {
  workflowId: string;
  runId: string;
  workflowType: string;
  taskQueue: string;
  input: Payload;
  requestId: string;
  idReusePolicy?: IdReusePolicy;
  executionTimeoutMs?: number;
  taskTimeoutMs?: number;
  parent?: ParentRef;
  continuedFromRunId?: string;
}

/**
 * Inputs to `decide` for one workflow id. Commands about a run's tasks, timers or children
 * name the run: activity ids, timer ids and task ids repeat across runs of one workflow id,
 * so a late report for an earlier run must not land on the current one. `now` is the only
 * clock the core sees, and every id it records (run ids, request ids) arrives here too.
 */
export type HistoryCommandBody =
  | { type: "StartWorkflow"; data: StartWorkflowData }
  | { type: "SignalWorkflow"; data: { signalName: string; input: Payload; requestId: string } }
  | { type: "RequestCancelWorkflow"; data: { reason: string; requestId: string } }
  | { type: "TerminateWorkflow"; data: { reason: string } }
  | { type: "WorkflowTaskStarted"; data: { runId: string; scheduledEventId: number; identity: string } }
  | {
      type: "CompleteWorkflowTask";
      data: {
        runId: string;
        scheduledEventId: number;
        identity: string;
        commands: WorkflowCommand[];
        /** Run id for a `ContinueAsNew` command; ids arrive on commands, never made here. */
        newRunId?: string;
      };
    }
  | {
      type: "FailWorkflowTask";
      data: { runId: string; scheduledEventId: number; identity: string; failure: Failure };
    }
  | { type: "ActivityTaskStarted"; data: { runId: string; activityId: string; attempt: number; identity: string } }
  | { type: "CompleteActivityTask"; data: { runId: string; activityId: string; attempt: number; result: Payload } }
  | { type: "FailActivityTask"; data: { runId: string; activityId: string; attempt: number; failure: Failure } }
  | {
      type: "HeartbeatActivityTask";
      data: { runId: string; activityId: string; attempt: number; details?: Payload };
    }
  | { type: "TimerFired"; data: { runId: string; timerId: string } }
  | { type: "ChildWorkflowStarted"; data: { parentRunId: string; seq: number; workflowId: string; runId: string } }
  | {
      type: "ChildWorkflowClosed";
      data: { parentRunId: string; seq: number; workflowId: string; runId?: string; outcome: ChildOutcome };
    };

export type HistoryCommand = HistoryCommandBody & { now: number };

export type HistoryCommandType = HistoryCommand["type"];
