import { randomUUID } from "node:crypto";
import type * as grpc from "@grpc/grpc-js";
import {
  activityTaskToProto,
  failureFromProto,
  payloadFromProto,
  workflowCommandFromProto,
  workflowTaskToProto,
} from "@eventual/client";
import type { CommandOutcome, Failure, HistoryCommand, HistoryEvent, MatchingTaskMessage } from "@eventual/core";
import type { v1 } from "@eventual/proto";
import type { JsonLogger } from "@eventual/service-kit";
import { type ProjectionWatcher, type WorkflowQueries, untilProjected } from "@eventual/store";
import type { CommandSender } from "../commands/command.sender";
import type { MatchingPool } from "../matching/matching-pool.client";
import { remainingMs } from "./call-deadline";
import { GatewayError, toStatusError } from "./gateway.error";

type Handlers = v1.WorkerServiceHandlers;
type UnaryCall<Req> = grpc.ServerUnaryCall<Req, unknown>;

interface WorkflowTaskToken {
  workflowId: string;
  runId: string;
  scheduledEventId: number;
}
interface ActivityTaskToken {
  workflowId: string;
  runId: string;
  activityId: string;
  attempt: number;
}

export interface WorkerControllerOptions {
  /** Longest long poll when the call sets no deadline. */
  pollTimeoutMs: number;
  /** How long a handed-out workflow task may take to show its start in the read model. */
  startWaitMs: number;
  /** Longest wait between looks at the read model when no change notification arrives. */
  recheckMs: number;
  commandTimeoutMs: number;
}

/**
 * The WorkerService: polls go to every matching instance (MatchingPool); matching records a
 * task's start on history.commands as it hands it out. A workflow task is answered only once
 * the read model shows that WorkflowTaskStarted — the worker must replay exactly the history
 * the task started at, no more and no less. Reports (completions, failures, heartbeats) are
 * commands with a reply address, so a stale report gets the core's rejection.
 *
 * @example
 * server.addService(loadEventualProto().eventual.api.v1.WorkerService.service, controller.handlers());
 */
export class WorkerController {
  constructor(
    private readonly pool: MatchingPool,
    private readonly sender: CommandSender,
    private readonly queries: WorkflowQueries,
    private readonly changes: Pick<ProjectionWatcher, "watch">,
    private readonly logger: JsonLogger,
    private readonly options: WorkerControllerOptions,
  ) {}

  handlers(): Handlers {
    const timeout = (call: UnaryCall<unknown>) => remainingMs(call, this.options.commandTimeoutMs);
    return {
      PollWorkflowTask: this.unary((call: UnaryCall<v1.PollWorkflowTaskRequest__Output>) => this.pollWorkflowTask(call)),
      CompleteWorkflowTask: this.unary(async (call: UnaryCall<v1.CompleteWorkflowTaskRequest__Output>) => {
        const token = decode<WorkflowTaskToken>(call.request.taskToken);
        const commands = call.request.commands.map((c, i) => workflowCommandFromProto(c, `commands[${i}]`));
        await this.report(token.workflowId, { type: "CompleteWorkflowTask", now: Date.now(), data: { runId: token.runId, scheduledEventId: token.scheduledEventId, identity: call.request.identity, commands, newRunId: randomUUID() } }, timeout(call));
        return {};
      }),
      FailWorkflowTask: this.unary(async (call: UnaryCall<v1.FailWorkflowTaskRequest__Output>) => {
        const token = decode<WorkflowTaskToken>(call.request.taskToken);
        const failure = failureOf(call.request.failure);
        await this.report(token.workflowId, { type: "FailWorkflowTask", now: Date.now(), data: { runId: token.runId, scheduledEventId: token.scheduledEventId, identity: call.request.identity, failure } }, timeout(call));
        return {};
      }),
      PollActivityTask: this.unary((call: UnaryCall<v1.PollActivityTaskRequest__Output>) => this.pollActivityTask(call)),
      CompleteActivityTask: this.unary(async (call: UnaryCall<v1.CompleteActivityTaskRequest__Output>) => {
        const t = decode<ActivityTaskToken>(call.request.taskToken);
        const result = payloadFromProto(call.request.result, "result") ?? null;
        await this.report(t.workflowId, { type: "CompleteActivityTask", now: Date.now(), data: { runId: t.runId, activityId: t.activityId, attempt: t.attempt, result } }, timeout(call));
        return {};
      }),
      FailActivityTask: this.unary(async (call: UnaryCall<v1.FailActivityTaskRequest__Output>) => {
        const t = decode<ActivityTaskToken>(call.request.taskToken);
        await this.report(t.workflowId, { type: "FailActivityTask", now: Date.now(), data: { runId: t.runId, activityId: t.activityId, attempt: t.attempt, failure: failureOf(call.request.failure) } }, timeout(call));
        return {};
      }),
      HeartbeatActivityTask: this.unary(async (call: UnaryCall<v1.HeartbeatActivityTaskRequest__Output>) => {
        const t = decode<ActivityTaskToken>(call.request.taskToken);
        const details = payloadFromProto(call.request.details, "details") ?? null;
        const outcome = await this.sender.send(t.workflowId, { type: "HeartbeatActivityTask", now: Date.now(), data: { runId: t.runId, activityId: t.activityId, attempt: t.attempt, details } }, timeout(call));
        // The core rejects a heartbeat whose attempt no longer runs: that is the cancel signal.
        return { cancelRequested: outcome.status === "rejected" };
      }),
    };
  }

