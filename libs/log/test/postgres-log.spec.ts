import { Client } from "pg";
import { ensureInfrastructure, type RunningInfrastructure } from "@eventual/infra";
import { type LogRecord, PartitionFencedError, PostgresLog, type PostgresLogOptions } from "@eventual/log";
import { fairShare } from "../src/postgres/fair-share";
import { type CrashableProcessor, describeLogContract } from "./log-contract";
import { readAll, recorder, spawnCrashProcessor, transform, unique, waitFor } from "./log-contract.helpers";

/** A schema of its own, so this file's topics, groups and locks touch nothing else. */
const SCHEMA = `log_test_${process.pid}_${Date.now().toString(36)}`;
let infra: RunningInfrastructure;
const schemas = new Set<string>([SCHEMA]);

beforeAll(async () => {
  infra = await ensureInfrastructure();
}, 120_000);

afterAll(async () => {
  if (infra) {
    const admin = new Client({ connectionString: infra.env.DATABASE_URL });
    await admin.connect();
    for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  }
  await infra?.stop();
});

/** Quick rebalances and restarts; failures the adapter recovers from are expected (DEBUG_POSTGRES_LOG=1 shows them). */
function newLog(overrides: Partial<PostgresLogOptions> = {}): PostgresLog {
  return new PostgresLog({
    connectionString: infra.env.DATABASE_URL,
    schema: SCHEMA,
    rebalanceIntervalMs: 200,
    restartBackoffMs: 100,
    onError: (error) => void (process.env.DEBUG_POSTGRES_LOG && console.warn(error)),
    ...overrides,
  });
}

describeLogContract(
  "PostgresLog",
  async () => {
    const log = newLog();
    return { log, close: () => log.close() };
  },
  { spawnProcessor },
);

/** The abrupt-death case's processor, in a child process the test can SIGKILL. */
function spawnProcessor(args: { groupId: string; input: string; output: string }): Promise<CrashableProcessor> {
  return spawnCrashProcessor({ DATABASE_URL: infra.env.DATABASE_URL, LOG_SCHEMA: SCHEMA }, args);
}

