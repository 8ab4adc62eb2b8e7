import { assertNever } from "./assert-never";
import type { HistoryEvent } from "./history-event";
import {
  type ActivityState,
  type ClosedWorkflow,
  type RunOutcome,
  type RunningWorkflow,
  type TimerPurpose,
  type WorkflowState,
  DEFAULT_WORKFLOW_TASK_TIMEOUT_MS,
  timerIdOf,
  workflowTaskRetryDelayMs,
} from "./workflow-state";

/** Thrown when an event cannot follow the state: the history is corrupt, not the input. */
export class InvalidHistoryError extends Error {
  override readonly name = "InvalidHistoryError";
}

/**
 * Folds one event into the state of its workflow. Replay and `decide` both use it, so the
 * state `decide` returns is, by construction, the fold of the events it emitted.
 *
 * @example
 * const state = history.reduce(evolve, INITIAL_STATE);
 */
export function evolve(state: WorkflowState, event: HistoryEvent): WorkflowState {
  if (event.type === "WorkflowStarted") {
    if (state.status === "running") {
      throw new InvalidHistoryError(`WorkflowStarted #${event.eventId} while run ${state.runId} is running`);
    }
    return startRun(event);
  }
  if (state.status !== "running") {
    throw new InvalidHistoryError(`${event.type} #${event.eventId} on a workflow that is ${state.status}`);
  }
  if (event.eventId !== state.nextEventId) {
    throw new InvalidHistoryError(`Expected event id ${state.nextEventId}, got ${event.eventId} (${event.type})`);
  }
  const s: RunningWorkflow = { ...state, nextEventId: state.nextEventId + 1 };
  const ts = event.timestamp;
  switch (event.type) {
    case "WorkflowCompleted":
      return close(s, ts, { status: "completed", result: event.data.result });
    case "WorkflowFailed":
      return close(s, ts, { status: "failed", failure: event.data.failure });
    case "WorkflowCancelled":
      return close(s, ts, { status: "cancelled", details: event.data.details });
    case "WorkflowTerminated":
      return close(s, ts, { status: "terminated", reason: event.data.reason });
    case "WorkflowTimedOut":
      return close(s, ts, { status: "timed-out" });
    case "WorkflowContinuedAsNew":
      return close(s, ts, { status: "continued-as-new", newRunId: event.data.newRunId });
    case "WorkflowCancelRequested":
      return visible({ ...s, cancelRequested: true });
    case "WorkflowTaskScheduled":
      if (s.workflowTask.status === "backoff") {
        const { attempt, failedEventId } = s.workflowTask;
        s.timers = withoutTimer(s.timers, { kind: "workflow-task-retry", attempt, failedEventId });
      }
      return {
        ...s,
        workflowTask: { status: "scheduled", scheduledEventId: event.eventId, attempt: event.data.attempt },
        unseenEvents: false,
        unseenSignals: false,
      };
    case "WorkflowTaskStarted": {
      const wt = s.workflowTask;
      if (wt.status !== "scheduled" || wt.scheduledEventId !== event.data.scheduledEventId) {
        throw new InvalidHistoryError(`WorkflowTaskStarted #${event.eventId} for a task that is not scheduled`);
      }
      s.timers = withTimer(s.timers, { kind: "workflow-task-timeout", scheduledEventId: wt.scheduledEventId }, ts + s.taskTimeoutMs);
      s.workflowTask = { status: "started", scheduledEventId: wt.scheduledEventId, startedEventId: event.eventId, attempt: wt.attempt };
      return s;
    }
    case "WorkflowTaskCompleted":
      s.timers = withoutTimer(s.timers, { kind: "workflow-task-timeout", scheduledEventId: event.data.scheduledEventId });
      s.workflowTask = { status: "none" };
      return s;
    case "WorkflowTaskFailed":
    case "WorkflowTaskTimedOut": {
      const wt = s.workflowTask;
      if (wt.status !== "started") {
        throw new InvalidHistoryError(`${event.type} #${event.eventId} for a task that is not started`);
      }
      s.timers = withoutTimer(s.timers, { kind: "workflow-task-timeout", scheduledEventId: wt.scheduledEventId });
      const next = nextWorkflowTaskAttempt(event, wt.attempt);
      const delay = workflowTaskRetryDelayMs(next);
      if (delay > 0) {
        s.timers = withTimer(s.timers, { kind: "workflow-task-retry", attempt: next, failedEventId: event.eventId }, ts + delay);
        s.workflowTask = { status: "backoff", attempt: next, failedEventId: event.eventId };
      } else {
        s.workflowTask = { status: "none" };
      }
      return s;
    }
    case "ActivityTaskScheduled": {
      const { activityId, attempt, options, seq } = event.data;
      const previous = s.activities[activityId];
      const activity: ActivityState = {
        seq,
        activityId,
        activityType: event.data.activityType,
        input: event.data.input,
        options,
        attempt,
        status: "scheduled",
        firstScheduledAt: previous?.firstScheduledAt ?? ts,
      };
      let timers = withoutTimer(s.timers, { kind: "activity-retry", activityId, attempt });
      if (options.scheduleToStartTimeoutMs !== undefined) {
        timers = withTimer(timers, { kind: "activity-timeout", activityId, attempt, timeoutType: "schedule-to-start" }, ts + options.scheduleToStartTimeoutMs);
      }
      if (attempt === 1 && options.scheduleToCloseTimeoutMs !== undefined) {
        timers = withTimer(timers, { kind: "activity-timeout", activityId, attempt: 0, timeoutType: "schedule-to-close" }, ts + options.scheduleToCloseTimeoutMs);
      }
      return { ...s, timers, lastSeq: Math.max(s.lastSeq, seq), activities: { ...s.activities, [activityId]: activity } };
    }
    case "ActivityTaskStarted": {
      const { activityId, attempt } = event.data;
      const activity = requireActivity(s, activityId, event);
      const options = activity.options;
      let timers = withoutTimer(s.timers, { kind: "activity-timeout", activityId, attempt, timeoutType: "schedule-to-start" });
      if (options.startToCloseTimeoutMs !== undefined) {
        timers = withTimer(timers, { kind: "activity-timeout", activityId, attempt, timeoutType: "start-to-close" }, ts + options.startToCloseTimeoutMs);
      }
      if (options.heartbeatTimeoutMs !== undefined) {
        timers = withTimer(timers, { kind: "activity-timeout", activityId, attempt, timeoutType: "heartbeat" }, ts + options.heartbeatTimeoutMs);
      }
      return { ...s, timers, activities: { ...s.activities, [activityId]: { ...activity, status: "started" } } };
    }
    case "ActivityTaskCompleted":
    case "ActivityTaskCancelled":
      return visible(closeActivity(s, requireActivity(s, event.data.activityId, event)), event.type === "ActivityTaskCompleted");
    case "ActivityTaskFailed":
    case "ActivityTaskTimedOut": {
      const activity = requireActivity(s, event.data.activityId, event);
      const nextAttemptAt = event.data.nextAttemptAt;
      if (nextAttemptAt === undefined) return visible(closeActivity(s, activity));
      const { activityId, attempt } = activity;
      const timers = withTimer(withoutAttemptTimers(s.timers, activity), { kind: "activity-retry", activityId, attempt: attempt + 1 }, nextAttemptAt);
      return {
        ...s,
        timers,
        activities: { ...s.activities, [activityId]: { ...activity, attempt: attempt + 1, status: "backoff" } },
      };
    }
    case "ActivityTaskCancelRequested":
      return s;
    case "TimerStarted":
      return {
        ...s,
        lastSeq: Math.max(s.lastSeq, event.data.seq),
        timers: withTimer(s.timers, { kind: "user", seq: event.data.seq }, event.data.fireAt),
      };
    case "TimerFired":
      return visible({ ...s, timers: withoutTimer(s.timers, { kind: "user", seq: event.data.seq }) });
    case "TimerCancelled":
      return { ...s, timers: withoutTimer(s.timers, { kind: "user", seq: event.data.seq }) };
    case "SignalReceived":
      return {
        ...visible(s),
        unseenSignals: s.unseenSignals || s.workflowTask.status === "started",
        seenSignalRequestIds: { ...s.seenSignalRequestIds, [event.data.requestId]: true },
      };
    case "SignalExternalInitiated":
    case "MarkerRecorded":
      return { ...s, lastSeq: Math.max(s.lastSeq, event.data.seq) };
    case "ChildWorkflowInitiated": {
      const { seq, workflowId, workflowType, parentClosePolicy } = event.data;
      return {
        ...s,
        lastSeq: Math.max(s.lastSeq, seq),
        children: { ...s.children, [seq]: { seq, workflowId, workflowType, parentClosePolicy, status: "initiated" } },
      };
    }
    case "ChildWorkflowStarted": {
      const child = s.children[event.data.seq];
      if (!child) throw new InvalidHistoryError(`ChildWorkflowStarted #${event.eventId} for unknown child seq ${event.data.seq}`);
      return { ...s, children: { ...s.children, [event.data.seq]: { ...child, status: "started", runId: event.data.runId } } };
    }
    case "ChildWorkflowCompleted":
    case "ChildWorkflowFailed":
    case "ChildWorkflowCancelled":
    case "ChildWorkflowTimedOut": {
      if (!s.children[event.data.seq]) {
        throw new InvalidHistoryError(`${event.type} #${event.eventId} for unknown child seq ${event.data.seq}`);
      }
      const children = { ...s.children };
      delete children[event.data.seq];
      return visible({ ...s, children });
    }
    default:
      return assertNever(event, "history event");
  }
}

