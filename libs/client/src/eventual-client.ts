import { randomUUID } from "node:crypto";
import type { HistoryEvent } from "@eventual/core";
import { loadEventualProto, type v1 } from "@eventual/proto";
import type {
  CancelWorkflowRequest,
  GetWorkflowHistoryRequest,
  HistoryPage,
  ListWorkflowsRequest,
  SignalWorkflowRequest,
  StartWorkflowRequest,
  StartWorkflowResult,
  TerminateWorkflowRequest,
  WorkflowExecution,
  WorkflowExecutionPage,
  WorkflowResult,
  WorkflowRunRef,
} from "./client-types";
import { type CallOptions, type ClientConnectionOptions, GrpcClientBase } from "./grpc-client.base";
import { historyEventFromProto } from "./history-event.mapper";
import { payloadToProto } from "./payload.mapper";
import { durationMs, timeMs } from "./time.mapper";
import { workflowExecutionFromProto, workflowResultFromProto } from "./workflow-execution.mapper";
import { idReusePolicyToProto, statusFilterToProto } from "./workflow-status.mapper";

/**
 * Typed client of Eventual's WorkflowService: start, signal, cancel, terminate, inspect and
 * await workflows. Plain objects in and out: payloads are any JSON-serializable value,
 * durations are ms or `DurationInput` ("30s"), history comes back as the core's
 * `HistoryEvent`s. Every failure is an `EventualClientError` carrying the gRPC status name.
 * Calls get a 10 s deadline unless the client or the call says otherwise (`getWorkflowResult`
 * waits without one by default).
 *
 * @example
 * const client = new EventualClient({ address: "127.0.0.1:7233" });
 * const { runId } = await client.startWorkflow({
 *   workflowId: "reminder-ann", workflowType: "reminder", taskQueue: "main", input: "ann@example.com",
 * });
 * await client.signalWorkflow({ workflowId: "reminder-ann", signalName: "snooze", input: { days: 2 } });
 * const outcome = await client.getWorkflowResult({ workflowId: "reminder-ann", runId }, { timeout: "5m" });
 * client.close();
 */
export class EventualClient extends GrpcClientBase<v1.WorkflowServiceClient> {
  constructor(options: ClientConnectionOptions) {
    super(options, (address, credentials, channelOptions) => {
      const { WorkflowService } = loadEventualProto().eventual.api.v1;
      return new WorkflowService(address, credentials, channelOptions);
    });
  }

  /**
   * Starts a run. Idempotent per `requestId`: a repeat returns the first run with
   * `started: false`. A run of `workflowId` that is still open gives ALREADY_EXISTS.
   *
   * @example
   * const { runId, started } = await client.startWorkflow({
   *   workflowId: "order-7", workflowType: "processOrder", taskQueue: "orders",
   *   input: { sku: "A1", qty: 2 }, executionTimeout: "1 day", idReusePolicy: "reject-duplicate",
   * });
   */
  async startWorkflow<TInput>(
    request: StartWorkflowRequest<TInput>,
    call?: CallOptions,
  ): Promise<StartWorkflowResult> {
    const method = "StartWorkflow";
    const message = this.encode(method, (): v1.StartWorkflowRequest => ({
      workflowId: request.workflowId,
      workflowType: request.workflowType,
      input: payloadToProto(request.input, "input"),
      taskQueue: request.taskQueue,
      requestId: request.requestId ?? randomUUID(),
      idReusePolicy: idReusePolicyToProto(request.idReusePolicy),
      executionTimeoutMs: durationMs(request.executionTimeout, "executionTimeout"),
      taskTimeoutMs: durationMs(request.taskTimeout, "taskTimeout"),
    }));
    const reply = await this.unary<v1.StartWorkflowResponse__Output>(
      method,
      (md, options, done) => this.stub.startWorkflow(message, md, options, done),
      call,
    );
    return { runId: reply.runId, started: reply.started };
  }

  /**
   * Sends a signal to the open run of `workflowId` (NOT_FOUND if there is none).
   *
   * @example
   * await client.signalWorkflow({ workflowId: "order-7", signalName: "approve", input: { by: "ann" } });
   */
  async signalWorkflow<TInput>(
    request: SignalWorkflowRequest<TInput>,
    call?: CallOptions,
  ): Promise<void> {
    const method = "SignalWorkflow";
    const message = this.encode(method, (): v1.SignalWorkflowRequest => ({
      workflowId: request.workflowId,
      signalName: request.signalName,
      input: payloadToProto(request.input, "input"),
      requestId: request.requestId ?? randomUUID(),
    }));
    await this.unary(
      method,
      (md, options, done) => this.stub.signalWorkflow(message, md, options, done),
      call,
    );
  }

  /**
   * Asks the open run to cancel; the workflow decides how to wind down.
   *
   * @example
   * await client.cancelWorkflow({ workflowId: "order-7", reason: "customer changed their mind" });
   */
  async cancelWorkflow(request: CancelWorkflowRequest, call?: CallOptions): Promise<void> {
    const message: v1.CancelWorkflowRequest = {
      workflowId: request.workflowId,
      reason: request.reason ?? "",
      requestId: request.requestId ?? randomUUID(),
    };
    await this.unary(
      "CancelWorkflow",
      (md, options, done) => this.stub.cancelWorkflow(message, md, options, done),
      call,
    );
  }

