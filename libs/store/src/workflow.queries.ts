import type { Failure, HistoryEvent, Payload } from "@eventual/core";
import type { DataSource } from "typeorm";
import { EXECUTION_STATUSES, type ExecutionStatus } from "./entities";
import { checkPageSize, decodePageToken, encodePageToken, InvalidQueryError } from "./page-token";
import { isoTime } from "./sql-time";

/** A run as DescribeWorkflow and ListWorkflows show it. Times are ms since the epoch. */
export interface WorkflowExecutionView {
  workflowId: string;
  runId: string;
  workflowType: string;
  taskQueue: string;
  status: ExecutionStatus;
  startTime: number;
  closeTime?: number;
  /** Present when completed (may be null), or `{ newRunId }` when continued as new. */
  result?: Payload;
  /** Present when failed, cancelled, terminated or timed out. */
  failure?: Failure;
  historyLength: number;
  parent?: { workflowId: string; runId: string };
}

export interface ListWorkflowsFilter {
  workflowType?: string;
  status?: ExecutionStatus;
  /** Inclusive lower bound on start time, ms since the epoch. */
  startTimeFrom?: number;
  /** Exclusive upper bound on start time, ms since the epoch. */
  startTimeTo?: number;
  pageSize: number;
  pageToken?: string;
}

export interface Page<T> {
  items: T[];
  /** Absent on the last page. */
  nextPageToken?: string;
}

interface ExecutionRow {
  run_id: string;
  workflow_id: string;
  workflow_type: string;
  task_queue: string;
  status: ExecutionStatus;
  start_time: Date;
  close_time: Date | null;
  result: Payload;
  failure: Failure | null;
  history_length: number;
  parent_workflow_id: string | null;
  parent_run_id: string | null;
}

const EXECUTION_COLUMNS = `run_id, workflow_id, workflow_type, task_queue, status, start_time, close_time, result, failure,
  history_length, parent_workflow_id, parent_run_id`;

/**
 * The gateway's read side: DescribeWorkflow, GetWorkflowHistory and ListWorkflows over the
 * projected read models. Paging is keyset-based (never OFFSET), so a page costs the same
 * however deep it is and rows inserted meanwhile neither repeat nor shift later pages.
 *
 * @example
 * const queries = new WorkflowQueries(dataSource);
 * const run = await queries.describeWorkflow("order-7");
 * const page = await queries.listWorkflows({ status: "running", pageSize: 50 });
 */
export class WorkflowQueries {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One run, or the latest run of the workflow id (by start time) when `runId` is absent.
   *
   * @example
   * await queries.describeWorkflow("order-7");          // latest run
   * await queries.describeWorkflow("order-7", "run-1"); // that run, if it belongs to order-7
   */
  async describeWorkflow(
    workflowId: string,
    runId?: string,
  ): Promise<WorkflowExecutionView | undefined> {
    const rows: ExecutionRow[] = runId
      ? await this.dataSource.query(
          `SELECT ${EXECUTION_COLUMNS} FROM workflow_executions WHERE run_id = $1 AND workflow_id = $2`,
          [runId, workflowId],
        )
      : await this.dataSource.query(
          `SELECT ${EXECUTION_COLUMNS} FROM workflow_executions WHERE workflow_id = $1 ORDER BY start_time DESC, run_id DESC LIMIT 1`,
          [workflowId],
        );
    return rows.length ? toView(rows[0]) : undefined;
  }

  /**
   * A page of a run's history in event order. The token carries the last event id returned.
   *
   * @example
   * let page = await queries.getHistoryPage("run-1", 100);
   * while (page.nextPageToken) page = await queries.getHistoryPage("run-1", 100, page.nextPageToken);
   */
  async getHistoryPage(
    runId: string,
    pageSize: number,
    pageToken?: string,
  ): Promise<Page<HistoryEvent>> {
    checkPageSize(pageSize);
    let after = 0;
    if (pageToken) {
      const position = decodePageToken(pageToken, "h");
      if (position.r !== runId || !Number.isInteger(position.e))
        throw new InvalidQueryError("pageToken", "page token belongs to another run");
      after = position.e as number;
    }
    // One extra row tells whether another page exists, so the last page has no token.
    const rows: EventRow[] =
      await this.dataSource.query(
        `SELECT event_id, type, "timestamp", data FROM history_events WHERE run_id = $1 AND event_id > $2 ORDER BY event_id LIMIT $3`,
        [runId, after, pageSize + 1],
      );
    const items = rows.slice(0, pageSize).map(toEvent);
    const last = items[items.length - 1];
    return rows.length > pageSize
      ? { items, nextPageToken: encodePageToken({ k: "h", r: runId, e: last.eventId }) }
      : { items };
  }

