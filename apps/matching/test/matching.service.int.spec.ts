import * as grpc from "@grpc/grpc-js";
import * as protoLoader from "@grpc/proto-loader";
import { protoPath as healthProtoPath } from "grpc-health-check";
import { type MatchingTaskMessage, topicNames } from "@eventual/core";
import { KafkaLog } from "@eventual/log";
import { type RunningInfrastructure, ensureInfrastructure } from "@eventual/infra";
import { MATCHING_SERVICE_NAME } from "@eventual/proto";
import { type TestStore, openTestStore } from "@eventual/store";
import type { MatchingService } from "../src/matching.service";
import { MatchingTestClient, PARTITIONS, activityIdOf, activityTask, dispatch, startMatching, startedCommands, workflowTask } from "./matching-test.helpers";

describe("matching service on real Kafka and Postgres, over gRPC", () => {
  let infra: RunningInfrastructure;
  let store: TestStore;
  let log: KafkaLog;
  let service: MatchingService;
  let client: MatchingTestClient;
  const prefix = `mtc${Date.now()}.`;
  const topics = topicNames(prefix);

  beforeAll(async () => {
    infra = await ensureInfrastructure();
    process.env.DATABASE_URL ??= infra.env.DATABASE_URL;
    store = await openTestStore();
    log = new KafkaLog({ brokers: [infra.env.KAFKA_BROKERS], clientId: "matching-spec", onError: () => undefined });
    await log.ensureTopics(Object.values(topics).map((topic) => ({ topic, partitions: PARTITIONS })));
    service = await startMatching(infra.env.KAFKA_BROKERS, prefix, store.dataSource, log, { leaseMs: 1_000 });
    client = new MatchingTestClient(service.address);
  }, 120_000);

  afterAll(async () => {
    client?.close();
    await service?.stop();
    await log?.close();
    await store?.close();
    await infra?.stop();
  });

  it("hands dispatched tasks out per kind and queue, in order per workflow", async () => {
    await dispatch(log, topics, [
      activityTask("wf-order-a", "1", "orders"),
      workflowTask("wf-order-a", 2, "orders"),
      activityTask("wf-order-b", "1", "orders"),
      activityTask("wf-order-a", "2", "orders"),
      workflowTask("wf-order-a", 5, "orders"),
      activityTask("wf-order-b", "2", "orders"),
      activityTask("wf-order-a", "3", "orders"),
    ]);
    const activities: string[] = [];
    for (let i = 0; i < 5; i++) {
      const task = await client.poll("TASK_KIND_ACTIVITY", "orders", 10_000);
      expect(task).toMatchObject({ kind: "TASK_KIND_ACTIVITY", runId: `${task.workflowId}-run` });
      expect(task.taskToken).not.toBe("");
      activities.push(`${task.workflowId}/${activityIdOf(task)}`);
      await client.ack(task.taskToken);
    }
    // Order holds per workflow (one partition); two workflows may interleave either way.
    expect(activities.filter((a) => a.startsWith("wf-order-a"))).toEqual(["wf-order-a/1", "wf-order-a/2", "wf-order-a/3"]);
    expect(activities.filter((a) => a.startsWith("wf-order-b"))).toEqual(["wf-order-b/1", "wf-order-b/2"]);

    const first = await client.poll("TASK_KIND_WORKFLOW", "orders", 10_000);
    const second = await client.poll("TASK_KIND_WORKFLOW", "orders", 10_000);
    expect([first, second].map((t) => (JSON.parse(t.taskJson) as MatchingTaskMessage).type)).toEqual(["DispatchWorkflowTask", "DispatchWorkflowTask"]);
    expect([first, second].map((t) => JSON.parse(t.taskJson).data.scheduledEventId)).toEqual([2, 5]);
    expect(second.partition).toBe(first.partition);
    expect(second.offset).toBeGreaterThan(first.offset);
    await Promise.all([client.ack(first.taskToken), client.ack(second.taskToken)]);
  }, 30_000);

  it("records each start on history.commands before answering the poll", async () => {
    await dispatch(log, topics, [workflowTask("wf-started", 3, "starts"), activityTask("wf-started", "7", "starts", 2)]);
    const workflow = await client.poll("TASK_KIND_WORKFLOW", "starts", 10_000, "worker-w");
    const activity = await client.poll("TASK_KIND_ACTIVITY", "starts", 10_000, "worker-a");
    // Read right after the answers: the appends were acknowledged before them.
    const commands = await startedCommands(log, topics, "wf-started");
    expect(commands.map(({ type, data }) => ({ type, data }))).toEqual([
      { type: "WorkflowTaskStarted", data: { runId: "wf-started-run", scheduledEventId: 3, identity: "worker-w" } },
      { type: "ActivityTaskStarted", data: { runId: "wf-started-run", activityId: "7", attempt: 2, identity: "worker-a" } },
    ]);
    for (const command of commands) expect(typeof command.now).toBe("number");
    await client.ack(workflow.taskToken);
    await client.ack(activity.taskToken);
  }, 30_000);

  it("requeues a released task at the front, and one whose lease ran out", async () => {
    await dispatch(log, topics, [activityTask("wf-release", "1", "release"), activityTask("wf-release", "2", "release")]);
    const first = await client.poll("TASK_KIND_ACTIVITY", "release", 10_000);
    expect(activityIdOf(first)).toBe("1");
    await client.release(first.taskToken);
    const again = await client.poll("TASK_KIND_ACTIVITY", "release", 10_000);
    expect([activityIdOf(again), again.offset]).toEqual(["1", first.offset]);
    expect(again.taskToken).not.toBe(first.taskToken);
    // A release of the old hand-out must not requeue the current one.
    await client.release(first.taskToken);
    const next = await client.poll("TASK_KIND_ACTIVITY", "release", 10_000);
    expect(activityIdOf(next)).toBe("2");
    await client.ack(next.taskToken);
    // "1" was neither acked nor released the second time: after the lease (1 s here) it is back.
    const started = Date.now();
    const expired = await client.poll("TASK_KIND_ACTIVITY", "release", 10_000);
    expect([activityIdOf(expired), expired.offset]).toEqual(["1", first.offset]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    await client.ack(expired.taskToken);
    expect((await client.poll("TASK_KIND_ACTIVITY", "release", 1_500)).taskToken).toBe("");
    // Every hand-out recorded its start; history ignores the repeats.
    expect((await startedCommands(log, topics, "wf-release")).length).toBe(4);
  }, 30_000);

  it("withdraws a queued activity attempt when CancelActivityTask arrives", async () => {
    await dispatch(log, topics, [
      activityTask("wf-cancel", "1", "cancel"),
      { type: "CancelActivityTask", data: { workflowId: "wf-cancel", runId: "wf-cancel-run", activityId: "1" } },
      // Same workflow, so the same partition: once this one is out, the cancel was read.
      activityTask("wf-cancel", "sentinel", "cancel-sentinel"),
    ]);
    const sentinel = await client.poll("TASK_KIND_ACTIVITY", "cancel-sentinel", 10_000);
    expect(activityIdOf(sentinel)).toBe("sentinel");
    await client.ack(sentinel.taskToken);
    expect((await client.poll("TASK_KIND_ACTIVITY", "cancel", 1_000)).taskToken).toBe("");
  }, 30_000);

  it("answers a poll with no task empty, OK, just before its deadline", async () => {
    const started = Date.now();
    const empty = await client.poll("TASK_KIND_WORKFLOW", "nothing-here", 2_000);
    const elapsed = Date.now() - started;
    expect(empty).toMatchObject({ taskToken: "", workflowId: "", taskJson: "" });
    expect(elapsed).toBeGreaterThanOrEqual(1_600);
    expect(elapsed).toBeLessThan(2_000);
  });

  it("gives nothing to a poll its caller cancelled: the next poll gets the task", async () => {
    const abandoned = client.startPoll("TASK_KIND_ACTIVITY", "abandoned", 10_000);
    await new Promise((r) => setTimeout(r, 200));
    abandoned.cancel();
    await expect(abandoned.result).rejects.toMatchObject({ code: grpc.status.CANCELLED });
    await new Promise((r) => setTimeout(r, 100));
    await dispatch(log, topics, [activityTask("wf-abandoned", "1", "abandoned")]);
    const task = await client.poll("TASK_KIND_ACTIVITY", "abandoned", 10_000);
    expect(activityIdOf(task)).toBe("1");
    await client.ack(task.taskToken);
  }, 30_000);

  it("serves the standard health service", async () => {
    const definition = protoLoader.loadSync(healthProtoPath, { enums: String });
    const { grpc: healthPackage } = grpc.loadPackageDefinition(definition) as any;
    const stub = new healthPackage.health.v1.Health(service.address, grpc.credentials.createInsecure());
    const check = (name: string) => new Promise<string>((resolve, reject) => stub.check({ service: name }, (error: Error | null, reply: { status: string }) => (error ? reject(error) : resolve(reply.status))));
    try {
      expect(await check(MATCHING_SERVICE_NAME)).toBe("SERVING");
    } finally {
      stub.close();
    }
  });

  it("refuses malformed requests with INVALID_ARGUMENT", async () => {
    await expect(client.poll("TASK_KIND_UNSPECIFIED", "main", 1_000)).rejects.toMatchObject({ code: grpc.status.INVALID_ARGUMENT, details: expect.stringContaining("kind") });
    await expect(client.poll("TASK_KIND_ACTIVITY", "", 1_000)).rejects.toMatchObject({ code: grpc.status.INVALID_ARGUMENT, details: expect.stringContaining("task_queue") });
    await expect(client.ack("not-a-token")).rejects.toMatchObject({ code: grpc.status.INVALID_ARGUMENT });
    await expect(client.release("m1.0.x.1.1")).rejects.toMatchObject({ code: grpc.status.INVALID_ARGUMENT });
  });
});
