import { assertNever } from "./assert-never";
import type { DecisionRecorder } from "./decision-recorder";
import type { ChildOutcome, HistoryCommand } from "./history-command";
import { type Rejection, reject } from "./rejection";
import {
  type RunOutcome,
  type RunningWorkflow,
  type WorkflowState,
  DEFAULT_WORKFLOW_TASK_TIMEOUT_MS,
  isClosed,
} from "./workflow-state";

type Cmd<T extends HistoryCommand["type"]> = Extract<HistoryCommand, { type: T }>;

/** Starts a run, or recognises a retry of a start it already applied. */
export function decideStart(rec: DecisionRecorder, cmd: Cmd<"StartWorkflow">): Rejection | void {
  const d = cmd.data;
  const state = rec.state;
  const refusal = startRefusal(state, cmd);
  if (refusal === "duplicate") return;
  if (refusal) {
    // A child start that cannot happen is reported to the parent instead of to a caller.
    if (!d.parent) return refusal;
    rec.effect({
      type: "SendCommand",
      data: {
        workflowId: d.parent.workflowId,
        command: {
          type: "ChildWorkflowClosed",
          data: {
            parentRunId: d.parent.runId,
            seq: d.parent.seq,
            workflowId: d.workflowId,
            outcome: { status: "failed", failure: { type: "WorkflowAlreadyStartedError", message: refusal.message, nonRetryable: true } },
          },
        },
      },
    });
    return;
  }
  rec.emit({
    type: "WorkflowStarted",
    data: {
      workflowId: d.workflowId,
      runId: d.runId,
      workflowType: d.workflowType,
      taskQueue: d.taskQueue,
      input: d.input,
      requestId: d.requestId,
      taskTimeoutMs: d.taskTimeoutMs ?? DEFAULT_WORKFLOW_TASK_TIMEOUT_MS,
      ...(d.executionTimeoutMs !== undefined ? { executionTimeoutMs: d.executionTimeoutMs } : {}),
      ...(d.parent ? { parent: d.parent } : {}),
      ...(d.continuedFromRunId ? { continuedFromRunId: d.continuedFromRunId } : {}),
    },
  });
  scheduleWorkflowTask(rec, 1);
  if (d.parent) {
    rec.effect({
      type: "SendCommand",
      data: {
        workflowId: d.parent.workflowId,
        command: { type: "ChildWorkflowStarted", data: { parentRunId: d.parent.runId, seq: d.parent.seq, workflowId: d.workflowId, runId: d.runId } },
      },
    });
  }
}

function startRefusal(state: WorkflowState, cmd: Cmd<"StartWorkflow">): Rejection | "duplicate" | undefined {
  const d = cmd.data;
  if (state.status === "none") return undefined;
  if (state.requestId === d.requestId || state.runId === d.runId) {
    // The same request again is answered with the same run; the same request id carrying a
    // different start is a caller bug that must not pass silently (DESIGN §3.3).
    if (sameStart(state, d)) return "duplicate";
    return reject(
      "request-id-reused",
      `Request id ${d.requestId} already started run ${state.runId} of ${d.workflowId} with a different workflow type, task queue or input; use a new request id for a different start`,
    );
  }
  if (state.status === "running") {
    return reject("workflow-already-running", `Workflow ${d.workflowId} is already running (run ${state.runId}); signal it, or start with another workflow id`);
  }
  if (d.continuedFromRunId === state.runId) return undefined;
  const policy = d.idReusePolicy ?? "allow-duplicate";
  switch (policy) {
    case "allow-duplicate":
      return undefined;
    case "allow-duplicate-failed-only":
      return state.status === "completed"
        ? reject("workflow-id-reuse-rejected", `Workflow ${d.workflowId} already completed (run ${state.runId}) and the id reuse policy allows a new run only after a failure`)
        : undefined;
    case "reject-duplicate":
      return reject("workflow-id-reuse-rejected", `Workflow ${d.workflowId} already ran (run ${state.runId}, ${state.status}) and the id reuse policy is reject-duplicate`);
    default:
      return assertNever(policy, "id reuse policy");
  }
}

function sameStart(state: Exclude<WorkflowState, { status: "none" }>, d: Cmd<"StartWorkflow">["data"]): boolean {
  return state.workflowType === d.workflowType && state.taskQueue === d.taskQueue && JSON.stringify(state.input) === JSON.stringify(d.input);
}

export function decideSignal(rec: DecisionRecorder, cmd: Cmd<"SignalWorkflow">): Rejection | void {
  const run = requireRunning(rec.state, "signal");
  if ("code" in run) return run;
  if (run.seenSignalRequestIds[cmd.data.requestId]) return;
  rec.emit({ type: "SignalReceived", data: { ...cmd.data } });
  scheduleWorkflowTaskIfIdle(rec);
}

export function decideRequestCancel(rec: DecisionRecorder, cmd: Cmd<"RequestCancelWorkflow">): Rejection | void {
  const run = requireRunning(rec.state, "cancel");
  if ("code" in run) return run;
  if (run.cancelRequested) return;
  rec.emit({ type: "WorkflowCancelRequested", data: { ...cmd.data } });
  scheduleWorkflowTaskIfIdle(rec);
}

export function decideTerminate(rec: DecisionRecorder, cmd: Cmd<"TerminateWorkflow">): Rejection | void {
  const run = requireRunning(rec.state, "terminate");
  if ("code" in run) return run;
  closeRun(rec, { status: "terminated", reason: cmd.data.reason });
}

