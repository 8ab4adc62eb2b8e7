import { assertNever } from "./assert-never";
import type { DecisionRecorder } from "./decision-recorder";
import type { HistoryCommand } from "./history-command";
import { requireRunning, scheduleWorkflowTaskIfIdle } from "./lifecycle.decider";
import type { Rejection } from "./rejection";

type Cmd<T extends HistoryCommand["type"]> = Extract<HistoryCommand, { type: T }>;

export function decideChildStarted(rec: DecisionRecorder, cmd: Cmd<"ChildWorkflowStarted">): Rejection | void {
  const run = requireRunning(rec.state, "record a child start");
  if ("code" in run) return run;
  const { parentRunId, seq, workflowId, runId } = cmd.data;
  const child = run.children[seq];
  if (parentRunId !== run.runId || !child || child.status !== "initiated") return;
  rec.emit({ type: "ChildWorkflowStarted", data: { seq, workflowId, runId } });
}

/** A child reported its end. Reports for children already settled are duplicates. */
export function decideChildClosed(rec: DecisionRecorder, cmd: Cmd<"ChildWorkflowClosed">): Rejection | void {
  const run = requireRunning(rec.state, "record a child result");
  if ("code" in run) return run;
  const { parentRunId, seq, workflowId, runId, outcome } = cmd.data;
  const child = run.children[seq];
  if (parentRunId !== run.runId || !child) return;
  if (child.status === "initiated" && runId) {
    rec.emit({ type: "ChildWorkflowStarted", data: { seq, workflowId, runId } });
  }
  const childRunId = runId ?? child.runId ?? "";
  switch (outcome.status) {
    case "completed":
      rec.emit({ type: "ChildWorkflowCompleted", data: { seq, workflowId, runId: childRunId, result: outcome.result } });
      break;
    case "failed":
      rec.emit({ type: "ChildWorkflowFailed", data: { seq, workflowId, ...(runId ? { runId } : {}), failure: outcome.failure } });
      break;
    case "terminated":
      rec.emit({
        type: "ChildWorkflowFailed",
        data: { seq, workflowId, runId: childRunId, failure: { type: "TerminatedError", message: `child terminated: ${outcome.reason}`, nonRetryable: true } },
      });
      break;
    case "cancelled":
      rec.emit({ type: "ChildWorkflowCancelled", data: { seq, workflowId, runId: childRunId } });
      break;
    case "timed-out":
      rec.emit({ type: "ChildWorkflowTimedOut", data: { seq, workflowId, runId: childRunId } });
      break;
    default:
      assertNever(outcome, "child outcome");
  }
  scheduleWorkflowTaskIfIdle(rec);
}
