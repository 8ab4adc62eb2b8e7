import * as grpc from "@grpc/grpc-js";
import {
  activityTaskToProto,
  failureFromProto,
  payloadFromProto,
  workflowCommandFromProto,
  workflowTaskToProto,
} from "@eventual/client";
import { type Effect, type HistoryCommandBody, type HistoryEvent, INITIAL_STATE, type WorkflowState, decide } from "@eventual/core";
import { loadEventualProto, type v1 } from "@eventual/proto";

type Dispatch<T extends Effect["type"]> = Extract<Effect, { type: T }>["data"];

/**
 * A WorkerService in one object, in memory, for the worker's own specs: the core's `decide`
 * per workflow id, task queues with long polls, and real-time timers. It speaks real gRPC on
 * loopback, so the worker is exercised exactly as against the gateway. (The distributed
 * gateway, history, matching and timers services are tested end to end elsewhere.)
 */
export class InMemoryGateway {
  readonly histories = new Map<string, HistoryEvent[]>();
  private readonly states = new Map<string, WorkflowState>();
  private readonly workflowTasks: Dispatch<"DispatchWorkflowTask">[] = [];
  private readonly activityTasks: Dispatch<"DispatchActivityTask">[] = [];
  private readonly waiters: Array<() => void> = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly closeWaiters: Array<() => void> = [];
  private server?: grpc.Server;
  private ids = 0;
  address = "";