  /**
   * Ends the open run at once, running no more workflow code.
   *
   * @example
   * await client.terminateWorkflow({ workflowId: "order-7", reason: "stuck on a bad deploy" });
   */
  async terminateWorkflow(request: TerminateWorkflowRequest, call?: CallOptions): Promise<void> {
    const message: v1.TerminateWorkflowRequest = {
      workflowId: request.workflowId,
      reason: request.reason ?? "",
    };
    await this.unary(
      "TerminateWorkflow",
      (md, options, done) => this.stub.terminateWorkflow(message, md, options, done),
      call,
    );
  }

  /**
   * One run's status, times, outcome and history length.
   *
   * @example
   * const { status, historyLength } = await client.describeWorkflow({ workflowId: "order-7" });
   */
  async describeWorkflow(ref: WorkflowRunRef, call?: CallOptions): Promise<WorkflowExecution> {
    const method = "DescribeWorkflow";
    const message: v1.DescribeWorkflowRequest = {
      workflowId: ref.workflowId,
      runId: ref.runId ?? "",
    };
    const reply = await this.unary<v1.DescribeWorkflowResponse__Output>(
      method,
      (md, options, done) => this.stub.describeWorkflow(message, md, options, done),
      call,
    );
    return this.decode(method, () => workflowExecutionFromProto(reply.execution, "execution"));
  }

  /**
   * One page of a run's history, oldest first. See `getFullWorkflowHistory` for all of it.
   *
   * @example
   * let page = await client.getWorkflowHistory({ workflowId: "order-7", pageSize: 100 });
   * while (page.nextPageToken) page = await client.getWorkflowHistory({ workflowId: "order-7", pageToken: page.nextPageToken });
   */
  async getWorkflowHistory(
    request: GetWorkflowHistoryRequest,
    call?: CallOptions,
  ): Promise<HistoryPage> {
    const method = "GetWorkflowHistory";
    const message: v1.GetWorkflowHistoryRequest = {
      workflowId: request.workflowId,
      runId: request.runId ?? "",
      pageSize: request.pageSize ?? 0,
      pageToken: request.pageToken ?? "",
    };
    const reply = await this.unary<v1.GetWorkflowHistoryResponse__Output>(
      method,
      (md, options, done) => this.stub.getWorkflowHistory(message, md, options, done),
      call,
    );
    return this.decode(method, () => ({
      events: reply.events.map((event, index) => historyEventFromProto(event, `events[${index}]`)),
      ...(reply.nextPageToken ? { nextPageToken: reply.nextPageToken } : {}),
    }));
  }

  /**
   * A run's whole history, reading page after page. Each page gets the call's timeout.
   *
   * @example
   * const events = await client.getFullWorkflowHistory({ workflowId: "order-7" });
   * expect(historyProblems(events)).toEqual([]);
   */
  async getFullWorkflowHistory(
    ref: WorkflowRunRef & { pageSize?: number },
    call?: CallOptions,
  ): Promise<HistoryEvent[]> {
    const events: HistoryEvent[] = [];
    let pageToken: string | undefined;
    do {
      const page = await this.getWorkflowHistory(
        { ...ref, ...(pageToken ? { pageToken } : {}) },
        call,
      );
      events.push(...page.events);
      pageToken = page.nextPageToken;
    } while (pageToken);
    return events;
  }

  /**
   * Runs matching a filter, newest start first, one page at a time.
   *
   * @example
   * const { executions, nextPageToken } = await client.listWorkflows({
   *   workflowType: "reminder", status: "running", startTimeFrom: new Date(Date.now() - 86_400_000), pageSize: 50,
   * });
   */
  async listWorkflows(
    request: ListWorkflowsRequest = {},
    call?: CallOptions,
  ): Promise<WorkflowExecutionPage> {
    const method = "ListWorkflows";
    const message = this.encode(method, (): v1.ListWorkflowsRequest => ({
      workflowType: request.workflowType ?? "",
      status: statusFilterToProto(request.status),
      startTimeFromMs: timeMs(request.startTimeFrom, "startTimeFrom"),
      startTimeToMs: timeMs(request.startTimeTo, "startTimeTo"),
      pageSize: request.pageSize ?? 0,
      pageToken: request.pageToken ?? "",
    }));
    const reply = await this.unary<v1.ListWorkflowsResponse__Output>(
      method,
      (md, options, done) => this.stub.listWorkflows(message, md, options, done),
      call,
    );
    return this.decode(method, () => ({
      executions: reply.executions.map((info, index) =>
        workflowExecutionFromProto(info, `executions[${index}]`),
      ),
      ...(reply.nextPageToken ? { nextPageToken: reply.nextPageToken } : {}),
    }));
  }

  /**
   * Waits until the run closes and says how it ended. Waits without a deadline unless the
   * call gives one; a run still open when it passes gives DEADLINE_EXCEEDED. A failed run
   * is a normal answer (`status: "failed"`), not an error.
   *
   * @example
   * const outcome = await client.getWorkflowResult<number>({ workflowId: "sum-1" }, { timeout: "30s" });
   * if (outcome.status === "completed") console.log(outcome.result + 1);
   * else if (outcome.status === "failed") console.error(outcome.failure.message);
   */
  async getWorkflowResult<TResult = unknown>(
    ref: WorkflowRunRef,
    call?: CallOptions,
  ): Promise<WorkflowResult<TResult>> {
    const method = "GetWorkflowResult";
    const message: v1.GetWorkflowResultRequest = {
      workflowId: ref.workflowId,
      runId: ref.runId ?? "",
    };
    const reply = await this.unary<v1.GetWorkflowResultResponse__Output>(
      method,
      (md, options, done) => this.stub.getWorkflowResult(message, md, options, done),
      call,
      null,
    );
    return this.decode(method, () => workflowResultFromProto<TResult>(reply));
  }
}
