import type { WorkflowExecution } from "@eventual/client";
import { formatTimestamp } from "./display-format";

interface Column {
  title: string;
  value(execution: WorkflowExecution): string;
  /** Numbers line up on the right. */
  alignRight?: boolean;
}

/** Options of the table. */
export interface ExecutionTableOptions {
  /** Zone of the STARTED and CLOSED times; default the machine's. */
  timeZone?: string;
}

/**
 * Runs as a plain-text table, one row per run, columns as wide as their widest cell (ids are
 * never cut: users copy them into `eventual workflow show`). Open runs show "-" as CLOSED.
 *
 * @example
 * formatExecutionTable(executions, { timeZone: "UTC" }).join("\n")
 * // ID         TYPE     STATUS     STARTED              CLOSED               EVENTS
 * // greet-ana  greeter  completed  2025-11-25 14:17:03  2025-11-25 14:17:04      14
 */
export function formatExecutionTable(
  executions: readonly WorkflowExecution[],
  options: ExecutionTableOptions = {},
): string[] {
  const time = (ms: number | undefined) =>
    ms === undefined ? "-" : formatTimestamp(ms, options.timeZone);
  const columns: Column[] = [
    { title: "ID", value: (e) => e.workflowId },
    { title: "TYPE", value: (e) => e.workflowType },
    { title: "STATUS", value: (e) => e.status },
    { title: "STARTED", value: (e) => time(e.startTimeMs) },
    { title: "CLOSED", value: (e) => time(e.closeTimeMs) },
    { title: "EVENTS", value: (e) => String(e.historyLength), alignRight: true },
  ];
  const rows = [
    columns.map((c) => c.title),
    ...executions.map((execution) => columns.map((c) => c.value(execution))),
  ];
  const widths = columns.map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  return rows.map((row) =>
    row
      .map((cell, i) => (columns[i].alignRight ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join("  ")
      .trimEnd(),
  );
}