function startRun(event: Extract<HistoryEvent, { type: "WorkflowStarted" }>): RunningWorkflow {
  const d = event.data;
  if (event.eventId !== 1) throw new InvalidHistoryError(`WorkflowStarted must be event 1, got ${event.eventId}`);
  const run: RunningWorkflow = {
    status: "running",
    workflowId: d.workflowId,
    runId: d.runId,
    workflowType: d.workflowType,
    taskQueue: d.taskQueue,
    input: d.input,
    requestId: d.requestId,
    startedAt: event.timestamp,
    taskTimeoutMs: d.taskTimeoutMs ?? DEFAULT_WORKFLOW_TASK_TIMEOUT_MS,
    nextEventId: 2,
    workflowTask: { status: "none" },
    unseenEvents: false,
    unseenSignals: false,
    cancelRequested: false,
    lastSeq: 0,
    activities: {},
    closedActivities: {},
    timers: {},
    children: {},
    seenSignalRequestIds: {},
  };
  if (d.executionTimeoutMs !== undefined) {
    run.executionTimeoutMs = d.executionTimeoutMs;
    run.timers = withTimer(run.timers, { kind: "workflow-timeout" }, event.timestamp + d.executionTimeoutMs);
  }
  if (d.parent) run.parent = d.parent;
  return run;
}

