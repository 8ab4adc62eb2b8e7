// The module object itself (not an ES-module copy), so replacing createConnection reaches the
// client library.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import net = require("node:net");
import { ensureInfrastructure, type RunningInfrastructure } from "@eventual/infra";
import { Producer } from "@platformatic/kafka";
import { KafkaLog } from "@eventual/log";
import { NEW_PRODUCER } from "../src/kafka/kafka-log.options";
import { type CrashableProcessor, describeLogContract } from "./log-contract";
import { readAll, spawnCrashProcessor, transform, unique, waitFor } from "./log-contract.helpers";

let infra: RunningInfrastructure;

beforeAll(async () => {
  infra = await ensureInfrastructure();
}, 120_000);

afterAll(async () => {
  await infra?.stop();
});

/** Tight group timings so rebalances and the death of a member take seconds in tests. */
const testTimings = { sessionTimeoutMs: 6_000, heartbeatIntervalMs: 1_000, rebalanceTimeoutMs: 8_000, maxWaitTimeMs: 50, restartBackoffMs: 100 };

describeLogContract(
  "KafkaLog",
  async () => {
    const log = new KafkaLog({
      brokers: infra.env.KAFKA_BROKERS.split(","),
      clientId: "contract",
      ...testTimings,
      // Failures the adapter recovers from (injected ones included) are expected here;
      // DEBUG_KAFKA_LOG=1 shows them.
      onError: (error) => void (process.env.DEBUG_KAFKA_LOG && console.warn(error)),
    });
    return { log, close: () => log.close() };
  },
  { spawnProcessor },
);

/** The abrupt-death case's processor, in a child process the test can SIGKILL. */
function spawnProcessor(args: { groupId: string; input: string; output: string }): Promise<CrashableProcessor> {
  return spawnCrashProcessor({ KAFKA_BROKERS: infra.env.KAFKA_BROKERS }, args);
}

/** Every message in an error and the errors it wraps (`errors`, `cause`), as one string. */
function errorText(error: unknown, depth = 0): string {
  if (depth > 5 || error === null || typeof error !== "object") return String(error);
  const e = error as { message?: unknown; errors?: unknown[]; cause?: unknown };
  return [String(e.message), ...(e.errors ?? []).map((inner) => errorText(inner, depth + 1)), e.cause === undefined ? "" : errorText(e.cause, depth + 1)].join(" | ");
}

describe("KafkaLog traps (DESIGN §3 rule 2)", () => {
  it("a processor whose transactional producer gets fenced mid-stream recreates it and still produces every output exactly once", async () => {
    const brokers = infra.env.KAFKA_BROKERS.split(",");
    const failures: unknown[] = [];
    const log = new KafkaLog({ brokers, clientId: "fenced", ...testTimings, onError: (error) => void failures.push(error) });
    const [input, output, groupId] = [unique("in"), unique("out"), unique("group")];
    try {
      await log.ensureTopics([{ topic: input, partitions: 1 }, { topic: output, partitions: 1 }]);
      const [first, more] = [200, 30];
      const total = first + more;
      await log.append(Array.from({ length: first }, (_, i) => ({ topic: input, key: `k${i % 7}`, value: `v${i}` })));
      let batches = 0;
      const running = await log.runProcessor({
        groupId,
        topics: [input],
        maxBatchRecords: 5,
        processor: {
          process: async (batch) => {
            batches++;
            await new Promise((resolve) => setTimeout(resolve, 10));
            return batch.records.map(transform(output));
          },
        },
      });
      await waitFor(() => batches >= 5, 30_000, "a few batches");
      // What a new owner does on assignment: initialise the same transactional id. Every later
      // request of the processor's producer is now fenced.
      const usurper = new Producer({ clientId: "usurper", bootstrapBrokers: brokers, ...NEW_PRODUCER, idempotent: true, transactionalId: `${groupId}.${input}.0`, retryDelay: 20 });
      const fence = await usurper.beginTransaction();
      await fence.cancel();
      await usurper.close();
      // More input after the fence, so the processor must write with its fenced producer even if
      // it had already caught up with the first 200.
      await log.append(Array.from({ length: more }, (_, i) => ({ topic: input, key: `k${i % 7}`, value: `v${first + i}` })));
      await waitFor(async () => (await readAll(log, output)).length >= total, 30_000, `${total} outputs`);
      await running.stop();
      // The fence may surface on a produce, an offset commit or the commit, wrapped in
      // AggregateErrors: look through every nested error.
      expect(failures.some((error) => /fence|epoch/i.test(errorText(error)))).toBe(true);
      const values = (await readAll(log, output)).map((r) => r.value);
      expect(values.length).toBe(total);
      expect(new Set(values).size).toBe(total);
    } finally {
      await log.close();
    }
  });

  it("a processor whose connections are all torn down mid-stream (no stop, no leave) recovers with every output exactly once", async () => {
    const brokers = infra.env.KAFKA_BROKERS.split(",");
    const log = new KafkaLog({ brokers, clientId: "torn", ...testTimings, onError: () => undefined });
    const [input, output, groupId] = [unique("in"), unique("out"), unique("group")];
    // Every socket the client library opens in this process, so the test can cut them all at
    // once — in-flight produce, offset and commit requests included — as a network failure would.
    const sockets: net.Socket[] = [];
    const original = net.createConnection;
    (net as { createConnection: typeof net.createConnection }).createConnection = ((...args: Parameters<typeof net.createConnection>) => {
      const socket = original(...args);
      sockets.push(socket);
      return socket;
    }) as typeof net.createConnection;
    try {
      await log.ensureTopics([{ topic: input, partitions: 2 }, { topic: output, partitions: 2 }]);
      const total = 300;
      await log.append(Array.from({ length: total }, (_, i) => ({ topic: input, key: `k${i % 11}`, value: `v${i}` })));
      let batches = 0;
      const running = await log.runProcessor({
        groupId,
        topics: [input],
        maxBatchRecords: 5,
        processor: {
          process: async (batch) => {
            batches++;
            await new Promise((resolve) => setTimeout(resolve, 5));
            return batch.records.map(transform(output));
          },
        },
      });
      let cut = 0;
      for (const after of [4, 12, 24]) {
        await waitFor(() => batches >= after, 30_000, `${after} batches`);
        for (const socket of sockets.splice(0)) cut += socket.destroyed ? 0 : (socket.destroy(), 1);
      }
      expect(cut).toBeGreaterThan(0);
      if (process.env.DEBUG_KAFKA_LOG) console.warn(`cut ${cut} connections`);
      await waitFor(async () => (await readAll(log, output)).length >= total, 45_000, `${total} outputs`);
      await running.stop();
      const values = (await readAll(log, output)).map((r) => r.value);
      expect(values.length).toBe(total);
      expect(new Set(values).size).toBe(total);
    } finally {
      (net as { createConnection: typeof net.createConnection }).createConnection = original;
      await log.close();
    }
  });
});
