import { assertNever } from "./assert-never";
import { dispatchActivity } from "./activity.decider";
import { commandProblem } from "./command-validator";
import type { DecisionRecorder } from "./decision-recorder";
import { nextWorkflowTaskAttempt } from "./evolve";
import type { HistoryCommand } from "./history-command";
import type { EventOf, WorkflowTaskFailedCause } from "./history-event";
import { closeRun, requireRunning, scheduleWorkflowTask, scheduleWorkflowTaskIfIdle } from "./lifecycle.decider";
import type { Failure } from "./payload";
import { type Rejection, reject } from "./rejection";
import { type WorkflowCommand, isClosingCommand } from "./workflow-command";
import { type RunningWorkflow, activityIdOf, timerIdOf, workflowTaskRetryDelayMs } from "./workflow-state";

type Cmd<T extends HistoryCommand["type"]> = Extract<HistoryCommand, { type: T }>;

export function decideWorkflowTaskStarted(rec: DecisionRecorder, cmd: Cmd<"WorkflowTaskStarted">): Rejection | void {
  const run = requireRunning(rec.state, "start a workflow task");
  if ("code" in run) return run;
  const wt = run.workflowTask;
  const { scheduledEventId, identity, runId } = cmd.data;
  if (runId === run.runId && wt.status === "started" && wt.scheduledEventId === scheduledEventId) return;
  if (runId !== run.runId || wt.status !== "scheduled" || wt.scheduledEventId !== scheduledEventId) {
    return reject("stale-workflow-task", `Workflow task ${scheduledEventId} of ${run.workflowId} is no longer scheduled; drop it`);
  }
  rec.emit({ type: "WorkflowTaskStarted", data: { scheduledEventId, identity } });
}

function requireStartedTask(rec: DecisionRecorder, runId: string, scheduledEventId: number): RunningWorkflow | Rejection {
  const run = requireRunning(rec.state, "complete a workflow task");
  if ("code" in run) return run;
  const wt = run.workflowTask;
  if (runId !== run.runId || wt.status !== "started" || wt.scheduledEventId !== scheduledEventId) {
    return reject("stale-workflow-task", `Workflow task ${scheduledEventId} of ${run.workflowId} is not in flight (it timed out or was already completed)`);
  }
  return run;
}

export function decideWorkflowTaskCompleted(rec: DecisionRecorder, cmd: Cmd<"CompleteWorkflowTask">): Rejection | void {
  const run = requireStartedTask(rec, cmd.data.runId, cmd.data.scheduledEventId);
  if ("code" in run) return run;
  const { commands, newRunId } = cmd.data;
  const problem = commandProblem(run, commands, newRunId);
  if (problem) {
    failWorkflowTask(rec, "bad-command", { type: "BadCommandError", message: problem, nonRetryable: true });
    return;
  }
  if (run.unseenSignals && commands.some(isClosingCommand)) {
    failWorkflowTask(rec, "unhandled-signal", {
      type: "UnhandledSignalError",
      message: "A signal arrived while the task that closes the workflow was running; the workflow runs again to see it",
    });
    return;
  }
  const wt = run.workflowTask;
  if (wt.status !== "started") throw new Error("unreachable: task checked as started");
  rec.emit({
    type: "WorkflowTaskCompleted",
    data: { scheduledEventId: wt.scheduledEventId, startedEventId: wt.startedEventId, identity: cmd.data.identity },
  });
  for (const command of commands) applyCommand(rec, command, newRunId);
  const after = rec.state;
  if (after.status === "running" && after.unseenEvents) scheduleWorkflowTaskIfIdle(rec);
}

export function decideWorkflowTaskFailed(rec: DecisionRecorder, cmd: Cmd<"FailWorkflowTask">): Rejection | void {
  const run = requireStartedTask(rec, cmd.data.runId, cmd.data.scheduledEventId);
  if ("code" in run) return run;
  failWorkflowTask(rec, "worker-failure", cmd.data.failure);
}

export function decideWorkflowTaskTimeout(rec: DecisionRecorder, scheduledEventId: number): void {
  const wt = rec.running.workflowTask;
  if (wt.status !== "started" || wt.scheduledEventId !== scheduledEventId) return;
  rec.emit({ type: "WorkflowTaskTimedOut", data: { scheduledEventId, startedEventId: wt.startedEventId } });
  retryWorkflowTask(rec, rec.events[rec.events.length - 1] as EventOf<"WorkflowTaskTimedOut">, wt.attempt);
}

export function decideWorkflowTaskRetry(rec: DecisionRecorder, attempt: number, failedEventId: number): void {
  const wt = rec.running.workflowTask;
  if (wt.status === "backoff" && wt.attempt === attempt && wt.failedEventId === failedEventId) scheduleWorkflowTask(rec, attempt);
}

function failWorkflowTask(rec: DecisionRecorder, cause: WorkflowTaskFailedCause, failure: Failure): void {
  const wt = rec.running.workflowTask;
  if (wt.status !== "started") throw new Error("unreachable: task checked as started");
  rec.emit({
    type: "WorkflowTaskFailed",
    data: { scheduledEventId: wt.scheduledEventId, startedEventId: wt.startedEventId, cause, failure },
  });
  retryWorkflowTask(rec, rec.events[rec.events.length - 1] as EventOf<"WorkflowTaskFailed">, wt.attempt);
}