/** The attempt number of the task that replaces a failed or timed-out one. */
export function nextWorkflowTaskAttempt(
  event: Extract<HistoryEvent, { type: "WorkflowTaskFailed" | "WorkflowTaskTimedOut" }>,
  failedAttempt: number,
): number {
  // An unhandled signal is not a failure of the task in the retry sense: start over at attempt 1
  // so the next task runs at once. A bad command is a bug, like nondeterminism: it counts, so a
  // workflow that keeps sending one backs off instead of spinning.
  if (event.type === "WorkflowTaskFailed" && event.data.cause === "unhandled-signal") return 1;
  return failedAttempt + 1;
}

function close(s: RunningWorkflow, closedAt: number, outcome: RunOutcome): ClosedWorkflow {
  const info = {
    workflowId: s.workflowId,
    runId: s.runId,
    workflowType: s.workflowType,
    taskQueue: s.taskQueue,
    input: s.input,
    requestId: s.requestId,
    startedAt: s.startedAt,
    taskTimeoutMs: s.taskTimeoutMs,
    nextEventId: s.nextEventId,
    closedAt,
    ...(s.executionTimeoutMs !== undefined ? { executionTimeoutMs: s.executionTimeoutMs } : {}),
    ...(s.parent ? { parent: s.parent } : {}),
  };
  return { ...info, ...outcome };
}

/** Marks that the workflow has something new to see; only matters while a task is in flight. */
function visible(s: RunningWorkflow, isVisible = true): RunningWorkflow {
  if (!isVisible || s.workflowTask.status !== "started") return s;
  return { ...s, unseenEvents: true };
}

function requireActivity(s: RunningWorkflow, activityId: string, event: HistoryEvent): ActivityState {
  const activity = s.activities[activityId];
  if (!activity) throw new InvalidHistoryError(`${event.type} #${event.eventId} for unknown activity ${activityId}`);
  return activity;
}

function closeActivity(s: RunningWorkflow, activity: ActivityState): RunningWorkflow {
  const activities = { ...s.activities };
  delete activities[activity.activityId];
  let timers = withoutAttemptTimers(s.timers, activity);
  timers = withoutTimer(timers, { kind: "activity-timeout", activityId: activity.activityId, attempt: 0, timeoutType: "schedule-to-close" });
  timers = withoutTimer(timers, { kind: "activity-retry", activityId: activity.activityId, attempt: activity.attempt });
  return { ...s, activities, timers, closedActivities: { ...s.closedActivities, [activity.activityId]: true } };
}

function withoutAttemptTimers(timers: RunningWorkflow["timers"], a: ActivityState): RunningWorkflow["timers"] {
  let t = timers;
  for (const timeoutType of ["schedule-to-start", "start-to-close", "heartbeat"] as const) {
    t = withoutTimer(t, { kind: "activity-timeout", activityId: a.activityId, attempt: a.attempt, timeoutType });
  }
  return t;
}

function withTimer(timers: RunningWorkflow["timers"], purpose: TimerPurpose, fireAt: number): RunningWorkflow["timers"] {
  return { ...timers, [timerIdOf(purpose)]: { fireAt, purpose } };
}

function withoutTimer(timers: RunningWorkflow["timers"], purpose: TimerPurpose): RunningWorkflow["timers"] {
  const id = timerIdOf(purpose);
  if (!(id in timers)) return timers;
  const next = { ...timers };
  delete next[id];
  return next;
}