/** A running run, or the rejection a command for a missing or closed one gets. */
export function requireRunning(state: WorkflowState, action: string): RunningWorkflow | Rejection {
  if (state.status === "running") return state;
  if (state.status === "none") return reject("workflow-not-found", `Cannot ${action}: no such workflow; check the workflow id`);
  return reject("workflow-closed", `Cannot ${action}: workflow ${state.workflowId} run ${state.runId} is already ${state.status}`);
}

export function scheduleWorkflowTask(rec: DecisionRecorder, attempt: number): void {
  rec.emit({ type: "WorkflowTaskScheduled", data: { attempt } });
  const run = rec.running;
  rec.effect({
    type: "DispatchWorkflowTask",
    data: {
      workflowId: run.workflowId,
      runId: run.runId,
      workflowType: run.workflowType,
      taskQueue: run.taskQueue,
      scheduledEventId: run.nextEventId - 1,
      attempt,
    },
  });
}

/** After something the workflow must react to: give it a task unless one is already coming. */
export function scheduleWorkflowTaskIfIdle(rec: DecisionRecorder): void {
  const state = rec.state;
  if (state.status === "running" && state.workflowTask.status === "none") scheduleWorkflowTask(rec, 1);
}

/**
 * Emits the close event for `outcome` and the effects every close implies: stop the run's
 * activities, apply each child's parent-close policy, report to the parent, or start the
 * next run for continue-as-new.
 */
export function closeRun(rec: DecisionRecorder, outcome: RunOutcome, continued?: { input: unknown; workflowType: string; taskQueue: string }): void {
  const run = rec.running;
  switch (outcome.status) {
    case "completed":
      rec.emit({ type: "WorkflowCompleted", data: { result: outcome.result } });
      break;
    case "failed":
      rec.emit({ type: "WorkflowFailed", data: { failure: outcome.failure } });
      break;
    case "cancelled":
      rec.emit({ type: "WorkflowCancelled", data: outcome.details === undefined ? {} : { details: outcome.details } });
      break;
    case "terminated":
      rec.emit({ type: "WorkflowTerminated", data: { reason: outcome.reason } });
      break;
    case "timed-out":
      rec.emit({ type: "WorkflowTimedOut", data: {} });
      break;
    case "continued-as-new":
      if (!continued) throw new Error("continue-as-new needs the next run's input");
      rec.emit({ type: "WorkflowContinuedAsNew", data: { newRunId: outcome.newRunId, ...continued } });
      break;
    default:
      assertNever(outcome, "run outcome");
  }
  if (!isClosed(rec.state)) throw new Error("close event did not close the run");
  for (const activity of Object.values(run.activities)) {
    if (activity.status !== "backoff") {
      rec.effect({ type: "CancelActivityTask", data: { workflowId: run.workflowId, runId: run.runId, activityId: activity.activityId } });
    }
  }
  for (const child of Object.values(run.children)) {
    const reason = `parent workflow ${run.workflowId} closed (${outcome.status})`;
    switch (child.parentClosePolicy) {
      case "terminate":
        rec.effect({ type: "SendCommand", data: { workflowId: child.workflowId, command: { type: "TerminateWorkflow", data: { reason } } } });
        break;
      case "request-cancel":
        rec.effect({
          type: "SendCommand",
          data: { workflowId: child.workflowId, command: { type: "RequestCancelWorkflow", data: { reason, requestId: `${run.runId}/close/${child.seq}` } } },
        });
        break;
      case "abandon":
        break;
      default:
        assertNever(child.parentClosePolicy, "parent close policy");
    }
  }
  if (outcome.status === "continued-as-new") {
    if (!continued) return;
    rec.effect({
      type: "SendCommand",
      data: {
        workflowId: run.workflowId,
        command: {
          type: "StartWorkflow",
          data: {
            workflowId: run.workflowId,
            runId: outcome.newRunId,
            requestId: outcome.newRunId,
            workflowType: continued.workflowType,
            taskQueue: continued.taskQueue,
            input: continued.input,
            taskTimeoutMs: run.taskTimeoutMs,
            continuedFromRunId: run.runId,
            ...(run.executionTimeoutMs !== undefined ? { executionTimeoutMs: run.executionTimeoutMs } : {}),
            ...(run.parent ? { parent: run.parent } : {}),
          },
        },
      },
    });
  } else if (run.parent) {
    rec.effect({
      type: "SendCommand",
      data: {
        workflowId: run.parent.workflowId,
        command: {
          type: "ChildWorkflowClosed",
          data: { parentRunId: run.parent.runId, seq: run.parent.seq, workflowId: run.workflowId, runId: run.runId, outcome: childOutcomeOf(outcome) },
        },
      },
    });
  }
}

function childOutcomeOf(outcome: Exclude<RunOutcome, { status: "continued-as-new" }>): ChildOutcome {
  switch (outcome.status) {
    case "completed":
      return { status: "completed", result: outcome.result };
    case "failed":
      return { status: "failed", failure: outcome.failure };
    case "cancelled":
      return { status: "cancelled" };
    case "terminated":
      return { status: "terminated", reason: outcome.reason };
    case "timed-out":
      return { status: "timed-out" };
    default:
      return assertNever(outcome, "run outcome");
  }
}
