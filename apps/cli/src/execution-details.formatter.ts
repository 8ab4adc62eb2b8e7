import type { WorkflowExecution } from "@eventual/client";
import { formatFailure, formatOffset, formatPayload, formatTimestamp } from "./display-format";

/** Options of the status block. */
export interface ExecutionDetailsOptions {
  /** Zone of the start and close times; default the machine's. */
  timeZone?: string;
}

/**
 * One run's status as a `label  value` block: what `eventual workflow show` prints above the
 * timeline. The result is shown in full (up to 2000 characters), unlike the timeline's
 * one-line summaries, since this is where users look for it.
 *
 * @example
 * formatExecutionDetails(execution, { timeZone: "UTC" })
 * // Workflow    greet-ana
 * // Run         0193...
 * // Type        greeter
 * // Task queue  main
 * // Status      completed
 * // Started     2025-11-25 14:17:03
 * // Closed      2025-11-25 14:17:04  (took 0.412s)
 * // Events      14
 * // Result      ["hello ana (1)","hello ana (2)"]
 */
export function formatExecutionDetails(
  execution: WorkflowExecution,
  options: ExecutionDetailsOptions = {},
): string[] {
  const rows: Array<[string, string]> = [
    ["Workflow", execution.workflowId],
    ["Run", execution.runId],
    ["Type", execution.workflowType],
    ["Task queue", execution.taskQueue],
    ["Status", execution.status],
    ["Started", formatTimestamp(execution.startTimeMs, options.timeZone)],
  ];
  if (execution.closeTimeMs !== undefined) {
    const took = formatOffset(execution.closeTimeMs - execution.startTimeMs).replace(/^\+/, "");
    rows.push([
      "Closed",
      `${formatTimestamp(execution.closeTimeMs, options.timeZone)}  (took ${took})`,
    ]);
  }
  rows.push(["Events", String(execution.historyLength)]);
  if (execution.status === "completed")
    rows.push(["Result", formatPayload(execution.result, 2000)]);
  if (execution.failure) rows.push(["Failure", formatFailure(execution.failure, 2000)]);
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`);
}
