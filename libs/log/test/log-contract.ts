/**
 * The log port's contract (DESIGN §4): what services rely on, run against every adapter —
 * Kafka here (kafka-log.spec.ts), the embedded Postgres log later — with the same cases.
 *
 * @example
 * describeLogContract("KafkaLog", async () => {
 *   const log = new KafkaLog({ brokers, sessionTimeoutMs: 6_000, heartbeatIntervalMs: 1_000, maxWaitTimeMs: 50 });
 *   return { log, close: () => log.close() };
 * });
 */
import { type LogPort, type LogRecord, type OutgoingRecord, type PartitionBatch, type RunningConsumer, TopicPartitionMismatchError, UnknownTopicError, partitionFor } from "@eventual/log";
import { type CrashableProcessor, type Recorder, readAll, recorder, transform, unique, waitFor } from "./log-contract.helpers";

export interface LogUnderTest {
  log: LogPort;
  close(): Promise<void>;
}

export interface LogContractOptions {
  /**
   * Starts, outside this process, a processor of `input` → `output` (each record yields
   * `transform(record)`) in `groupId`, so the abrupt-death case can kill it. Without it that case
   * is skipped.
   */
  spawnProcessor?: (args: { groupId: string; input: string; output: string }) => Promise<CrashableProcessor>;
}

