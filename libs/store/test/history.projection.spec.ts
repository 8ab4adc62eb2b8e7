import fc from "fast-check";
import type { HistoryEventMessage } from "@eventual/core";
import type { LogRecord } from "@eventual/log";
import {
  HistoryEventEntity,
  HistoryProjection,
  WorkflowExecutionEntity,
  WorkflowQueries,
  type ProjectionBatch,
} from "@eventual/store";
import { asLog, BOOM, completedOrder, failedOrder, sleepingOrder, T0 } from "./history-fixtures";
import { dumpReadModels, openTestStore, type TestStore } from "@eventual/store";

describe("HistoryProjection", () => {
  let store: TestStore;
  let projection: HistoryProjection;
  const completed = completedOrder("order-1", "run-1", T0);
  const failed = failedOrder("order-2", "run-2", T0 + 10);
  const sleeping = sleepingOrder("order-3", "run-3", T0 + 20);
  const messages: HistoryEventMessage[] = [
    ...completed.messages,
    ...failed.messages,
    ...sleeping.messages,
  ];
  const log = asLog(messages);
  // A second run of order-1, appended to order-1's partition by the straddling-batch test.
  const rerun = completedOrder("order-1", "run-1b", T0 + 100_000);
  const rerunPartition = log.find((b) => b.records[0].message.workflowId === "order-1")!.partition;
  const rerunTail = log.filter((b) => b.partition === rerunPartition).flatMap((b) => b.records);
  const rerunRecords = rerun.messages.map((message, i) => ({
    offset: rerunTail[rerunTail.length - 1].offset + 1n + BigInt(i),
    message,
  }));
  /** Everything projected once the straddling test has run, as a log. */
  const fullLog = (): ProjectionBatch[] => [
    ...log,
    { topic: "history.events", partition: rerunPartition, records: rerunRecords },
  ];

  beforeAll(async () => {
    store = await openTestStore();
    projection = new HistoryProjection(store.dataSource, "projector");
  });
  afterAll(() => store?.close());

  async function project(batches: ProjectionBatch[]): Promise<void> {
    for (const batch of batches) await projection.applyBatch(batch);
  }

  it("has entities that match the hand-written migration exactly", async () => {
    const diff = await store.dataSource.driver.createSchemaBuilder().log();
    expect(diff.upQueries.map((q) => q.query)).toEqual([]);
  });

  it("builds execution and event rows from genuine histories", async () => {
    await project(log);
    const queries = new WorkflowQueries(store.dataSource);

    const done = await queries.describeWorkflow("order-1", "run-1");
    const closeEvent = completed.messages[completed.messages.length - 1].event;
    expect(closeEvent.type).toBe("WorkflowCompleted");
    expect(done).toEqual({
      workflowId: "order-1",
      runId: "run-1",
      workflowType: "order",
      taskQueue: "main",
      status: "completed",
      startTime: completed.messages[0].event.timestamp,
      closeTime: closeEvent.timestamp,
      result: { ok: true },
      historyLength: completed.messages.length,
    });

    const bad = await queries.describeWorkflow("order-2");
    expect(bad).toMatchObject({
      status: "failed",
      failure: BOOM,
      historyLength: failed.messages.length,
    });
    expect(bad?.result).toBeUndefined();

    const open = await queries.describeWorkflow("order-3");
    expect(open).toMatchObject({
      status: "running",
      historyLength: sleeping.messages.length,
      startTime: T0 + 20 + 1_000,
    });
    expect(open?.closeTime).toBeUndefined();

    // The stored history is the log's, event for event (timestamps to the millisecond).
    for (const driver of [completed, failed, sleeping]) {
      const page = await queries.getHistoryPage(driver.runId, 1000);
      expect(page.items).toEqual(driver.messages.map((m) => m.event));
      expect(page.nextPageToken).toBeUndefined();
    }
    // The offsets say where each partition continues: one past the last record applied.
    for (const batch of log) {
      const last = batch.records[batch.records.length - 1].offset;
      expect(await projection.startOffset(batch.topic, batch.partition)).toBeGreaterThanOrEqual(
        last + 1n,
      );
    }
  });

  it("changes nothing when batches are delivered again, whole or overlapping", async () => {
    const before = await dumpReadModels(store.dataSource);
    await project(log);
    // A re-delivery that straddles the stored offset: old records skipped, none new.
    const [first] = log;
    await projection.applyBatch({ ...first, records: first.records.slice(1) });
    expect(await dumpReadModels(store.dataSource)).toEqual(before);
  });

  it("applies only the new part of a batch that straddles the stored offset", async () => {
    await projection.applyBatch({
      topic: "history.events",
      partition: rerunPartition,
      records: [...rerunTail.slice(-2), ...rerunRecords],
    });
    expect(await projection.startOffset("history.events", rerunPartition)).toBe(
      rerunRecords[rerunRecords.length - 1].offset + 1n,
    );
    const latest = await new WorkflowQueries(store.dataSource).describeWorkflow("order-1");
    expect(latest).toMatchObject({
      runId: "run-1b",
      status: "completed",
      historyLength: rerun.messages.length,
    });
    expect(
      await store.dataSource
        .getRepository(WorkflowExecutionEntity)
        .countBy({ workflowId: "order-1" }),
    ).toBe(2);
    expect(
      await store.dataSource.getRepository(HistoryEventEntity).countBy({ runId: "run-1" }),
    ).toBe(completed.messages.length);
  });

  it("rebuilds identical rows after truncating and replaying the log", async () => {
    const before = await dumpReadModels(store.dataSource);
    await projection.truncateReadModels();
    expect(await projection.startOffset("history.events", 0)).toBeUndefined();
    expect((await dumpReadModels(store.dataSource)).workflow_executions).toBe("");

    // Replay with a different batching: rows must not depend on how the log was cut.
    const replay = fullLog().flatMap((b) => b.records.map((r) => ({ ...b, records: [r] })));
    await project(replay);
    expect(await dumpReadModels(store.dataSource)).toEqual(before);
  });

  it("rebuilds from a log port's partitions", async () => {
    const before = await dumpReadModels(store.dataSource);
    const batches = fullLog();
    const fakeLog = {
      partitionCount: async () => 3,
      readPartition: async (
        topic: string,
        partition: number,
        from: bigint,
        onRecords: (records: LogRecord[]) => Promise<void> | void,
      ) => {
        const records = batches
          .filter((b) => b.partition === partition)
          .flatMap((b) => b.records)
          .filter((r) => r.offset >= from)
          .map((r) => ({
            topic,
            partition,
            offset: r.offset,
            key: r.message.workflowId,
            value: JSON.stringify(r.message),
            headers: {},
            timestamp: 0,
          }));
        if (records.length) await onRecords(records);
        return records.length ? records[records.length - 1].offset + 1n : from;
      },
    };
    const applied = await projection.rebuildFrom(fakeLog, "history.events");
    expect(applied).toBe(batches.reduce((n, b) => n + b.records.length, 0));
    expect(await dumpReadModels(store.dataSource)).toEqual(before);
  });

  it("converges to the same rows under any batching, interleaving and re-delivery", async () => {
    const before = await dumpReadModels(store.dataSource);
    const records = fullLog().flatMap((b) =>
      b.records.map((r) => ({ partition: b.partition, ...r })),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { minLength: 64, maxLength: 64 }), async (choices) => {
        await projection.truncateReadModels();
        // Per partition: how many records were delivered. Each step picks an unfinished
        // partition, maybe rewinds it (a consumer that crashed after the SQL commit but before
        // the log heard of it), and delivers a chunk reaching 1-4 records past the old end,
        // so every step makes progress and the walk ends.
        const delivered = new Map<number, number>();
        const ownRecords = (p: number) => records.filter((r) => r.partition === p);
        let step = 0;
        const pick = (n: number) => choices[step++ % choices.length] % n;
        for (;;) {
          const open = [...new Set(records.map((r) => r.partition))].filter(
            (p) => (delivered.get(p) ?? 0) < ownRecords(p).length,
          );
          if (open.length === 0) break;
          const partition = open[pick(open.length)];
          const done = delivered.get(partition) ?? 0;
          const from = pick(4) === 0 ? Math.max(0, done - 1 - pick(3)) : done;
          const chunk = ownRecords(partition).slice(from, done + 1 + pick(4));
          await projection.applyBatch({ topic: "history.events", partition, records: chunk });
          delivered.set(partition, from + chunk.length);
        }
        expect(await dumpReadModels(store.dataSource)).toEqual(before);
      }),
      { numRuns: 8 },
    );
  });

  it("keeps each consumer's offsets apart", async () => {
    const other = new HistoryProjection(store.dataSource, "projector-v2");
    expect(await other.startOffset("history.events", 0)).toBeUndefined();
  });

  it("leaves the same rows, without errors, when two instances race on the same batches (rebalance overlap)", async () => {
    const before = await dumpReadModels(store.dataSource);
    await projection.truncateReadModels();
    const twin = new HistoryProjection(store.dataSource, "projector");
    for (const batch of fullLog())
      await Promise.all([projection.applyBatch(batch), twin.applyBatch(batch)]);
    expect(await dumpReadModels(store.dataSource)).toEqual(before);
  });

  it("refuses a batch out of offset order", async () => {
    const [batch] = log;
    await expect(
      projection.applyBatch({ ...batch, records: [...batch.records].reverse() }),
    ).rejects.toThrow(/offset order/);
  });
});
