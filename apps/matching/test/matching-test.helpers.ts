import * as grpc from "@grpc/grpc-js";
import { type HistoryCommandMessage, type MatchingTaskMessage, type TopicNames, decodeHistoryCommand, encodeMessage } from "@eventual/core";
import { type KafkaLog, partitionFor } from "@eventual/log";
import { type internalV1, loadInternalProto } from "@eventual/proto";
import { JsonLogger } from "@eventual/service-kit";
import type { DataSource } from "typeorm";
import { MATCHING_DEFAULTS, type MatchingConfig } from "../src/matching.config";
import { MatchingService } from "../src/matching.service";

export const PARTITIONS = 2;

export const activityTask = (workflowId: string, activityId: string, taskQueue = "main", attempt = 1): MatchingTaskMessage => ({
  type: "DispatchActivityTask",
  data: { workflowId, runId: `${workflowId}-run`, activityId, activityType: "charge", input: [activityId], attempt, options: { taskQueue } },
});

export const workflowTask = (workflowId: string, scheduledEventId: number, taskQueue = "main"): MatchingTaskMessage => ({
  type: "DispatchWorkflowTask",
  data: { workflowId, runId: `${workflowId}-run`, workflowType: "reminder", taskQueue, scheduledEventId, attempt: 1 },
});

/** Appends tasks to matching.tasks as history would: keyed by workflow id. */
export async function dispatch(log: KafkaLog, topics: TopicNames, tasks: MatchingTaskMessage[]): Promise<void> {
  await log.append(tasks.map((task) => ({ topic: topics.matchingTasks, key: task.data.workflowId, value: encodeMessage(task) })));
}

/** A matching service on port 0 with short intervals, for tests. */
export async function startMatching(brokers: string, prefix: string, dataSource: DataSource, log: KafkaLog, overrides: Partial<MatchingConfig> = {}): Promise<MatchingService> {
  const config: MatchingConfig = {
    ...MATCHING_DEFAULTS,
    kafka: { brokers: [brokers], sessionTimeoutMs: 6_000, heartbeatIntervalMs: 1_000 },
    databaseSchema: "public",
    databaseUrl: "",
    topicPrefix: prefix,
    partitions: PARTITIONS,
    groupId: `${prefix}matching`,
    host: "127.0.0.1",
    port: 0,
    commitIntervalMs: 100,
    shutdownGraceMs: 200,
    logLevel: "error",
    ...overrides,
  };
  const service = new MatchingService(config, log, dataSource, new JsonLogger("matching-spec", config.logLevel));
  await service.start();
  return service;
}

/** A typed, promise-returning client of one matching instance. */
export class MatchingTestClient {
  private readonly stub: InstanceType<ReturnType<typeof loadInternalProto>["eventual"]["internal"]["v1"]["MatchingService"]>;

  constructor(address: string) {
    const { MatchingService } = loadInternalProto().eventual.internal.v1;
    this.stub = new MatchingService(address, grpc.credentials.createInsecure());
  }

  poll(kind: "TASK_KIND_WORKFLOW" | "TASK_KIND_ACTIVITY" | "TASK_KIND_UNSPECIFIED", taskQueue: string, timeoutMs: number, identity = "spec-worker"): Promise<internalV1.PollTaskResponse__Output> {
    return new Promise((resolve, reject) =>
      this.stub.PollTask({ kind, taskQueue, identity, pollId: `poll-${Date.now()}` }, { deadline: Date.now() + timeoutMs }, (error, response) =>
        error ? reject(error) : resolve(response!),
      ),
    );
  }

  /** A poll the test can cancel, as the gateway cancels the losers of a fan-out. */
  startPoll(kind: "TASK_KIND_WORKFLOW" | "TASK_KIND_ACTIVITY", taskQueue: string, timeoutMs: number): { result: Promise<internalV1.PollTaskResponse__Output>; cancel(): void } {
    let call: grpc.ClientUnaryCall | undefined;
    const result = new Promise<internalV1.PollTaskResponse__Output>((resolve, reject) => {
      call = this.stub.PollTask({ kind, taskQueue, identity: "spec-worker", pollId: "cancellable" }, { deadline: Date.now() + timeoutMs }, (error, response) =>
        error ? reject(error) : resolve(response!),
      );
    });
    return { result, cancel: () => call?.cancel() };
  }

  ack(taskToken: string): Promise<void> {
    return new Promise((resolve, reject) => this.stub.AckTask({ taskToken }, (error) => (error ? reject(error) : resolve())));
  }

  release(taskToken: string): Promise<void> {
    return new Promise((resolve, reject) => this.stub.ReleaseTask({ taskToken }, (error) => (error ? reject(error) : resolve())));
  }

  close(): void {
    this.stub.close();
  }
}

/** The started commands matching appended to history.commands for a workflow. */
export async function startedCommands(log: KafkaLog, topics: TopicNames, workflowId: string): Promise<HistoryCommandMessage["command"][]> {
  const commands: HistoryCommandMessage["command"][] = [];
  await log.readPartition(topics.historyCommands, partitionFor(workflowId, PARTITIONS), 0n, (records) => {
    for (const record of records) {
      const message = decodeHistoryCommand(record.value);
      if (message.workflowId === workflowId) commands.push(message.command);
    }
  });
  return commands;
}

/** The activity id of a polled activity task. */
export function activityIdOf(response: internalV1.PollTaskResponse__Output): string {
  const task = JSON.parse(response.taskJson) as MatchingTaskMessage;
  if (task.type !== "DispatchActivityTask") throw new Error(`expected an activity task, got ${task.type}`);
  return task.data.activityId;
}
