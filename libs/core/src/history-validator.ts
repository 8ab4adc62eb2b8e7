import { evolve } from "./evolve";
import type { HistoryEvent } from "./history-event";
import { INITIAL_STATE, type WorkflowState, timerIdOf } from "./workflow-state";

/**
 * Lists what is wrong with one run's history; empty means valid. Used by property tests and by
 * the fault-injection suites to prove "exactly once, gap-free" on histories read back from
 * the log.
 *
 * @example
 * expect(historyProblems(events)).toEqual([]);
 */
export function historyProblems(events: readonly HistoryEvent[]): string[] {
  const problems: string[] = [];
  if (events.length === 0) return ["history is empty"];
  if (events[0].type !== "WorkflowStarted") problems.push(`first event is ${events[0].type}, not WorkflowStarted`);
  const activityOutcomes = new Set<string>();
  const firedTimers = new Set<string>();
  const signalRequests = new Set<string>();
  let state: WorkflowState = INITIAL_STATE;
  let lastTimestamp = -Infinity;
  for (const [index, event] of events.entries()) {
    const at = `event ${event.eventId} (${event.type})`;
    if (event.eventId !== index + 1) problems.push(`${at}: expected id ${index + 1} (ids must be gap-free)`);
    if (event.timestamp < lastTimestamp) problems.push(`${at}: timestamp goes backwards`);
    lastTimestamp = event.timestamp;
    if (index > 0 && state.status !== "running") {
      problems.push(`${at}: follows the close of the run`);
      break;
    }
    const pre = state.status === "running" ? state : undefined;
    switch (event.type) {
      case "WorkflowTaskScheduled":
        if (pre && pre.workflowTask.status !== "none" && pre.workflowTask.status !== "backoff") {
          problems.push(`${at}: a workflow task is already ${pre.workflowTask.status}`);
        }
        break;
      case "ActivityTaskCompleted":
      case "ActivityTaskFailed":
      case "ActivityTaskTimedOut": {
        const key = `${event.data.activityId}#${event.data.attempt}`;
        if (activityOutcomes.has(key)) problems.push(`${at}: attempt ${key} already has an outcome`);
        activityOutcomes.add(key);
        const activity = pre?.activities[event.data.activityId];
        if (!activity || activity.attempt !== event.data.attempt) problems.push(`${at}: attempt ${key} is not current`);
        else if (event.type === "ActivityTaskCompleted" && activity.status !== "started") problems.push(`${at}: completed before started`);
        break;
      }
      case "TimerFired":
        if (firedTimers.has(event.data.timerId)) problems.push(`${at}: timer ${event.data.timerId} fired twice`);
        firedTimers.add(event.data.timerId);
        if (!pre?.timers[timerIdOf({ kind: "user", seq: event.data.seq })]) problems.push(`${at}: timer was not pending`);
        break;
      case "SignalReceived":
        if (signalRequests.has(event.data.requestId)) problems.push(`${at}: signal request ${event.data.requestId} recorded twice`);
        signalRequests.add(event.data.requestId);
        break;
      default:
        break;
    }
    try {
      state = evolve(state, event);
    } catch (error) {
      problems.push(`${at}: ${(error as Error).message}`);
      break;
    }
  }
  return problems;
}

/** Folds a whole history; throws `InvalidHistoryError` on the first event that cannot apply. */
export function foldHistory(events: readonly HistoryEvent[], from: WorkflowState = INITIAL_STATE): WorkflowState {
  return events.reduce(evolve, from);
}