export function describeLogContract(name: string, makeLog: () => Promise<LogUnderTest>, options: LogContractOptions = {}): void {
  describe(`log contract: ${name}`, () => {
    const opened: LogUnderTest[] = [];
    const open = async () => {
      const made = await makeLog();
      opened.push(made);
      return made.log;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((made) => made.close()));
    });

    it("ensureTopics is idempotent and refuses a different partition count; a missing topic is an error naming it", async () => {
      const log = await open();
      const topic = unique("topics");
      await log.ensureTopics([{ topic, partitions: 3 }]);
      await log.ensureTopics([{ topic, partitions: 3 }]);
      expect(await log.partitionCount(topic)).toBe(3);
      await expect(log.ensureTopics([{ topic, partitions: 5 }])).rejects.toThrow(topic);
      // The same error types from every adapter, so callers handle them one way.
      await expect(log.ensureTopics([{ topic, partitions: 5 }])).rejects.toBeInstanceOf(TopicPartitionMismatchError);
      const missing = unique("missing");
      await expect(log.partitionCount(missing)).rejects.toThrow(missing);
      await expect(log.partitionCount(missing)).rejects.toBeInstanceOf(UnknownTopicError);
      await expect(log.readPartition(missing, 0, 0n, () => undefined)).rejects.toThrow(missing);
      await expect(log.runConsumer({ groupId: unique("group"), topics: [missing], startOffset: async () => undefined, handle: async () => undefined })).rejects.toThrow(missing);
    });

    it("append → readPartition: records in order, in their key's partition, with headers; from the middle; from the end", async () => {
      const log = await open();
      const topic = unique("append");
      await log.ensureTopics([{ topic, partitions: 3 }]);
      const sent: OutgoingRecord[] = Array.from({ length: 30 }, (_, i) => ({ topic, key: `wf-${i % 7}`, value: `v${i}`, headers: { trace: `t${i}` } }));
      await log.append(sent.slice(0, 10));
      await log.append(sent.slice(10));
      for (let partition = 0; partition < 3; partition++) {
        const read: LogRecord[] = [];
        const next = await log.readPartition(topic, partition, 0n, (records) => void read.push(...records));
        const expected = sent.filter((r) => partitionFor(r.key, 3) === partition);
        expect(read.map((r) => [r.key, r.value, r.headers])).toEqual(expected.map((r) => [r.key, r.value, r.headers]));
        expect(read.every((r) => r.topic === topic && r.partition === partition && r.timestamp > 0)).toBe(true);
        for (let i = 1; i < read.length; i++) expect(read[i].offset > read[i - 1].offset).toBe(true);
        if (read.length > 0) expect(next > read[read.length - 1].offset).toBe(true);

        if (read.length >= 2) {
          const fromMiddle: LogRecord[] = [];
          const again = await log.readPartition(topic, partition, read[1].offset, (records) => void fromMiddle.push(...records));
          expect(fromMiddle.map((r) => r.value)).toEqual(read.slice(1).map((r) => r.value));
          expect(again).toBe(next);
        }
        const atEnd: LogRecord[] = [];
        expect(await log.readPartition(topic, partition, next, (records) => void atEnd.push(...records))).toBe(next);
        expect(atEnd).toEqual([]);
      }
    });

    it("append: concurrent calls each land, exactly once", async () => {
      const log = await open();
      const topic = unique("concurrent");
      await log.ensureTopics([{ topic, partitions: 1 }]);
      await log.append([{ topic, key: "first", value: "v-first" }]);
      await Promise.all(Array.from({ length: 40 }, (_, i) => log.append([{ topic, key: `k${i}`, value: `v${i}` }])));
      const read: LogRecord[] = [];
      await log.readPartition(topic, 0, 0n, (records) => void read.push(...records));
      expect(read.map((r) => r.value).sort()).toEqual(["v-first", ...Array.from({ length: 40 }, (_, i) => `v${i}`)].sort());
    });

    it("processor: every input yields its outputs exactly once, visible once committed; offsets are committed", async () => {
      const log = await open();
      const [input, output, groupId] = [unique("in"), unique("out"), unique("group")];
      await log.ensureTopics([{ topic: input, partitions: 4 }, { topic: output, partitions: 4 }]);
      await log.append(Array.from({ length: 40 }, (_, i) => ({ topic: input, key: `k${i % 10}`, value: `v${i}` })));
      const produced = new Map<number, number>(); // outputs returned per input partition, counted once committed
      const visibilityErrors: string[] = [];
      const first = await log.runProcessor({
        groupId,
        topics: [input],
        maxBatchRecords: 4,
        processor: {
          process: async (batch) => {
            // The previous batch of this partition has committed, so its outputs become visible to
            // read_committed reads (Kafka writes the commit markers just after the commit
            // returns, hence the short wait) — and nothing of this batch is visible yet.
            const committed = produced.get(batch.partition) ?? 0;
            const visible = async () => (await readAll(log, output)).filter((r) => r.headers.from === String(batch.partition)).length;
            await waitFor(async () => (await visible()) >= committed, 5_000, "committed outputs to become visible").catch(() => undefined);
            const seen = await visible();
            if (seen !== committed) visibilityErrors.push(`partition ${batch.partition}: ${seen} visible, ${committed} committed`);
            produced.set(batch.partition, committed + batch.records.length);
            return batch.records.map(transform(output));
          },
        },
      });
      await waitFor(async () => (await readAll(log, output)).length >= 40, 30_000, "40 outputs");
      await first.stop();
      expect(visibilityErrors).toEqual([]);
      expectExactlyOnce(await readAll(log, output), 40);

      const second = recorder();
      const again = await log.runProcessor({ groupId, topics: [input], processor: second.processor(output) });
      await log.append([{ topic: input, key: "late", value: "late" }]);
      await waitFor(async () => second.processed().length >= 1, 30_000, "the late record");
      await again.stop();
      expect(second.processed().map((r) => r.value)).toEqual(["late"]);
    });

    it("processor: a batch whose process throws is redelivered after onRevoked + onAssigned, and no attempt leaves a duplicate", async () => {
      const log = await open();
      const [input, output, groupId] = [unique("in"), unique("out"), unique("group")];
      await log.ensureTopics([{ topic: input, partitions: 2 }, { topic: output, partitions: 2 }]);
      await log.append(Array.from({ length: 20 }, (_, i) => ({ topic: input, key: `k${i % 5}`, value: `v${i}` })));
      let thrown = false;
      let failedIn: number | undefined;
      let failedEvent = -1;
      const deliveries: string[] = [];
      const events: string[] = [];
      const running = await log.runProcessor({
        groupId,
        topics: [input],
        maxBatchRecords: 3,
        processor: {
          onAssigned: async (_topic, partition) => void events.push(`assigned ${partition}`),
          onRevoked: async (_topic, partition) => void events.push(`revoked ${partition}`),
          process: async (batch) => {
            events.push(`process ${batch.partition}`);
            deliveries.push(...batch.records.map((r) => r.value));
            if (!thrown && batch.records.some((r) => r.value === "v7")) {
              thrown = true;
              failedIn = batch.partition;
              failedEvent = events.length - 1;
              throw new Error("injected failure");
            }
            return batch.records.map(transform(output));
          },
        },
      });
      await waitFor(async () => (await readAll(log, output)).length >= 20, 30_000, "20 outputs");
      await running.stop();
      expect(thrown).toBe(true);
      expect(deliveries.filter((v) => v === "v7").length).toBeGreaterThanOrEqual(2);
      expectExactlyOnce(await readAll(log, output), 20);
      // The failed batch came back only after its partition was revoked and assigned afresh.
      const failedPartition = failedIn!;
      const after = events.slice(failedEvent + 1);
      expect(after.indexOf(`revoked ${failedPartition}`)).toBeGreaterThanOrEqual(0);
      expect(after.indexOf(`revoked ${failedPartition}`)).toBeLessThan(after.indexOf(`assigned ${failedPartition}`));
      expect(after.indexOf(`assigned ${failedPartition}`)).toBeLessThan(after.indexOf(`process ${failedPartition}`));
      // No batch of a partition before its onAssigned.
      const assigned = new Set<string>();
      for (const event of events) {
        const [kind, partition] = event.split(" ");
        if (kind === "assigned") assigned.add(partition);
        if (kind === "revoked") assigned.delete(partition);
        if (kind === "process") expect(assigned.has(partition)).toBe(true);
      }
    });

    it("processor: two instances share the partitions, and stopping one hands its partitions over without loss or duplicates", async () => {
      const [logA, logB] = [await open(), await open()];
      const [input, output, groupId] = [unique("in"), unique("out"), unique("group")];
      await logA.ensureTopics([{ topic: input, partitions: 4 }, { topic: output, partitions: 4 }]);
      const [a, b] = [recorder(), recorder()];
      const runningA = await logA.runProcessor({ groupId, topics: [input], maxBatchRecords: 5, processor: a.processor(output) });
      await waitFor(() => a.owned().length === 4, 30_000, "A owning all 4 partitions");
      // Inputs keep arriving before, during and after both rebalances.
      let appended = 0;
      let keepAppending = true;
      const appending = (async () => {
        while (keepAppending) {
          await logA.append([0, 1, 2].map((j) => ({ topic: input, key: `k${(appended + j) % 17}`, value: `v${appended + j}` })));
          appended += 3;
          await new Promise((resolve) => setTimeout(resolve, 30));
        }
      })();
      let runningB: RunningConsumer | undefined;
      try {
        runningB = await logB.runProcessor({ groupId, topics: [input], maxBatchRecords: 5, processor: b.processor(output) });
        await waitFor(() => a.owned().length > 0 && b.owned().length > 0 && a.owned().length + b.owned().length === 4, 30_000, "A and B sharing 4 partitions");
        const ownedByA = a.owned();
        await runningA.stop();
        expect(a.owned()).toEqual([]);
        for (const partition of ownedByA) expect(a.revoked()).toContain(partition);
        await waitFor(() => b.owned().length === 4, 30_000, "B owning all 4 partitions");
        const handedOver = appended;
        await waitFor(() => appended >= handedOver + 30, 30_000, "more inputs after the hand-over");
      } finally {
        keepAppending = false;
        await appending;
      }
      const total = appended;
      await waitFor(async () => (await readAll(logB, output)).length >= total, 30_000, `${total} outputs`);
      await runningB.stop();
      expect(a.processed().length).toBeGreaterThan(0);
      expect(b.processed().length).toBeGreaterThan(0);
      expectExactlyOnce(await readAll(logB, output), total);
    });

    (options.spawnProcessor ? it : it.skip)("processor: after an instance dies abruptly, a new one finishes the work with every output exactly once", async () => {
      const log = await open();
      const [input, output, groupId] = [unique("in"), unique("out"), unique("group")];
      await log.ensureTopics([{ topic: input, partitions: 2 }, { topic: output, partitions: 2 }]);
      const total = 300;
      await log.append(Array.from({ length: total }, (_, i) => ({ topic: input, key: `k${i % 13}`, value: `v${i}` })));
      const doomed = await options.spawnProcessor!({ groupId, input, output });
      await waitFor(async () => (await readAll(log, output)).length >= 30, 30_000, "the first instance's progress");
      doomed.kill();
      await doomed.exited;
      const before = (await readAll(log, output)).length;
      expect(before).toBeLessThan(total);
      const survivor = recorder();
      const running = await log.runProcessor({ groupId, topics: [input], processor: survivor.processor(output) });
      await waitFor(async () => (await readAll(log, output)).length >= total, 45_000, `${total} outputs`);
      await running.stop();
      expectExactlyOnce(await readAll(log, output), total);
    });

    it("runConsumer: starts each partition at startOffset and hands batches over in order", async () => {
      const log = await open();
      const [topic, groupId] = [unique("events"), unique("group")];
      await log.ensureTopics([{ topic, partitions: 2 }]);
      await log.append(Array.from({ length: 24 }, (_, i) => ({ topic, key: `k${i % 6}`, value: `v${i}` })));
      const all = await readAll(log, topic);
      const start = new Map<number, bigint>();
      for (const partition of [0, 1]) start.set(partition, all.filter((r) => r.partition === partition)[2].offset);
      const handled: PartitionBatch[] = [];
      const revoked: number[] = [];
      const running = await log.runConsumer({
        groupId,
        topics: [topic],
        maxBatchRecords: 4,
        startOffset: async (_topic, partition) => start.get(partition),
        onRevoked: async (_topic, partition) => void revoked.push(partition),
        handle: async (batch) => void handled.push(batch),
      });
      const expected = all.filter((r) => r.offset >= start.get(r.partition)!);
      await waitFor(() => handled.flatMap((b) => b.records).length >= expected.length, 30_000, `${expected.length} handled records`);
      await running.stop();
      expect(revoked.sort()).toEqual([0, 1]);
      for (const partition of [0, 1]) {
        const got = handled.filter((b) => b.partition === partition).flatMap((b) => b.records);
        expect(got.map((r) => r.value)).toEqual(expected.filter((r) => r.partition === partition).map((r) => r.value));
        expect(handled.filter((b) => b.partition === partition).every((b) => b.records.length <= 4)).toBe(true);
      }
    });
  });
}

/** Each input `v<i>` (i < total) produced exactly one output. */
function expectExactlyOnce(outputs: LogRecord[], total: number): void {
  const counts = new Map<string, number>();
  for (const record of outputs) counts.set(`${record.key}/${record.value}`, (counts.get(`${record.key}/${record.value}`) ?? 0) + 1);
  const duplicates = [...counts].filter(([, n]) => n > 1).map(([k]) => k);
  expect(duplicates).toEqual([]);
  const values = new Set(outputs.map((r) => r.value));
  const missing = Array.from({ length: total }, (_, i) => `out:v${i}`).filter((v) => !values.has(v));
  expect(missing).toEqual([]);
  expect(outputs.length).toBe(total);
}

export type { CrashableProcessor, Recorder };
