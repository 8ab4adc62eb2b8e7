import { loadEventualProto, type v1 } from "@eventual/proto";
import { EventualClientError } from "./eventual-client-error";
import {
  type CallOptions,
  type ClientConnectionOptions,
  GrpcClientBase,
  type UnaryInvoke,
} from "./grpc-client.base";
import { workflowCommandToProto } from "./history-event.mapper";
import { failureToProto, payloadToProto } from "./payload.mapper";
import {
  type ActivityTask,
  type CompleteActivityTaskRequest,
  type CompleteWorkflowTaskRequest,
  type FailTaskRequest,
  type HeartbeatActivityTaskRequest,
  type PollRequest,
  type WorkflowTask,
  activityTaskFromProto,
  workflowTaskFromProto,
} from "./worker-task.mapper";

/**
 * How long a poll waits for a task by default. Longer than the server's own long-poll
 * window, so normally the server answers "no task" before the client gives up.
 */
export const DEFAULT_POLL_TIMEOUT_MS = 70_000;

/**
 * Typed client of Eventual's WorkerService, for worker runtimes (libs/worker): long-poll a
 * task queue for workflow and activity tasks and report their outcomes. Polls resolve to
 * `undefined` when no task arrived in time, so a worker loop just polls again; every other
 * failure is an `EventualClientError`.
 *
 * @example
 * const api = new WorkerApiClient({ address: "127.0.0.1:7233" });
 * const task = await api.pollActivityTask({ taskQueue: "main", identity: "worker-1" });
 * if (task) {
 *   const result = await activities[task.activityType](task.input);
 *   await api.completeActivityTask({ taskToken: task.taskToken, result, identity: "worker-1" });
 * }
 */
export class WorkerApiClient extends GrpcClientBase<v1.WorkerServiceClient> {
  constructor(options: ClientConnectionOptions) {
    super(options, (address, credentials, channelOptions) => {
      const { WorkerService } = loadEventualProto().eventual.api.v1;
      return new WorkerService(address, credentials, channelOptions);
    });
  }

  /**
   * Waits for a workflow task on `taskQueue`; `undefined` when none came before the deadline.
   *
   * @example
   * const task = await api.pollWorkflowTask({ taskQueue: "main", identity: "worker-1" }, { signal: shutdown.signal });
   */
  async pollWorkflowTask(
    request: PollRequest,
    call?: CallOptions,
  ): Promise<WorkflowTask | undefined> {
    const method = "PollWorkflowTask";
    const message: v1.PollWorkflowTaskRequest = {
      taskQueue: request.taskQueue,
      identity: request.identity,
    };
    const reply = await this.poll<v1.PollWorkflowTaskResponse__Output>(
      method,
      (md, options, done) => this.stub.pollWorkflowTask(message, md, options, done),
      call,
    );
    return reply && this.decode(method, () => workflowTaskFromProto(reply));
  }

  /**
   * Reports the commands a workflow task produced, in the order the workflow issued them.
   *
   * @example
   * await api.completeWorkflowTask({
   *   taskToken: task.taskToken, identity: "worker-1",
   *   commands: [{ type: "StartTimer", data: { seq: 1, fireAt: Date.now() + 86_400_000 } }],
   * });
   */
  async completeWorkflowTask(
    request: CompleteWorkflowTaskRequest,
    call?: CallOptions,
  ): Promise<void> {
    const method = "CompleteWorkflowTask";
    const message = this.encode(method, (): v1.CompleteWorkflowTaskRequest => ({
      taskToken: request.taskToken,
      commands: request.commands.map((command, index) =>
        workflowCommandToProto(command, `commands[${index}]`),
      ),
      identity: request.identity,
    }));
    await this.unary(
      method,
      (md, options, done) => this.stub.completeWorkflowTask(message, md, options, done),
      call,
    );
  }

  /**
   * Reports that a workflow task could not run (a bug, a DeterminismError, a sandbox crash).
   *
   * @example
   * await api.failWorkflowTask({ taskToken: task.taskToken, identity: "worker-1", failure: { type: "DeterminismError", message } });
   */
  async failWorkflowTask(request: FailTaskRequest, call?: CallOptions): Promise<void> {
    const method = "FailWorkflowTask";
    const message = this.encode(method, (): v1.FailWorkflowTaskRequest => ({
      taskToken: request.taskToken,
      failure: failureToProto(request.failure, "failure"),
      identity: request.identity,
    }));
    await this.unary(
      method,
      (md, options, done) => this.stub.failWorkflowTask(message, md, options, done),
      call,
    );
  }

