import { type TimerCommandMessage, decodeHistoryCommand, encodeMessage, topicNames } from "@eventual/core";
import { type RunningInfrastructure, ensureInfrastructure, launchService } from "@eventual/infra";
import { KafkaLog } from "@eventual/log";
import { type TestStore, openTestStore } from "@eventual/store";

const PARTITIONS = 2;
const TIMERS = 300;

/**
 * SIGKILL the timers process while timers are falling due, start another: no timer is lost
 * (each fires at least once, at or after its time); a fire that straddled the crash may repeat,
 * which the core ignores by timer id.
 */
describe("timers service killed with SIGKILL while timers fall due", () => {
  let infra: RunningInfrastructure;
  let store: TestStore;
  let log: KafkaLog;
  const prefix = `tcrash${Date.now()}.`;
  const topics = topicNames(prefix);

  beforeAll(async () => {
    infra = await ensureInfrastructure();
    process.env.DATABASE_URL ??= infra.env.DATABASE_URL;
    store = await openTestStore();
    log = new KafkaLog({ brokers: [infra.env.KAFKA_BROKERS], clientId: "timers-crash-spec", onError: () => undefined });
    await log.ensureTopics(Object.values(topics).map((topic) => ({ topic, partitions: PARTITIONS })));
  }, 120_000);
  afterAll(async () => {
    await log?.close();
    await store?.close();
    await infra?.stop();
  });

  const env = () => ({
    KAFKA_BROKERS: infra.env.KAFKA_BROKERS,
    DATABASE_URL: store.url,
    DATABASE_SCHEMA: store.schema,
    EVENTUAL_TOPIC_PREFIX: prefix,
    TIMERS_GROUP_ID: `${prefix}timers`,
    TIMERS_BATCH: "20",
    KAFKA_SESSION_TIMEOUT_MS: "6000",
  });

  const fired = async () => {
    const fires = new Map<string, number[]>();
    for (let p = 0; p < PARTITIONS; p++) {
      await log.readPartition(topics.historyCommands, p, 0n, (records) => {
        for (const r of records) {
          const m = decodeHistoryCommand(r.value);
          if (m.command.type !== "TimerFired") continue;
          const key = `${m.workflowId}/${m.command.data.timerId}`;
          fires.set(key, [...(fires.get(key) ?? []), m.command.now]);
        }
      });
    }
    return fires;
  };

  it("fires every timer at least once, at or after its time", async () => {
    let timers = await launchService("timers", { entry: "apps/timers/src/main.ts", env: env() });
    const base = Date.now() + 500;
    const commands: TimerCommandMessage[] = Array.from({ length: TIMERS }, (_, i) => ({
      type: "StartTimer",
      data: { workflowId: `wf-${i}`, runId: "r", timerId: "user/1", fireAt: base + (i % 30) * 100 },
    }));
    await log.append(commands.map((c) => ({ topic: topics.timersCommands, key: c.data.workflowId, value: encodeMessage(c) })));
    for (let i = 0; i < 200 && (await fired()).size < TIMERS / 4; i++) await new Promise((r) => setTimeout(r, 25));
    expect(await timers.kill()).toBeNull();
    const atCrash = (await fired()).size;

    timers = await launchService("timers", { entry: "apps/timers/src/main.ts", env: env() });
    for (let i = 0; i < 300 && (await fired()).size < TIMERS; i++) await new Promise((r) => setTimeout(r, 100));
    const final = await fired();
    await timers.stop();

    expect(atCrash).toBeLessThan(TIMERS); // the kill happened while timers were still due
    expect(final.size).toBe(TIMERS);
    for (const [i, command] of commands.entries()) {
      const times = final.get(`wf-${i}/user/1`) ?? [];
      expect(times.length).toBeGreaterThanOrEqual(1);
      expect(Math.min(...times)).toBeGreaterThanOrEqual(command.type === "StartTimer" ? command.data.fireAt : 0);
    }
  }, 180_000);
});
