import {
  type WorkflowExecution,
  type WorkflowResult,
  historyEventToProto,
  statusFilterFromProto,
  workflowExecutionToProto,
  workflowResultToProto,
} from "@eventual/client";
import { assertNever } from "@eventual/core";
import type { v1 } from "@eventual/proto";
import { MAX_PAGE_SIZE, type ProjectionWatcher, type WorkflowExecutionView, type WorkflowQueries, untilProjected } from "@eventual/store";
import { GatewayError } from "../grpc/gateway.error";
import { optionalId, requireId } from "../validation/field.validator";
import { DEFAULT_REQUEST_LIMITS, InvalidArgumentError } from "../validation/invalid-argument.error";

/** Page size when the request leaves it 0. */
export const DEFAULT_PAGE_SIZE = 100;

export interface ResultWait {
  /** Give up (DEADLINE_EXCEEDED) after this long; Infinity waits until the run closes. */
  timeoutMs: number;
  /** Longest wait between looks at the read model when no change notification arrives. */
  pollMs: number;
  /** True once the caller went away or the gateway is stopping. */
  abandoned(): boolean;
}

/**
 * The read side of the client API, over the projector's Postgres read models. Answers can lag
 * the log by the projector's delay (usually milliseconds); GetWorkflowResult waits that out.
 *
 * @example
 * const { execution } = await reads.describe({ workflowId: "order-7", runId: "" });
 */
export class WorkflowReadsService {
  constructor(
    private readonly queries: WorkflowQueries,
    private readonly changes: Pick<ProjectionWatcher, "watch">,
  ) {}

  async describe(request: v1.DescribeWorkflowRequest__Output): Promise<v1.DescribeWorkflowResponse> {
    const run = await this.findRun(request.workflowId, request.runId);
    return { execution: workflowExecutionToProto(toExecution(run)) };
  }

  async history(request: v1.GetWorkflowHistoryRequest__Output): Promise<v1.GetWorkflowHistoryResponse> {
    const pageSize = pageSizeOf(request.pageSize);
    const run = await this.findRun(request.workflowId, request.runId);
    const page = await this.queries.getHistoryPage(run.runId, pageSize, request.pageToken || undefined);
    return { events: page.items.map(historyEventToProto), nextPageToken: page.nextPageToken ?? "" };
  }

  async list(request: v1.ListWorkflowsRequest__Output): Promise<v1.ListWorkflowsResponse> {
    const pageSize = pageSizeOf(request.pageSize);
    let status;
    try {
      status = statusFilterFromProto(request.status, "status");
    } catch {
      throw new InvalidArgumentError("status", `unknown status ${String(request.status)}`);
    }
    const from = timeBound("start_time_from_ms", request.startTimeFromMs);
    const to = timeBound("start_time_to_ms", request.startTimeToMs);
    if (request.workflowType) requireId("workflow_type", request.workflowType, DEFAULT_REQUEST_LIMITS);
    const page = await this.queries.listWorkflows({
      pageSize,
      ...(request.workflowType ? { workflowType: request.workflowType } : {}),
      ...(status !== undefined ? { status } : {}),
      ...(from !== undefined ? { startTimeFrom: from } : {}),
      ...(to !== undefined ? { startTimeTo: to } : {}),
      ...(request.pageToken ? { pageToken: request.pageToken } : {}),
    });
    return { executions: page.items.map((run) => workflowExecutionToProto(toExecution(run))), nextPageToken: page.nextPageToken ?? "" };
  }

  /**
   * Waits until the run is closed: the projector's change notifications wake it, and it looks
   * again at least every `pollMs` in case one was missed. A workflow id the read model does not
   * know yet gets a short grace (a run started a moment ago may not be projected) before
   * NOT_FOUND.
   */
  async result(request: v1.GetWorkflowResultRequest__Output, wait: ResultWait): Promise<v1.GetWorkflowResultResponse> {
    const workflowId = requireId("workflow_id", request.workflowId, DEFAULT_REQUEST_LIMITS);
    const runId = optionalId("run_id", request.runId, DEFAULT_REQUEST_LIMITS);
    const started = Date.now();
    const notFoundGraceMs = Math.min(wait.timeoutMs, 2_000);
    const closed = await untilProjected(
      this.changes,
      workflowId,
      async () => {
        const run = await this.queries.describeWorkflow(workflowId, runId);
        if (run && run.status !== "running") return workflowResultToProto(toResult(run));
        if (!run && Date.now() - started >= notFoundGraceMs) throw notFound(workflowId, runId);
        if (wait.abandoned()) throw new GatewayError("UNAVAILABLE", "the call was cancelled or the gateway is shutting down");
        return undefined;
      },
      { timeoutMs: wait.timeoutMs, recheckMs: wait.pollMs },
    );
    if (!closed) throw new GatewayError("DEADLINE_EXCEEDED", `workflow ${workflowId} is still running`);
    return closed;
  }

  private async findRun(workflowIdField: string, runIdField: string): Promise<WorkflowExecutionView> {
    const workflowId = requireId("workflow_id", workflowIdField, DEFAULT_REQUEST_LIMITS);
    const runId = optionalId("run_id", runIdField, DEFAULT_REQUEST_LIMITS);
    const run = await this.queries.describeWorkflow(workflowId, runId);
    if (!run) throw notFound(workflowId, runId);
    return run;
  }
}

function notFound(workflowId: string, runId: string | undefined): GatewayError {
  return new GatewayError("NOT_FOUND", runId ? `workflow ${workflowId} has no run ${runId}` : `workflow ${workflowId} not found`);
}

/** 0 is the server default; larger than the store's cap is capped, as the .proto allows. */
function pageSizeOf(value: number): number {
  if (!Number.isInteger(value) || value < 0) throw new InvalidArgumentError("page_size", `must be >= 0 (0 means the default ${DEFAULT_PAGE_SIZE}), got ${value}`);
  return value === 0 ? DEFAULT_PAGE_SIZE : Math.min(value, MAX_PAGE_SIZE);
}

function timeBound(field: string, value: number): number | undefined {
  if (!Number.isSafeInteger(value) || value < 0) throw new InvalidArgumentError(field, `must be ms since the epoch (0 means unbounded), got ${value}`);
  return value === 0 ? undefined : value;
}

/** The read model's row in the client library's terms, so the shared mappers encode it. */
function toExecution(run: WorkflowExecutionView): WorkflowExecution {
  const execution: WorkflowExecution = {
    workflowId: run.workflowId,
    runId: run.runId,
    workflowType: run.workflowType,
    taskQueue: run.taskQueue,
    status: run.status,
    startTimeMs: run.startTime,
    historyLength: run.historyLength,
  };
  if (run.closeTime !== undefined) execution.closeTimeMs = run.closeTime;
  if (run.status === "completed") execution.result = run.result;
  if (run.status === "failed" && run.failure) execution.failure = run.failure;
  return execution;
}

function toResult(run: WorkflowExecutionView): WorkflowResult {
  const { runId } = run;
  switch (run.status) {
    case "completed":
      return { runId, status: "completed", result: run.result };
    case "failed":
      if (!run.failure) throw new GatewayError("INTERNAL", `run ${runId} failed but the read model has no failure`);
      return { runId, status: "failed", failure: run.failure };
    case "cancelled":
    case "terminated":
    case "timed-out":
    case "continued-as-new":
      return { runId, status: run.status };
    case "running":
      throw new GatewayError("INTERNAL", `run ${runId} is still running`);
    default:
      return assertNever(run.status, "execution status");
  }
}