/** Right away for a first retry; after a backoff timer (set by `evolve`) for later ones. */
function retryWorkflowTask(
  rec: DecisionRecorder,
  event: EventOf<"WorkflowTaskFailed" | "WorkflowTaskTimedOut">,
  failedAttempt: number,
): void {
  const next = nextWorkflowTaskAttempt(event, failedAttempt);
  if (workflowTaskRetryDelayMs(next) === 0) scheduleWorkflowTask(rec, next);
}

function applyCommand(rec: DecisionRecorder, command: WorkflowCommand, newRunId: string | undefined): void {
  const run = rec.running;
  switch (command.type) {
    case "ScheduleActivity": {
      const { seq, activityType, input, options } = command.data;
      const activityId = activityIdOf(seq);
      rec.emit({ type: "ActivityTaskScheduled", data: { seq, activityId, activityType, input, options, attempt: 1 } });
      dispatchActivity(rec, activityId);
      return;
    }
    case "RequestCancelActivity": {
      const { seq } = command.data;
      const activityId = activityIdOf(seq);
      const activity = run.activities[activityId];
      rec.emit({ type: "ActivityTaskCancelRequested", data: { seq, activityId } });
      // Already finished (its result raced this task): the request is recorded and that is all.
      if (!activity) return;
      rec.emit({ type: "ActivityTaskCancelled", data: { seq, activityId } });
      // Queued or running, its task must go (as on close); in backoff it has none yet.
      if (activity.status !== "backoff") {
        rec.effect({ type: "CancelActivityTask", data: { workflowId: run.workflowId, runId: run.runId, activityId } });
      }
      return;
    }
    case "StartTimer": {
      const { seq, fireAt } = command.data;
      rec.emit({ type: "TimerStarted", data: { seq, fireAt, timerId: timerIdOf({ kind: "user", seq }) } });
      return;
    }
    case "CancelTimer": {
      const timerId = timerIdOf({ kind: "user", seq: command.data.seq });
      // A timer that fired while the task ran is already gone: nothing to cancel.
      if (run.timers[timerId]) rec.emit({ type: "TimerCancelled", data: { seq: command.data.seq, timerId } });
      return;
    }
    case "StartChildWorkflow": {
      const d = command.data;
      const parentClosePolicy = d.parentClosePolicy ?? "terminate";
      rec.emit({
        type: "ChildWorkflowInitiated",
        data: {
          seq: d.seq,
          workflowId: d.workflowId,
          workflowType: d.workflowType,
          input: d.input,
          taskQueue: d.taskQueue,
          parentClosePolicy,
          ...(d.executionTimeoutMs !== undefined ? { executionTimeoutMs: d.executionTimeoutMs } : {}),
        },
      });
      // The child's run and request ids derive from the parent run and the call's sequence
      // number: a re-sent start is recognised as the same start by the child's decide.
      const childRunId = `${run.runId}.${d.seq}`;
      rec.effect({
        type: "SendCommand",
        data: {
          workflowId: d.workflowId,
          command: {
            type: "StartWorkflow",
            data: {
              workflowId: d.workflowId,
              runId: childRunId,
              requestId: childRunId,
              workflowType: d.workflowType,
              taskQueue: d.taskQueue,
              input: d.input,
              parent: { workflowId: run.workflowId, runId: run.runId, seq: d.seq },
              ...(d.executionTimeoutMs !== undefined ? { executionTimeoutMs: d.executionTimeoutMs } : {}),
            },
          },
        },
      });
      return;
    }
    case "SignalExternalWorkflow": {
      const { seq, workflowId, signalName, input } = command.data;
      const requestId = `${run.runId}/signal/${seq}`;
      rec.emit({ type: "SignalExternalInitiated", data: { seq, workflowId, signalName, input, requestId } });
      rec.effect({ type: "SendCommand", data: { workflowId, command: { type: "SignalWorkflow", data: { signalName, input, requestId } } } });
      return;
    }
    case "RecordMarker":
      rec.emit({ type: "MarkerRecorded", data: { ...command.data } });
      return;
    case "CompleteWorkflow":
      closeRun(rec, { status: "completed", result: command.data.result });
      return;
    case "FailWorkflow":
      closeRun(rec, { status: "failed", failure: command.data.failure });
      return;
    case "CancelWorkflow":
      closeRun(rec, { status: "cancelled", ...(command.data.details !== undefined ? { details: command.data.details } : {}) });
      return;
    case "ContinueAsNew": {
      const d = command.data;
      closeRun(rec, { status: "continued-as-new", newRunId: newRunId as string }, {
        input: d.input,
        workflowType: d.workflowType ?? run.workflowType,
        taskQueue: d.taskQueue ?? run.taskQueue,
      });
      return;
    }
    default:
      assertNever(command, "workflow command");
  }
}
