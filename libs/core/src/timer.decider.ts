import { assertNever } from "./assert-never";
import { decideActivityRetry, decideActivityTimeout } from "./activity.decider";
import type { DecisionRecorder } from "./decision-recorder";
import type { HistoryCommand } from "./history-command";
import { closeRun, scheduleWorkflowTaskIfIdle } from "./lifecycle.decider";
import { decideWorkflowTaskRetry, decideWorkflowTaskTimeout } from "./workflow-task.decider";

/**
 * A durable timer fired. Timers are delivered at least once, so a timer the run no longer
 * holds (fired before, cancelled, or from a closed run) yields nothing.
 */
export function decideTimerFired(rec: DecisionRecorder, cmd: Extract<HistoryCommand, { type: "TimerFired" }>): void {
  const state = rec.state;
  if (state.status !== "running" || state.runId !== cmd.data.runId) return;
  const timer = state.timers[cmd.data.timerId];
  if (!timer) return;
  const purpose = timer.purpose;
  switch (purpose.kind) {
    case "user":
      rec.emit({ type: "TimerFired", data: { seq: purpose.seq, timerId: cmd.data.timerId } });
      scheduleWorkflowTaskIfIdle(rec);
      return;
    case "activity-timeout":
      decideActivityTimeout(rec, purpose.activityId, purpose.attempt, purpose.timeoutType, cmd.now);
      return;
    case "activity-retry":
      decideActivityRetry(rec, purpose.activityId, purpose.attempt);
      return;
    case "workflow-task-timeout":
      decideWorkflowTaskTimeout(rec, purpose.scheduledEventId);
      return;
    case "workflow-task-retry":
      decideWorkflowTaskRetry(rec, purpose.attempt, purpose.failedEventId);
      return;
    case "workflow-timeout":
      closeRun(rec, { status: "timed-out" });
      return;
    default:
      assertNever(purpose, "timer purpose");
  }
}
