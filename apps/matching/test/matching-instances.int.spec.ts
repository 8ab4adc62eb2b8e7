import { topicNames } from "@eventual/core";
import { KafkaLog, partitionFor } from "@eventual/log";
import { type RunningInfrastructure, ensureInfrastructure } from "@eventual/infra";
import { ConsumerOffsets, type TestStore, openTestStore } from "@eventual/store";
import { MATCHING_CONSUMER } from "../src/matching-tasks.handler";
import type { MatchingService } from "../src/matching.service";
import { MatchingTestClient, PARTITIONS, activityIdOf, activityTask, dispatch, startMatching } from "./matching-test.helpers";

describe("matching instances in one group", () => {
  let infra: RunningInfrastructure;
  let store: TestStore;
  let log: KafkaLog;
  const running: MatchingService[] = [];
  const prefix = `mtr${Date.now()}.`;
  const topics = topicNames(prefix);

  beforeAll(async () => {
    infra = await ensureInfrastructure();
    process.env.DATABASE_URL ??= infra.env.DATABASE_URL;
    store = await openTestStore();
    log = new KafkaLog({ brokers: [infra.env.KAFKA_BROKERS], clientId: "matching-restart-spec", onError: () => undefined });
    await log.ensureTopics(Object.values(topics).map((topic) => ({ topic, partitions: PARTITIONS })));
  }, 120_000);

  afterAll(async () => {
    for (const service of running) await service.stop();
    await log?.close();
    await store?.close();
    await infra?.stop();
  });

  const start = async (groupId = `${prefix}matching`) => {
    const service = await startMatching(infra.env.KAFKA_BROKERS, prefix, store.dataSource, log, { groupId });
    running.push(service);
    return { service, client: new MatchingTestClient(service.address) };
  };

  it("redelivers the un-acked task to the next instance, and not the acked one", async () => {
    await dispatch(log, topics, [activityTask("wf-restart", "acked", "restart"), activityTask("wf-restart", "unacked", "restart")]);
    const first = await start();
    const acked = await first.client.poll("TASK_KIND_ACTIVITY", "restart", 10_000);
    expect(activityIdOf(acked)).toBe("acked");
    await first.client.ack(acked.taskToken);
    const unacked = await first.client.poll("TASK_KIND_ACTIVITY", "restart", 10_000);
    expect(activityIdOf(unacked)).toBe("unacked");

    // The saved offset stops at the handed-out, un-acked task.
    const partition = partitionFor("wf-restart", PARTITIONS);
    const offsets = new ConsumerOffsets(MATCHING_CONSUMER);
    const saved = () => offsets.read(store.dataSource, topics.matchingTasks, partition);
    for (let i = 0; i < 50 && (await saved()) !== BigInt(unacked.offset); i++) await new Promise((r) => setTimeout(r, 100));
    expect(await saved()).toBe(BigInt(unacked.offset));

    // Stopping answers an open poll empty at once instead of at its deadline.
    const open = first.client.poll("TASK_KIND_ACTIVITY", "restart", 20_000);
    await new Promise((r) => setTimeout(r, 200));
    const stopAt = Date.now();
    await first.service.stop();
    expect((await open).taskToken).toBe("");
    expect(Date.now() - stopAt).toBeLessThan(10_000);
    first.client.close();

    const second = await start();
    const redelivered = await second.client.poll("TASK_KIND_ACTIVITY", "restart", 20_000);
    expect([activityIdOf(redelivered), redelivered.offset]).toEqual(["unacked", unacked.offset]);
    await second.client.ack(redelivered.taskToken);
    expect((await second.client.poll("TASK_KIND_ACTIVITY", "restart", 1_500)).taskToken).toBe("");
    for (let i = 0; i < 50 && (await saved()) !== BigInt(unacked.offset) + 1n; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await saved()).toBe(BigInt(unacked.offset) + 1n);
    second.client.close();
  }, 90_000);

  it("split the partitions, so the gateway's fan-out (poll all, first wins, release extras) gets every task", async () => {
    const groupId = `${prefix}pair`;
    const pair = [await start(groupId), await start(groupId)];
    const owned = () => pair.map(({ service }) => service.handler.ownedPartitions().length);
    for (let i = 0; i < 200 && owned().join() !== "1,1"; i++) await new Promise((r) => setTimeout(r, 100));
    expect(owned()).toEqual([1, 1]);

    const workflows = Array.from({ length: 8 }, (_, i) => `wf-fan-${i}`);
    await dispatch(log, topics, workflows.map((w) => activityTask(w, "1", "fan")));
    expect(new Set(workflows.map((w) => partitionFor(w, PARTITIONS))).size).toBe(PARTITIONS);

    const received: string[] = [];
    let released = 0;
    for (let round = 0; round < 30 && received.length < workflows.length; round++) {
      const answers = await Promise.all(pair.map(({ client }) => client.poll("TASK_KIND_ACTIVITY", "fan", 1_000).then((task) => ({ client, task }))));
      const tasks = answers.filter(({ task }) => task.taskToken !== "");
      if (tasks.length === 0) continue;
      const [winner, ...extras] = tasks;
      received.push(winner.task.workflowId);
      await winner.client.ack(winner.task.taskToken);
      for (const extra of extras) await extra.client.release(extra.task.taskToken);
      released += extras.length;
    }
    expect(received.sort()).toEqual(workflows);
    expect(released).toBeGreaterThan(0); // both instances had tasks: the fan-out was needed
    for (const { service, client } of pair) {
      client.close();
      await service.stop();
    }
  }, 90_000);
});
