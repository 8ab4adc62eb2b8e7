import { type TimerCommandMessage, decodeHistoryCommand, encodeMessage, topicNames } from "@eventual/core";
import type { OutgoingRecord, PartitionBatch } from "@eventual/log";
import { TimerStore, type TestStore, openTestStore } from "@eventual/store";
import { TimerCommandsHandler } from "../src/timer-commands.handler";
import { TimerFiringLoop } from "../src/timer-firing.loop";

const topics = topicNames("t.");
const T0 = 1_700_000_000_000;

function batch(offset: number, messages: TimerCommandMessage[]): PartitionBatch {
  return {
    topic: topics.timersCommands,
    partition: 0,
    records: messages.map((m, i) => ({ topic: topics.timersCommands, partition: 0, offset: BigInt(offset + i), key: m.data.workflowId, value: encodeMessage(m), headers: {}, timestamp: T0 })),
  };
}
const start = (timerId: string, fireAt: number, workflowId = "wf-1"): TimerCommandMessage => ({ type: "StartTimer", data: { workflowId, runId: "run-1", timerId, fireAt } });
const cancel = (timerId: string): TimerCommandMessage => ({ type: "CancelTimer", data: { workflowId: "wf-1", runId: "run-1", timerId } });

describe("timers service on a real Postgres", () => {
  let store: TestStore;
  let timers: TimerStore;
  let now = T0;
  const appended: OutgoingRecord[] = [];

  beforeAll(async () => {
    store = await openTestStore();
    timers = new TimerStore(store.dataSource);
  }, 120_000);
  afterAll(async () => store?.close());
  beforeEach(async () => {
    appended.length = 0;
    now = T0;
    await store.dataSource.query("DELETE FROM timers");
    await store.dataSource.query("DELETE FROM projection_offsets");
  });

  const loop = () => new TimerFiringLoop(timers, async (records) => void appended.push(...records), topics, { clock: () => now, batchSize: 2 });

  it("fires each timer at or after its time, into history.commands, as TimerFired for its run", async () => {
    const handler = new TimerCommandsHandler(store.dataSource, timers);
    await handler.apply(batch(0, [start("user/1", T0 + 1_000), start("user/2", T0 + 2_000), start("user/3", T0 + 500, "wf-2")]));
    const firing = loop();
    expect(await firing.fireDue()).toBe(0);
    now = T0 + 1_000;
    expect(await firing.fireDue()).toBe(2);
    const fired = appended.map((r) => ({ topic: r.topic, key: r.key, ...decodeHistoryCommand(r.value) }));
    expect(fired.map((f) => [f.topic, f.key, f.command.type, (f.command.data as { timerId: string }).timerId])).toEqual([
      [topics.historyCommands, "wf-2", "TimerFired", "user/3"],
      [topics.historyCommands, "wf-1", "TimerFired", "user/1"],
    ]);
    expect(fired[1].command).toMatchObject({ now: T0 + 1_000, data: { runId: "run-1" } });
    now = T0 + 5_000;
    expect(await firing.fireDue()).toBe(1);
    expect(await timers.nextDueAt()).toBeUndefined();
  });

  it("applies a cancel that follows the start, and ignores a redelivered batch", async () => {
    const handler = new TimerCommandsHandler(store.dataSource, timers);
    await handler.apply(batch(0, [start("user/1", T0 + 1_000), cancel("user/1"), start("user/2", T0 + 1_000)]));
    await handler.apply(batch(0, [start("user/1", T0 + 1_000), cancel("user/1"), start("user/2", T0 + 1_000)]));
    expect(await handler.startOffset(topics.timersCommands, 0)).toBe(3n);
    now = T0 + 10_000;
    await loop().fireDue();
    expect(appended.map((r) => (decodeHistoryCommand(r.value).command.data as { timerId: string }).timerId)).toEqual(["user/2"]);
  });

  it("moves a re-armed timer (heartbeats) instead of adding a second one", async () => {
    const handler = new TimerCommandsHandler(store.dataSource, timers);
    await handler.apply(batch(0, [start("activity/1/1/heartbeat", T0 + 1_000)]));
    await handler.apply(batch(1, [start("activity/1/1/heartbeat", T0 + 9_000)]));
    now = T0 + 5_000;
    expect(await loop().fireDue()).toBe(0);
    expect(await timers.nextDueAt()).toBe(T0 + 9_000);
  });

  it("keeps a timer whose TimerFired could not be appended, and fires it next time", async () => {
    const handler = new TimerCommandsHandler(store.dataSource, timers);
    await handler.apply(batch(0, [start("user/1", T0)]));
    const failing = new TimerFiringLoop(timers, async () => Promise.reject(new Error("broker down")), topics, { clock: () => now });
    await expect(failing.fireDue()).rejects.toThrow("broker down");
    expect(await loop().fireDue()).toBe(1);
  });

  it("wakes the loop early when an earlier timer is armed", async () => {
    const firing = new TimerFiringLoop(timers, async (records) => void appended.push(...records), topics, { maxSleepMs: 60_000 });
    const stop = new AbortController();
    const handler = new TimerCommandsHandler(store.dataSource, timers, (fireAt) => firing.armed(fireAt));
    const running = firing.run(stop.signal);
    await new Promise((r) => setTimeout(r, 100));
    await handler.apply(batch(0, [start("user/9", Date.now())]));
    // Well under the loop's 60 s sleep: only an early wake fires it in time.
    for (let i = 0; i < 100 && appended.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    stop.abort();
    await running;
    expect(appended).toHaveLength(1);
  });

  it("refuses a malformed timers.commands record instead of skipping it", async () => {
    const handler = new TimerCommandsHandler(store.dataSource, timers);
    const bad: PartitionBatch = { ...batch(0, []), records: [{ topic: topics.timersCommands, partition: 0, offset: 0n, key: "x", value: '{"type":"StartTimer"}', headers: {}, timestamp: T0 }] };
    await expect(handler.apply(bad)).rejects.toThrow(/not a StartTimer or CancelTimer/);
    expect(await handler.startOffset(topics.timersCommands, 0)).toBeUndefined();
  });
});