  /**
   * Waits for an activity task on `taskQueue`; `undefined` when none came before the deadline.
   *
   * @example
   * const task = await api.pollActivityTask({ taskQueue: "main", identity: "worker-1" }, { timeout: "60s" });
   */
  async pollActivityTask(
    request: PollRequest,
    call?: CallOptions,
  ): Promise<ActivityTask | undefined> {
    const method = "PollActivityTask";
    const message: v1.PollActivityTaskRequest = {
      taskQueue: request.taskQueue,
      identity: request.identity,
    };
    const reply = await this.poll<v1.PollActivityTaskResponse__Output>(
      method,
      (md, options, done) => this.stub.pollActivityTask(message, md, options, done),
      call,
    );
    return reply && this.decode(method, () => activityTaskFromProto(reply));
  }

  /**
   * Reports an activity attempt's result (any JSON-serializable value, or none).
   *
   * @example
   * await api.completeActivityTask({ taskToken: task.taskToken, result: { sent: true }, identity: "worker-1" });
   */
  async completeActivityTask(
    request: CompleteActivityTaskRequest,
    call?: CallOptions,
  ): Promise<void> {
    const method = "CompleteActivityTask";
    const message = this.encode(method, (): v1.CompleteActivityTaskRequest => ({
      taskToken: request.taskToken,
      result: payloadToProto(request.result, "result"),
      identity: request.identity,
    }));
    await this.unary(
      method,
      (md, options, done) => this.stub.completeActivityTask(message, md, options, done),
      call,
    );
  }

  /**
   * Reports a failed activity attempt; the workflow's retry policy decides what happens next
   * (`nonRetryable: true` stops retries).
   *
   * @example
   * await api.failActivityTask({ taskToken: task.taskToken, identity: "worker-1", failure: { type: "CardDeclined", message: "no", nonRetryable: true } });
   */
  async failActivityTask(request: FailTaskRequest, call?: CallOptions): Promise<void> {
    const method = "FailActivityTask";
    const message = this.encode(method, (): v1.FailActivityTaskRequest => ({
      taskToken: request.taskToken,
      failure: failureToProto(request.failure, "failure"),
      identity: request.identity,
    }));
    await this.unary(
      method,
      (md, options, done) => this.stub.failActivityTask(message, md, options, done),
      call,
    );
  }

  /**
   * Records progress and keeps the attempt's heartbeat timeout from firing. When the reply
   * says `cancelRequested`, the activity should stop and report a cancellation.
   *
   * @example
   * const { cancelRequested } = await api.heartbeatActivityTask({ taskToken, details: { processed: 500 } });
   */
  async heartbeatActivityTask(
    request: HeartbeatActivityTaskRequest,
    call?: CallOptions,
  ): Promise<{ cancelRequested: boolean }> {
    const method = "HeartbeatActivityTask";
    const message = this.encode(method, (): v1.HeartbeatActivityTaskRequest => ({
      taskToken: request.taskToken,
      details: payloadToProto(request.details, "details"),
    }));
    const reply = await this.unary<v1.HeartbeatActivityTaskResponse__Output>(
      method,
      (md, options, done) => this.stub.heartbeatActivityTask(message, md, options, done),
      call,
    );
    return { cancelRequested: reply.cancelRequested };
  }

  /**
   * A long poll: a deadline that passes on the client side is the same "no task" answer the
   * server gives when its window closes first, not an error.
   */
  private async poll<Res>(
    method: string,
    invoke: UnaryInvoke<Res>,
    call: CallOptions | undefined,
  ): Promise<Res | undefined> {
    try {
      return await this.unary(method, invoke, call, DEFAULT_POLL_TIMEOUT_MS);
    } catch (error) {
      if (error instanceof EventualClientError && error.code === "DEADLINE_EXCEEDED")
        return undefined;
      throw error;
    }
  }
}
