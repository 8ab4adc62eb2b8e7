import {
  decideActivityCompleted,
  decideActivityFailed,
  decideActivityHeartbeat,
  decideActivityStarted,
} from "./activity.decider";
import { assertNever } from "./assert-never";
import { decideChildClosed, decideChildStarted } from "./child.decider";
import { DecisionRecorder } from "./decision-recorder";
import type { Effect } from "./effect";
import type { HistoryCommand } from "./history-command";
import type { HistoryEvent } from "./history-event";
import { decideRequestCancel, decideSignal, decideStart, decideTerminate } from "./lifecycle.decider";
import type { Rejection } from "./rejection";
import { decideTimerFired } from "./timer.decider";
import type { WorkflowState } from "./workflow-state";
import {
  decideWorkflowTaskCompleted,
  decideWorkflowTaskFailed,
  decideWorkflowTaskStarted,
} from "./workflow-task.decider";

/**
 * What `decide` concluded: the events to append, the effects to perform, and the state
 * after them — or a rejection that changes nothing. A duplicate command is accepted with no
 * events and no effects.
 */
export type Decision =
  | { ok: true; events: HistoryEvent[]; effects: Effect[]; state: WorkflowState }
  | { ok: false; rejection: Rejection };

/**
 * The whole state machine of one workflow id. Pure: time and ids come on the command, and
 * nothing is thrown for bad input — it is rejected.
 *
 * @example
 * const d = decide(INITIAL_STATE, { type: "StartWorkflow", now, data: { workflowId: "w1", runId: "r1",
 *   workflowType: "reminder", taskQueue: "default", input: ["a@b.c"], requestId: "q1" } });
 * // d.ok && d.events → [WorkflowStarted, WorkflowTaskScheduled]
 */
export function decide(state: WorkflowState, command: HistoryCommand): Decision {
  const rec = new DecisionRecorder(state, command.now, command.type === "TimerFired" ? command.data.timerId : undefined);
  const rejection = route(rec, command);
  if (rejection) return { ok: false, rejection };
  return { ok: true, events: rec.events, effects: rec.effects, state: rec.state };
}

function route(rec: DecisionRecorder, command: HistoryCommand): Rejection | void {
  switch (command.type) {
    case "StartWorkflow":
      return decideStart(rec, command);
    case "SignalWorkflow":
      return decideSignal(rec, command);
    case "RequestCancelWorkflow":
      return decideRequestCancel(rec, command);
    case "TerminateWorkflow":
      return decideTerminate(rec, command);
    case "WorkflowTaskStarted":
      return decideWorkflowTaskStarted(rec, command);
    case "CompleteWorkflowTask":
      return decideWorkflowTaskCompleted(rec, command);
    case "FailWorkflowTask":
      return decideWorkflowTaskFailed(rec, command);
    case "ActivityTaskStarted":
      return decideActivityStarted(rec, command);
    case "CompleteActivityTask":
      return decideActivityCompleted(rec, command);
    case "FailActivityTask":
      return decideActivityFailed(rec, command);
    case "HeartbeatActivityTask":
      return decideActivityHeartbeat(rec, command);
    case "TimerFired":
      return decideTimerFired(rec, command);
    case "ChildWorkflowStarted":
      return decideChildStarted(rec, command);
    case "ChildWorkflowClosed":
      return decideChildClosed(rec, command);
    default:
      return assertNever(command, "history command");
  }
}