  async start(): Promise<void> {
    const server = new grpc.Server();
    const { WorkerService } = loadEventualProto().eventual.api.v1;
    server.addService(WorkerService.service, this.handlers());
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))),
    );
    this.server = server;
    this.address = `127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.server?.forceShutdown();
  }

  startWorkflow(workflowType: string, input: unknown, workflowId = `${workflowType}-${++this.ids}`): string {
    this.apply(workflowId, {
      type: "StartWorkflow",
      data: { workflowId, runId: `run-${++this.ids}`, workflowType, taskQueue: "main", input, requestId: `req-${this.ids}` },
    });
    return workflowId;
  }

  cancel(workflowId: string): void {
    this.apply(workflowId, { type: "RequestCancelWorkflow", data: { reason: "test", requestId: `c-${++this.ids}` } });
  }

  state(workflowId: string): WorkflowState {
    return this.states.get(workflowId) ?? INITIAL_STATE;
  }

  /** Resolves when the workflow's run is closed (or rejects after `ms`). */
  async closed(workflowId: string, ms = 10_000): Promise<WorkflowState> {
    const deadline = Date.now() + ms;
    while (this.state(workflowId).status === "running" || this.state(workflowId).status === "none") {
      if (Date.now() > deadline) throw new Error(`${workflowId} still ${this.state(workflowId).status} after ${ms} ms`);
      await new Promise<void>((resolve) => {
        this.closeWaiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
    return this.state(workflowId);
  }

  apply(workflowId: string, command: HistoryCommandBody): string | undefined {
    const decision = decide(this.state(workflowId), { ...command, now: Date.now() } as Parameters<typeof decide>[1]);
    if (!decision.ok) return decision.rejection.message;
    const after = decision.state;
    if (after.status !== "none" && decision.events.length > 0) {
      const key = after.runId;
      this.histories.set(key, [...(decision.events[0].type === "WorkflowStarted" ? [] : (this.histories.get(key) ?? [])), ...decision.events]);
    }
    this.states.set(workflowId, after);
    for (const effect of decision.effects) this.perform(workflowId, effect);
    for (const wake of this.closeWaiters.splice(0)) wake();
    return undefined;
  }

  private perform(workflowId: string, effect: Effect): void {
    switch (effect.type) {
      case "DispatchWorkflowTask":
        this.workflowTasks.push(effect.data);
        break;
      case "DispatchActivityTask":
        this.activityTasks.push(effect.data);
        break;
      case "StartTimer": {
        const { runId, timerId, fireAt } = effect.data;
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          this.apply(workflowId, { type: "TimerFired", data: { runId, timerId } });
        }, Math.max(0, fireAt - Date.now()));
        this.timers.add(timer);
        break;
      }
      case "CancelTimer":
      case "CancelActivityTask":
      case "SendCommand":
        break;
    }
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** Waits (up to the call's deadline) for a task in `queue`. */
  private async take<T>(queue: T[], call: grpc.ServerUnaryCall<unknown, unknown>): Promise<T | undefined> {
    const deadline = call.getDeadline();
    const until = deadline instanceof Date ? deadline.getTime() : Number(deadline);
    while (queue.length === 0) {
      if (call.cancelled || (Number.isFinite(until) && Date.now() > until - 50)) return undefined;
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
    return queue.shift();
  }

  /** The next this-many activity results are refused with UNAVAILABLE, as by a restarting gateway. */
  unavailableReports = 0;
  /** How many results were refused so. */
  refusedReports = 0;

  private handlers(): v1.WorkerServiceHandlers {
    const ok = <T>(callback: grpc.sendUnaryData<T>, value: T) => callback(null, value);
    const fail = (callback: grpc.sendUnaryData<never>, message: string) => callback({ code: grpc.status.NOT_FOUND, details: message });
    const token = (data: object) => Buffer.from(JSON.stringify(data)).toString("base64");
    const untoken = (t: string) => JSON.parse(Buffer.from(t, "base64").toString()) as Record<string, any>;
    return {
      PollWorkflowTask: async (call, callback) => {
        const task = await this.take(this.workflowTasks, call);
        if (!task || this.apply(task.workflowId, { type: "WorkflowTaskStarted", data: { runId: task.runId, scheduledEventId: task.scheduledEventId, identity: call.request.identity } })) {
          return ok(callback, {});
        }
        ok(callback, workflowTaskToProto({ ...task, taskToken: token(task), history: this.histories.get(task.runId) ?? [] }));
      },
      CompleteWorkflowTask: (call, callback) => {
        const t = untoken(call.request.taskToken);
        const commands = call.request.commands.map((c, i) => workflowCommandFromProto(c, `commands[${i}]`));
        const problem = this.apply(t.workflowId, {
          type: "CompleteWorkflowTask",
          data: { runId: t.runId, scheduledEventId: t.scheduledEventId, identity: call.request.identity, commands, newRunId: `run-${++this.ids}` },
        });
        return problem ? fail(callback, problem) : ok(callback, {});
      },
      FailWorkflowTask: (call, callback) => {
        const t = untoken(call.request.taskToken);
        const failure = failureFromProto(call.request.failure!, "failure") ?? { type: "Error", message: "unknown" };
        const problem = this.apply(t.workflowId, { type: "FailWorkflowTask", data: { runId: t.runId, scheduledEventId: t.scheduledEventId, identity: call.request.identity, failure } });
        return problem ? fail(callback, problem) : ok(callback, {});
      },
      PollActivityTask: async (call, callback) => {
        const task = await this.take(this.activityTasks, call);
        if (!task) return ok(callback, {});
        this.apply(task.workflowId, { type: "ActivityTaskStarted", data: { runId: task.runId, activityId: task.activityId, attempt: task.attempt, identity: call.request.identity } });
        ok(
          callback,
          activityTaskToProto({
            taskToken: token(task),
            workflowId: task.workflowId,
            runId: task.runId,
            activityId: task.activityId,
            activityType: task.activityType,
            input: task.input,
            attempt: task.attempt,
            ...(task.options.startToCloseTimeoutMs ? { startToCloseTimeoutMs: task.options.startToCloseTimeoutMs } : {}),
            ...(task.options.heartbeatTimeoutMs ? { heartbeatTimeoutMs: task.options.heartbeatTimeoutMs } : {}),
          }),
        );
      },
      CompleteActivityTask: (call, callback) => {
        if (this.unavailableReports > 0) {
          // As a restarting gateway answers: nothing applied.
          this.unavailableReports--;
          this.refusedReports++;
          return callback({ code: grpc.status.UNAVAILABLE, details: "gateway restarting" });
        }
        const t = untoken(call.request.taskToken);
        const result = payloadFromProto(call.request.result, "result") ?? null;
        const problem = this.apply(t.workflowId, { type: "CompleteActivityTask", data: { runId: t.runId, activityId: t.activityId, attempt: t.attempt, result } });
        return problem ? fail(callback, problem) : ok(callback, {});
      },
      FailActivityTask: (call, callback) => {
        const t = untoken(call.request.taskToken);
        const failure = failureFromProto(call.request.failure!, "failure") ?? { type: "Error", message: "unknown" };
        const problem = this.apply(t.workflowId, { type: "FailActivityTask", data: { runId: t.runId, activityId: t.activityId, attempt: t.attempt, failure } });
        return problem ? fail(callback, problem) : ok(callback, {});
      },
      HeartbeatActivityTask: (call, callback) => {
        const t = untoken(call.request.taskToken);
        this.apply(t.workflowId, { type: "HeartbeatActivityTask", data: { runId: t.runId, activityId: t.activityId, attempt: t.attempt } });
        const state = this.state(t.workflowId);
        const open = state.status === "running" && state.runId === t.runId && state.activities[t.activityId]?.attempt === t.attempt;
        ok(callback, { cancelRequested: !open });
      },
    };
  }
}
