import { type TimerCommandMessage, decodeHistoryCommand, encodeMessage, topicNames } from "@eventual/core";
import { KafkaLog, partitionFor } from "@eventual/log";
import { type RunningInfrastructure, ensureInfrastructure } from "@eventual/infra";
import { JsonLogger } from "@eventual/service-kit";
import { type TestStore, openTestStore } from "@eventual/store";
import { TimersService } from "../src/timers.service";

describe("timers service on real Kafka and Postgres", () => {
  let infra: RunningInfrastructure;
  let store: TestStore;
  let log: KafkaLog;
  const prefix = `tmr${Date.now()}.`;
  const topics = topicNames(prefix);

  beforeAll(async () => {
    infra = await ensureInfrastructure();
    process.env.DATABASE_URL ??= infra.env.DATABASE_URL;
    store = await openTestStore();
    log = new KafkaLog({ brokers: [infra.env.KAFKA_BROKERS], clientId: "timers-spec", onError: () => undefined });
    await log.ensureTopics(Object.values(topics).map((topic) => ({ topic, partitions: 2 })));
  }, 120_000);

  afterAll(async () => {
    await log?.close();
    await store?.close();
    await infra?.stop();
  });

  it("fires armed timers into history.commands once each, and not the cancelled one", async () => {
    const service = new TimersService(
      { kafka: { brokers: [infra.env.KAFKA_BROKERS], sessionTimeoutMs: 6_000, heartbeatIntervalMs: 1_000 }, databaseUrl: "", databaseSchema: "public", topicPrefix: prefix, groupId: `${prefix}timers`, batchSize: 100, healthPort: 0, logLevel: "error" },
      log,
      store.dataSource,
      new JsonLogger("timers-spec", "error"),
    );
    await service.start();
    const soon = Date.now() + 300;
    const commands: TimerCommandMessage[] = [
      { type: "StartTimer", data: { workflowId: "wf-a", runId: "r", timerId: "user/1", fireAt: soon } },
      { type: "StartTimer", data: { workflowId: "wf-b", runId: "r", timerId: "user/1", fireAt: soon } },
      { type: "StartTimer", data: { workflowId: "wf-c", runId: "r", timerId: "user/1", fireAt: soon } },
      { type: "CancelTimer", data: { workflowId: "wf-c", runId: "r", timerId: "user/1" } },
    ];
    await log.append(commands.map((c) => ({ topic: topics.timersCommands, key: c.data.workflowId, value: encodeMessage(c) })));

    const fired = async () => {
      const seen: string[] = [];
      for (const workflowId of ["wf-a", "wf-b", "wf-c"]) {
        await log.readPartition(topics.historyCommands, partitionFor(workflowId, 2), 0n, (records) => {
          for (const r of records) {
            const m = decodeHistoryCommand(r.value);
            if (m.workflowId === workflowId && m.command.type === "TimerFired") seen.push(`${workflowId}:${m.command.data.timerId}@${m.command.now >= soon}`);
          }
        });
      }
      return seen.sort();
    };
    for (let i = 0; i < 100 && (await fired()).length < 2; i++) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 500));
    await service.stop();
    expect(await fired()).toEqual(["wf-a:user/1@true", "wf-b:user/1@true"]);
  }, 60_000);
});
