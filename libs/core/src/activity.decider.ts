import type { DecisionRecorder } from "./decision-recorder";
import type { HistoryCommand } from "./history-command";
import type { ActivityTimeoutType } from "./history-event";
import type { Failure } from "./payload";
import { type Rejection, reject } from "./rejection";
import { retryDelayMs } from "./retry-policy";
import { requireRunning, scheduleWorkflowTaskIfIdle } from "./lifecycle.decider";
import { type ActivityState, type RunningWorkflow, timerIdOf } from "./workflow-state";

type Cmd<T extends HistoryCommand["type"]> = Extract<HistoryCommand, { type: T }>;
type ActivityCmd = Cmd<"ActivityTaskStarted" | "CompleteActivityTask" | "FailActivityTask" | "HeartbeatActivityTask">;

/**
 * Finds the attempt a worker's report is about. Reports for finished activities or earlier
 * attempts are duplicates (at-least-once delivery below us) and yield "stale"; a report for an
 * activity this run never scheduled is a caller error.
 */
function currentAttempt(rec: DecisionRecorder, cmd: ActivityCmd): ActivityState | "stale" | Rejection {
  const run = requireRunning(rec.state, "report on an activity");
  if ("code" in run) return run;
  const { activityId, attempt, runId } = cmd.data;
  // A report for an earlier run of this workflow id is late, not unknown.
  if (runId !== run.runId) return "stale";
  const activity = run.activities[activityId];
  if (!activity) {
    if (run.closedActivities[activityId]) return "stale";
    return reject("unknown-activity", `Workflow ${run.workflowId} run ${run.runId} has no activity ${activityId}`);
  }
  if (activity.attempt !== attempt || activity.status === "backoff") return "stale";
  return activity;
}

export function decideActivityStarted(rec: DecisionRecorder, cmd: Cmd<"ActivityTaskStarted">): Rejection | void {
  const activity = currentAttempt(rec, cmd);
  if (activity === "stale" || "code" in activity) return activity === "stale" ? undefined : activity;
  if (activity.status === "started") return;
  const { activityId, attempt, identity } = cmd.data;
  rec.emit({ type: "ActivityTaskStarted", data: { activityId, attempt, identity } });
}

/** A result may overtake the started report (they travel different paths): record both. */
function ensureStarted(rec: DecisionRecorder, activity: ActivityState): void {
  if (activity.status === "scheduled") {
    rec.emit({ type: "ActivityTaskStarted", data: { activityId: activity.activityId, attempt: activity.attempt, identity: "unknown" } });
  }
}

export function decideActivityCompleted(rec: DecisionRecorder, cmd: Cmd<"CompleteActivityTask">): Rejection | void {
  const activity = currentAttempt(rec, cmd);
  if (activity === "stale" || "code" in activity) return activity === "stale" ? undefined : activity;
  ensureStarted(rec, activity);
  rec.emit({
    type: "ActivityTaskCompleted",
    data: { seq: activity.seq, activityId: activity.activityId, attempt: activity.attempt, result: cmd.data.result },
  });
  scheduleWorkflowTaskIfIdle(rec);
}

export function decideActivityFailed(rec: DecisionRecorder, cmd: Cmd<"FailActivityTask">): Rejection | void {
  const activity = currentAttempt(rec, cmd);
  if (activity === "stale" || "code" in activity) return activity === "stale" ? undefined : activity;
  ensureStarted(rec, activity);
  const nextAttemptAt = nextAttemptTime(rec.running, activity, cmd.data.failure, cmd.now);
  rec.emit({
    type: "ActivityTaskFailed",
    data: {
      seq: activity.seq,
      activityId: activity.activityId,
      attempt: activity.attempt,
      failure: cmd.data.failure,
      ...(nextAttemptAt !== undefined ? { nextAttemptAt } : {}),
    },
  });
  if (nextAttemptAt === undefined) scheduleWorkflowTaskIfIdle(rec);
}

/**
 * Heartbeats record no event (they would swamp the history); they push the heartbeat
 * timer out instead. The timer service replaces a timer with the same id.
 */