  /**
   * A run's history from its first event through the WorkflowTaskStarted of the task scheduled
   * at `scheduledEventId` — what the worker must replay — in one read; empty until the read
   * model has that start. What the gateway waits for before handing a workflow task out.
   *
   * @example
   * const replay = await queries.historyThroughTaskStart("run-1", 8); // [] until started
   */
  async historyThroughTaskStart(runId: string, scheduledEventId: number): Promise<HistoryEvent[]> {
    const rows: EventRow[] = await this.dataSource.query(
      `SELECT e.event_id, e.type, e."timestamp", e.data FROM history_events e
        WHERE e.run_id = $1 AND e.event_id <= (
          SELECT s.event_id FROM history_events s
           WHERE s.run_id = $1 AND s.type = 'WorkflowTaskStarted' AND (s.data->>'scheduledEventId')::int = $2 LIMIT 1)
        ORDER BY e.event_id`,
      [runId, scheduledEventId],
    );
    return rows.map(toEvent);
  }

  /**
   * Runs matching the filter, newest start first (ties by run id, descending).
   *
   * @example
   * const page = await queries.listWorkflows({ workflowType: "order", status: "failed", startTimeFrom: Date.parse("2026-01-01"), pageSize: 20 });
   * const next = await queries.listWorkflows({ workflowType: "order", status: "failed", startTimeFrom: ..., pageSize: 20, pageToken: page.nextPageToken });
   */
  async listWorkflows(filter: ListWorkflowsFilter): Promise<Page<WorkflowExecutionView>> {
    checkPageSize(filter.pageSize);
    if (filter.status !== undefined && !EXECUTION_STATUSES.includes(filter.status)) {
      throw new InvalidQueryError("status", `unknown status ${JSON.stringify(filter.status)}`);
    }
    for (const field of ["startTimeFrom", "startTimeTo"] as const) {
      const value = filter[field];
      if (value !== undefined && !Number.isSafeInteger(value))
        throw new InvalidQueryError(field, `${field} must be ms since the epoch`);
    }
    // The token is bound to the filter: reusing it with another filter would skip or repeat rows.
    const fingerprint = JSON.stringify([
      filter.workflowType ?? null,
      filter.status ?? null,
      filter.startTimeFrom ?? null,
      filter.startTimeTo ?? null,
    ]);
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (filter.workflowType !== undefined)
      where.push(`workflow_type = ${param(filter.workflowType)}`);
    if (filter.status !== undefined) where.push(`status = ${param(filter.status)}`);
    if (filter.startTimeFrom !== undefined)
      where.push(
        `start_time >= ${param(isoTime(filter.startTimeFrom))}::timestamptz`,
      );
    if (filter.startTimeTo !== undefined)
      where.push(`start_time < ${param(isoTime(filter.startTimeTo))}::timestamptz`);
    if (filter.pageToken) {
      const position = decodePageToken(filter.pageToken, "l");
      if (position.f !== fingerprint)
        throw new InvalidQueryError("pageToken", "page token was issued for another filter");
      if (typeof position.t !== "number" || typeof position.r !== "string")
        throw new InvalidQueryError("pageToken", "page token is malformed");
      where.push(
        `(start_time, run_id) < (${param(isoTime(position.t))}::timestamptz, ${param(position.r)})`,
      );
    }
    const rows: ExecutionRow[] = await this.dataSource.query(
      `SELECT ${EXECUTION_COLUMNS} FROM workflow_executions ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
       ORDER BY start_time DESC, run_id DESC LIMIT ${param(filter.pageSize + 1)}`,
      params,
    );
    const items = rows.slice(0, filter.pageSize).map(toView);
    if (rows.length <= filter.pageSize) return { items };
    const last = items[items.length - 1];
    return {
      items,
      nextPageToken: encodePageToken({ k: "l", t: last.startTime, r: last.runId, f: fingerprint }),
    };
  }
}

function toView(row: ExecutionRow): WorkflowExecutionView {
  const view: WorkflowExecutionView = {
    workflowId: row.workflow_id,
    runId: row.run_id,
    workflowType: row.workflow_type,
    taskQueue: row.task_queue,
    status: row.status,
    startTime: row.start_time.getTime(),
    historyLength: row.history_length,
  };
  if (row.close_time) view.closeTime = row.close_time.getTime();
  // pg maps both SQL NULL and jsonb 'null' to null; only a completed run has a result.
  if (row.status === "completed" || row.status === "continued-as-new") view.result = row.result;
  if (row.failure !== null) view.failure = row.failure;
  if (row.parent_workflow_id && row.parent_run_id)
    view.parent = { workflowId: row.parent_workflow_id, runId: row.parent_run_id };
  return view;
}

interface EventRow {
  event_id: number;
  type: string;
  timestamp: Date;
  data: unknown;
}

function toEvent(r: EventRow): HistoryEvent {
  return { eventId: r.event_id, timestamp: r.timestamp.getTime(), type: r.type, data: r.data } as HistoryEvent;
}