describe("PostgresLog specifics", () => {
  const opened: PostgresLog[] = [];
  const open = (overrides: Partial<PostgresLogOptions> = {}) => {
    const log = newLog(overrides);
    opened.push(log);
    return log;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((log) => log.close()));
  });

  it("a consumer idle on an empty partition is woken by the append's notification, not the fallback poll", async () => {
    // The fallback poll is far beyond the test's timeout, so only NOTIFY can deliver in time.
    const consuming = open({ pollIntervalMs: 10 * 60_000 });
    const appending = open();
    const [topic, groupId] = [unique("wake"), unique("group")];
    await appending.ensureTopics([{ topic, partitions: 1 }]);
    const handled: string[] = [];
    let started = false;
    const running = await consuming.runConsumer({
      groupId,
      topics: [topic],
      startOffset: async () => ((started = true), undefined),
      handle: async (batch) => void handled.push(...batch.records.map((r) => r.value)),
    });
    await waitFor(() => started, 10_000, "the consumer to start");
    for (let i = 0; i < 5; i++) {
      // Lets the consumer go idle first, so it is the wake-up path that delivers (the test
      // would pass without the pause too, it would just exercise less).
      await new Promise((resolve) => setTimeout(resolve, 100));
      await appending.append([{ topic, key: "k", value: `v${i}` }]);
      await waitFor(() => handled.length === i + 1, 20_000, `record v${i} to be handled`);
    }
    await running.stop();
    expect(handled).toEqual(["v0", "v1", "v2", "v3", "v4"]);
  });

  it("a consumer never skips an offset while many appenders race on one partition", async () => {
    const log = open();
    const [topic, groupId] = [unique("race"), unique("group")];
    await log.ensureTopics([{ topic, partitions: 1 }]);
    const seen: LogRecord[] = [];
    const running = await log.runConsumer({ groupId, topics: [topic], startOffset: async () => undefined, handle: async (batch) => void seen.push(...batch.records) });
    const [appenders, rounds] = [8, 25];
    await Promise.all(
      Array.from({ length: appenders }, async (_, a) => {
        for (let r = 0; r < rounds; r++) await log.append([0, 1].map((j) => ({ topic, key: `a${a}`, value: `a${a}-r${r}-${j}` })));
      }),
    );
    const total = appenders * rounds * 2;
    await waitFor(() => seen.length >= total, 30_000, `${total} records`);
    await running.stop();
    // A record committed after a consumer read past its offset would be missing here.
    expect(seen.map((r) => r.offset)).toEqual(Array.from({ length: total }, (_, i) => BigInt(i)));
    expect(new Set(seen.map((r) => r.value)).size).toBe(total);
    // One append's records are consecutive: the partition row lock serializes appends.
    for (let i = 0; i < total; i += 2) expect(seen[i].value.replace(/-0$/, "")).toBe(seen[i + 1].value.replace(/-1$/, ""));
  });

  it("a zombie whose group session ended cannot commit the batch it was processing; the new owner's outputs stand, once", async () => {
    const failures: unknown[] = [];
    const zombieLog = open({ onError: (error) => void failures.push(error) });
    const log = open();
    const [input, output, groupId] = [unique("in"), unique("out"), unique("group")];
    await log.ensureTopics([{ topic: input, partitions: 1 }, { topic: output, partitions: 1 }]);
    const total = 10;
    await log.append(Array.from({ length: total }, (_, i) => ({ topic: input, key: `k${i}`, value: `v${i}` })));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let inProcess = false;
    const zombie = await zombieLog.runProcessor({
      groupId,
      topics: [input],
      processor: {
        process: async (batch) => {
          inProcess = true;
          await gate;
          return batch.records.map(transform(output));
        },
      },
    });
    await waitFor(() => inProcess, 10_000, "the zombie to be processing a batch");
    // End the zombie's group session (as a network cut or an admin would): Postgres releases
    // its partition lock while the zombie still holds the batch.
    const admin = new Client({ connectionString: infra.env.DATABASE_URL });
    await admin.connect();
    try {
      const { rowCount } = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1`, [`eventual-log:${groupId}`]);
      expect(rowCount).toBe(1);
    } finally {
      await admin.end();
    }
    const survivor = recorder();
    const running = await log.runProcessor({ groupId, topics: [input], processor: survivor.processor(output) });
    await waitFor(async () => (await readAll(log, output)).length >= total, 30_000, `${total} outputs from the new owner`);
    release();
    await waitFor(() => failures.some((error) => error instanceof PartitionFencedError), 30_000, "the zombie's commit to be fenced");
    await zombie.stop();
    await running.stop();
    const values = (await readAll(log, output)).map((r) => r.value);
    expect(values.sort()).toEqual(Array.from({ length: total }, (_, i) => `out:v${i}`).sort());
  });

  it("a running member takes over the partitions of a member killed mid-stream, which never said goodbye", async () => {
    const log = open();
    const [input, output, groupId] = [unique("in"), unique("out"), unique("group")];
    await log.ensureTopics([{ topic: input, partitions: 2 }, { topic: output, partitions: 2 }]);
    const total = 1_000;
    await log.append(Array.from({ length: total }, (_, i) => ({ topic: input, key: `k${i % 13}`, value: `v${i}` })));
    const doomed = await spawnProcessor({ groupId, input, output });
    const survivor = recorder();
    const running = await log.runProcessor({ groupId, topics: [input], processor: survivor.processor(output) });
    await waitFor(() => survivor.owned().length === 1, 30_000, "the survivor owning its share (one partition)");
    doomed.kill();
    await doomed.exited;
    // No leave, no notification: the survivor's periodic rebalance sees the dead member's locks gone.
    await waitFor(() => survivor.owned().length === 2, 30_000, "the survivor owning both partitions");
    await waitFor(async () => (await readAll(log, output)).length >= total, 45_000, `${total} outputs`);
    await running.stop();
    const values = (await readAll(log, output)).map((r) => r.value);
    expect(values.length).toBe(total);
    expect(new Set(values).size).toBe(total);
  });

  it("three members split six partitions two each", async () => {
    const logs = [open(), open(), open()];
    const [input, output, groupId] = [unique("in"), unique("out"), unique("group")];
    await logs[0].ensureTopics([{ topic: input, partitions: 6 }, { topic: output, partitions: 6 }]);
    const recorders = logs.map(() => recorder());
    const running = [];
    for (const [i, log] of logs.entries()) running.push(await log.runProcessor({ groupId, topics: [input], processor: recorders[i].processor(output) }));
    await waitFor(() => recorders.every((r) => r.owned().length === 2), 30_000, "two partitions per member");
    expect(recorders.flatMap((r) => r.owned()).sort()).toEqual([0, 1, 2, 3, 4, 5]);
    await Promise.all(running.map((r) => r.stop()));
  });

  it("logs starting together on a fresh schema create it, and the same topics, without tripping over each other", async () => {
    const schema = `${SCHEMA}_race`;
    schemas.add(schema);
    const logs = Array.from({ length: 4 }, () => open({ schema }));
    const topic = unique("together");
    await Promise.all(logs.map((log) => log.ensureTopics([{ topic, partitions: 3 }])));
    for (const log of logs) expect(await log.partitionCount(topic)).toBe(3);
  });
});

describe("fairShare", () => {
  it("splits partitions evenly, extras to the first members in id order, adding up to the total", () => {
    expect(["a", "b", "c"].map((m) => fairShare(["c", "a", "b"], m, 4))).toEqual([2, 1, 1]);
    expect(["a", "b"].map((m) => fairShare(["a", "b"], m, 1))).toEqual([1, 0]);
    expect(fairShare(["a"], "a", 12)).toBe(12);
    expect(() => fairShare(["a"], "b", 2)).toThrow(/b/);
  });
});
