import type { WorkflowResult } from "@eventual/client";
import { type CloseEventType, type EventOf, assertNever } from "@eventual/core";
import { type CliContext, printLine } from "./cli-context";
import { CliExit, CliFailure, EXIT_FAILURE } from "./cli-errors";
import { formatFailure } from "./display-format";

/**
 * How a run ended, read from its close event: what `start --follow` reports without a second
 * call (and without waiting for the read model to catch up).
 *
 * @example
 * outcomeOfCloseEvent({ type: "WorkflowCompleted", data: { result: 42 }, eventId: 9, timestamp: 0 }, "run-1")
 * // → { runId: "run-1", status: "completed", result: 42 }
 */
export function outcomeOfCloseEvent(event: EventOf<CloseEventType>, runId: string): WorkflowResult {
  switch (event.type) {
    case "WorkflowCompleted":
      return { runId, status: "completed", result: event.data.result };
    case "WorkflowFailed":
      return { runId, status: "failed", failure: event.data.failure };
    case "WorkflowCancelled":
      return { runId, status: "cancelled" };
    case "WorkflowTerminated":
      return { runId, status: "terminated" };
    case "WorkflowTimedOut":
      return { runId, status: "timed-out" };
    case "WorkflowContinuedAsNew":
      return { runId, status: "continued-as-new" };
    default:
      return assertNever(event, "close event");
  }
}

/**
 * Prints how a run ended and decides the exit code, the same way for `workflow result` and
 * `workflow start --follow`: a completed run prints its result as JSON on stdout (so
 * `eventual workflow result x | jq` works) and exits 0; any other ending is a one-line error
 * and exit 1. Under `--json` the whole outcome object goes to stdout in either case.
 *
 * @example
 * reportOutcome(ctx, "greet-ana", { runId, status: "completed", result: ["hello ana (1)"] }, false);
 * // stdout: ["hello ana (1)"]
 */
export function reportOutcome(
  ctx: CliContext,
  workflowId: string,
  outcome: WorkflowResult,
  json: boolean,
): void {
  if (json) {
    printLine(ctx, JSON.stringify({ workflowId, ...outcome }));
    if (outcome.status !== "completed") throw new CliExit(EXIT_FAILURE);
    return;
  }
  switch (outcome.status) {
    case "completed":
      // `undefined` has no JSON text; say so rather than print an empty line.
      printLine(ctx, outcome.result === undefined ? "(no result)" : JSON.stringify(outcome.result));
      return;
    case "failed":
      throw new CliFailure(
        `workflow "${workflowId}" failed: ${formatFailure(outcome.failure, 2000)}`,
      );
    case "cancelled":
      throw new CliFailure(`workflow "${workflowId}" was cancelled`);
    case "terminated":
      throw new CliFailure(`workflow "${workflowId}" was terminated`);
    case "timed-out":
      throw new CliFailure(`workflow "${workflowId}" timed out`);
    case "continued-as-new":
      throw new CliFailure(
        `run ${outcome.runId} of workflow "${workflowId}" continued as new; ask again without --run for the latest run`,
      );
    default:
      return assertNever(outcome, "workflow outcome");
  }
}
