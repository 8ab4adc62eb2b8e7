import {
  decide,
  INITIAL_STATE,
  type Failure,
  type HistoryCommand,
  type HistoryCommandBody,
  type HistoryEventMessage,
  type StartWorkflowData,
  type WorkflowCommand,
  type WorkflowState,
} from "@eventual/core";
import type { ProjectionBatch } from "@eventual/store";

/**
 * Drives the real `decide` through a workflow's commands and records the events it emits,
 * so the projection is tested against genuine histories rather than hand-made ones.
 */
export class HistoryDriver {
  state: WorkflowState = INITIAL_STATE;
  readonly messages: HistoryEventMessage[] = [];

  constructor(
    readonly workflowId: string,
    public now: number,
  ) {}

  get runId(): string {
    if (this.state.status === "none") throw new Error("no run yet");
    return this.state.runId;
  }

  send(body: HistoryCommandBody): this {
    this.now += 1_000;
    const decision = decide(this.state, { ...body, now: this.now } as HistoryCommand);
    if (!decision.ok)
      throw new Error(`${body.type} rejected: ${JSON.stringify(decision.rejection)}`);
    this.state = decision.state;
    for (const event of decision.events)
      this.messages.push({ workflowId: this.workflowId, runId: this.runId, event });
    return this;
  }

  start(runId: string, workflowType = "order", extra: Partial<StartWorkflowData> = {}): this {
    const data = {
      workflowId: this.workflowId,
      runId,
      workflowType,
      taskQueue: "main",
      input: { item: "book" },
      requestId: `req-${runId}`,
      ...extra,
    };
    return this.send({ type: "StartWorkflow", data });
  }

  /** Starts the scheduled workflow task and completes it with `commands`. */
  task(commands: WorkflowCommand[]): this {
    const state = this.state;
    if (state.status !== "running" || state.workflowTask.status !== "scheduled")
      throw new Error("no workflow task scheduled");
    const scheduledEventId = state.workflowTask.scheduledEventId;
    this.send({
      type: "WorkflowTaskStarted",
      data: { runId: this.runId, scheduledEventId, identity: "worker-1" },
    });
    return this.send({
      type: "CompleteWorkflowTask",
      data: { runId: this.runId, scheduledEventId, identity: "worker-1", commands },
    });
  }

  activity(seq: number, activityType = "charge"): this {
    return this.task([
      {
        type: "ScheduleActivity",
        data: {
          seq,
          activityType,
          input: [seq],
          options: { taskQueue: "main", startToCloseTimeoutMs: 30_000 },
        },
      },
    ]);
  }

  /** The activity with id `activityId` starts and completes with `result`. */
  activityCompletes(activityId: string, result: unknown): this {
    this.send({
      type: "ActivityTaskStarted",
      data: { runId: this.runId, activityId, attempt: 1, identity: "worker-2" },
    });
    return this.send({
      type: "CompleteActivityTask",
      data: { runId: this.runId, activityId, attempt: 1, result },
    });
  }

  complete(result: unknown): this {
    return this.task([{ type: "CompleteWorkflow", data: { result } }]);
  }

  fail(failure: Failure): this {
    return this.task([{ type: "FailWorkflow", data: { failure } }]);
  }
}

export const T0 = Date.UTC(2026, 0, 1, 12, 0, 0, 123);
export const BOOM: Failure = {
  type: "ApplicationError",
  message: "card declined",
  nonRetryable: true,
};

/** start → task → activity → complete. */
export function completedOrder(workflowId: string, runId: string, now = T0): HistoryDriver {
  return new HistoryDriver(workflowId, now)
    .start(runId)
    .activity(1)
    .activityCompletes("1", { charged: 12 })
    .complete({ ok: true });
}

/** start → task → activity → fail the workflow. */
export function failedOrder(workflowId: string, runId: string, now = T0): HistoryDriver {
  return new HistoryDriver(workflowId, now)
    .start(runId)
    .activity(1)
    .activityCompletes("1", null)
    .fail(BOOM);
}

/** start → task → a user timer: still running. */
export function sleepingOrder(workflowId: string, runId: string, now = T0): HistoryDriver {
  return new HistoryDriver(workflowId, now)
    .start(runId)
    .task([{ type: "StartTimer", data: { seq: 1, fireAt: now + 60_000 } }]);
}

/**
 * Lays messages out as a log: partition by workflow id, offsets per partition increasing
 * but sparse (as Kafka's are around transaction markers), cut into batches of `batchSize`.
 */
export function asLog(
  messages: HistoryEventMessage[],
  partitions = 3,
  batchSize = 4,
  topic = "history.events",
): ProjectionBatch[] {
  const byPartition = new Map<number, ProjectionBatch["records"]>();
  for (const message of messages) {
    const partition =
      [...message.workflowId].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % partitions;
    const records = byPartition.get(partition) ?? [];
    records.push({ offset: BigInt(records.length * 2 + 1), message });
    byPartition.set(partition, records);
  }
  const batches: ProjectionBatch[] = [];
  for (const [partition, records] of [...byPartition].sort(([a], [b]) => a - b)) {
    for (let i = 0; i < records.length; i += batchSize)
      batches.push({ topic, partition, records: records.slice(i, i + batchSize) });
  }
  return batches;
}