  private async pollWorkflowTask(call: UnaryCall<v1.PollWorkflowTaskRequest__Output>): Promise<v1.PollWorkflowTaskResponse> {
    const deadline = Date.now() + remainingMs(call, this.options.pollTimeoutMs, 500);
    while (Date.now() < deadline && !call.cancelled) {
      const won = await this.pool.poll("TASK_KIND_WORKFLOW", call.request.taskQueue, call.request.identity, deadline - Date.now(), () => call.cancelled);
      if (!won) return {};
      const task = JSON.parse(won.response.taskJson) as Extract<MatchingTaskMessage, { type: "DispatchWorkflowTask" }>;
      const d = task.data;
      const handedOut = Date.now();
      const history = await this.historyUpToStart(d.workflowId, d.runId, d.scheduledEventId, Math.min(this.options.startWaitMs, deadline - Date.now()));
      await this.pool.ack(won);
      this.logger.debug("workflow task handed out", { workflowId: d.workflowId, scheduledEventId: d.scheduledEventId, startVisibleAfterMs: Date.now() - handedOut, found: history !== undefined });
      // No start recorded: the task was stale (timed out, run closed); poll for another.
      if (!history) continue;
      const token: WorkflowTaskToken = { workflowId: d.workflowId, runId: d.runId, scheduledEventId: d.scheduledEventId };
      return workflowTaskToProto({ taskToken: encode(token), workflowId: d.workflowId, runId: d.runId, workflowType: d.workflowType, scheduledEventId: d.scheduledEventId, attempt: d.attempt, history });
    }
    return {};
  }

  private async pollActivityTask(call: UnaryCall<v1.PollActivityTaskRequest__Output>): Promise<v1.PollActivityTaskResponse> {
    const won = await this.pool.poll("TASK_KIND_ACTIVITY", call.request.taskQueue, call.request.identity, remainingMs(call, this.options.pollTimeoutMs, 500), () => call.cancelled);
    if (!won) return {};
    const d = (JSON.parse(won.response.taskJson) as Extract<MatchingTaskMessage, { type: "DispatchActivityTask" }>).data;
    await this.pool.ack(won);
    const token: ActivityTaskToken = { workflowId: d.workflowId, runId: d.runId, activityId: d.activityId, attempt: d.attempt };
    const o = d.options;
    return activityTaskToProto({
      taskToken: encode(token),
      workflowId: d.workflowId,
      runId: d.runId,
      activityId: d.activityId,
      activityType: d.activityType,
      input: d.input,
      attempt: d.attempt,
      ...(o.startToCloseTimeoutMs !== undefined ? { startToCloseTimeoutMs: o.startToCloseTimeoutMs } : {}),
      ...(o.scheduleToCloseTimeoutMs !== undefined ? { scheduleToCloseTimeoutMs: o.scheduleToCloseTimeoutMs } : {}),
      ...(o.heartbeatTimeoutMs !== undefined ? { heartbeatTimeoutMs: o.heartbeatTimeoutMs } : {}),
    });
  }

  /**
   * The run's history through the task's WorkflowTaskStarted, once the read model has it. The
   * projector's notification wakes the wait; the bounded re-check covers a missed one.
   */
  private historyUpToStart(workflowId: string, runId: string, scheduledEventId: number, waitMs: number): Promise<HistoryEvent[] | undefined> {
    const look = async () => {
      const history = await this.queries.historyThroughTaskStart(runId, scheduledEventId);
      return history.length > 0 ? history : undefined;
    };
    return untilProjected(this.changes, workflowId, look, { timeoutMs: waitMs, recheckMs: this.options.recheckMs });
  }

  private async report(workflowId: string, command: HistoryCommand, timeoutMs: number): Promise<CommandOutcome> {
    const outcome = await this.sender.send(workflowId, command, timeoutMs);
    if (outcome.status === "rejected") throw GatewayError.fromRejection(outcome.rejection.code, outcome.rejection.message);
    return outcome;
  }

  private unary<Req, Res extends object>(handle: (call: UnaryCall<Req>) => Promise<Res>) {
    return (call: UnaryCall<Req>, callback: grpc.sendUnaryData<Res>) => {
      handle(call).then(
        (response) => callback(null, response),
        (error: unknown) => callback(toStatusError(error, (e) => this.logger.error("worker call failed", { error: String((e as Error)?.stack ?? e) }))),
      );
    };
  }
}

function encode(token: object): string {
  return Buffer.from(JSON.stringify(token)).toString("base64url");
}

function decode<T>(token: string): T {
  try {
    return JSON.parse(Buffer.from(token, "base64url").toString()) as T;
  } catch {
    throw new GatewayError("INVALID_ARGUMENT", "task_token: is not a token this gateway issued");
  }
}

function failureOf(failure: v1.Failure__Output | null): Failure {
  return (failure && failureFromProto(failure, "failure")) || { type: "Error", message: "the worker reported a failure without details" };
}