export function decideActivityHeartbeat(rec: DecisionRecorder, cmd: Cmd<"HeartbeatActivityTask">): Rejection | void {
  const activity = currentAttempt(rec, cmd);
  // Unlike a late result, a heartbeat from an attempt that no longer counts is answered: the
  // rejection is how the worker learns to stop it (cancelled, timed out, or superseded).
  if (activity === "stale") {
    return reject("activity-not-running", `Activity ${cmd.data.activityId} attempt ${cmd.data.attempt} is no longer running (it finished, was cancelled or timed out); stop it`);
  }
  if ("code" in activity) return activity;
  const timeout = activity.options.heartbeatTimeoutMs;
  if (timeout === undefined) return;
  const run = rec.running;
  const timerId = timerIdOf({ kind: "activity-timeout", activityId: activity.activityId, attempt: activity.attempt, timeoutType: "heartbeat" });
  // Only a started attempt has a heartbeat timer to push out. One that overtook its start
  // report gets its timer from the start; arming it here would leave a timer the run never cancels.
  if (!run.timers[timerId]) return;
  rec.effect({ type: "StartTimer", data: { workflowId: run.workflowId, runId: run.runId, timerId, fireAt: cmd.now + timeout } });
}

/** An activity limit ran out. Attempt limits retry per policy; the overall limit is final. */
export function decideActivityTimeout(
  rec: DecisionRecorder,
  activityId: string,
  attempt: number,
  timeoutType: ActivityTimeoutType,
  now: number,
): void {
  const run = rec.running;
  const activity = run.activities[activityId];
  if (!activity) return;
  const expected: Record<ActivityTimeoutType, ActivityState["status"][]> = {
    "schedule-to-start": ["scheduled"],
    "start-to-close": ["started"],
    heartbeat: ["started"],
    "schedule-to-close": ["scheduled", "started", "backoff"],
  };
  if (timeoutType !== "schedule-to-close" && activity.attempt !== attempt) return;
  if (!expected[timeoutType].includes(activity.status)) return;
  const retryable = timeoutType === "start-to-close" || timeoutType === "heartbeat";
  const failure: Failure = { type: "TimeoutError", message: `activity ${activity.activityType} timed out (${timeoutType})` };
  const nextAttemptAt = retryable ? nextAttemptTime(run, activity, failure, now) : undefined;
  rec.emit({
    type: "ActivityTaskTimedOut",
    data: {
      seq: activity.seq,
      activityId,
      attempt: activity.attempt,
      timeoutType,
      ...(nextAttemptAt !== undefined ? { nextAttemptAt } : {}),
    },
  });
  // A queued attempt is withdrawn too, or a worker would still run it after it timed out.
  if (activity.status !== "backoff") {
    rec.effect({ type: "CancelActivityTask", data: { workflowId: run.workflowId, runId: run.runId, activityId } });
  }
  if (nextAttemptAt === undefined) scheduleWorkflowTaskIfIdle(rec);
}

/** Backoff elapsed: queue the next attempt. */
export function decideActivityRetry(rec: DecisionRecorder, activityId: string, attempt: number): void {
  const run = rec.running;
  const activity = run.activities[activityId];
  if (!activity || activity.status !== "backoff" || activity.attempt !== attempt) return;
  rec.emit({
    type: "ActivityTaskScheduled",
    data: {
      seq: activity.seq,
      activityId,
      activityType: activity.activityType,
      input: activity.input,
      options: activity.options,
      attempt,
    },
  });
  dispatchActivity(rec, activity.activityId);
}

export function dispatchActivity(rec: DecisionRecorder, activityId: string): void {
  const run = rec.running;
  const activity = run.activities[activityId];
  rec.effect({
    type: "DispatchActivityTask",
    data: {
      workflowId: run.workflowId,
      runId: run.runId,
      activityId,
      activityType: activity.activityType,
      input: activity.input,
      attempt: activity.attempt,
      options: activity.options,
    },
  });
}

/** When the next attempt is due, or undefined when the policy or the overall deadline says stop. */
function nextAttemptTime(run: RunningWorkflow, activity: ActivityState, failure: Failure, now: number): number | undefined {
  if (run.cancelRequested && failure.type === "CancelledError") return undefined;
  const delay = retryDelayMs(activity.options.retry, activity.attempt, failure);
  if (delay === undefined) return undefined;
  const at = now + delay;
  const limit = activity.options.scheduleToCloseTimeoutMs;
  if (limit !== undefined && at >= activity.firstScheduledAt + limit) return undefined;
  return at;
}
