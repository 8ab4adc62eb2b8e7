import { TOPICS, encodeMessage, type HistoryCommandMessage } from "@eventual/core";
import type { LogPort, LogRecord, OutgoingRecord, PartitionBatch } from "@eventual/log";
import { HistoryCommandsProcessor } from "../src/history-commands.processor";

const T0 = 1_700_000_000_000;

/** Just enough of a log for the processor's rebuild: history.events of one partition. */
function logWithEvents(events: OutgoingRecord[]): LogPort {
  const records: LogRecord[] = events.map((r, i) => ({ ...r, partition: 0, offset: BigInt(i), headers: {}, timestamp: T0 }));
  return {
    readPartition: async (topic: string, _partition: number, from: bigint, onRecords: (r: LogRecord[]) => void) => {
      const found = records.filter((r) => r.topic === topic && r.offset >= from);
      if (found.length > 0) onRecords(found);
      return BigInt(records.length);
    },
  } as unknown as LogPort;
}

function batch(offset: number, messages: Array<HistoryCommandMessage | string>): PartitionBatch {
  return {
    topic: TOPICS.historyCommands,
    partition: 0,
    records: messages.map((m, i) => ({
      topic: TOPICS.historyCommands,
      partition: 0,
      offset: BigInt(offset + i),
      key: typeof m === "string" ? "?" : m.workflowId,
      value: typeof m === "string" ? m : encodeMessage(m),
      headers: {},
      timestamp: T0,
    })),
  };
}

const start = (workflowId: string): HistoryCommandMessage => ({
  workflowId,
  command: { type: "StartWorkflow", now: T0, data: { workflowId, runId: `run-${workflowId}`, workflowType: "t", taskQueue: "q", input: null, requestId: `r-${workflowId}` } },
});

const quiet = { info: () => undefined, warn: jest.fn(), error: jest.fn() };

describe("HistoryCommandsProcessor", () => {
  it("rebuilds a partition from history.events before its first batch", async () => {
    const first = new HistoryCommandsProcessor(logWithEvents([]), quiet);
    await first.onAssigned(TOPICS.historyCommands, 0);
    const written = await first.process(batch(0, [start("wf-1")]));

    const outcomes: unknown[] = [];
    const again = new HistoryCommandsProcessor(logWithEvents(written.filter((r) => r.topic === TOPICS.historyEvents)), quiet, (o) => outcomes.push(...o));
    await again.onAssigned(TOPICS.historyCommands, 0);
    // The rebuilt instance knows wf-1 runs: the same start is a duplicate and writes nothing.
    expect(await again.process(batch(1, [start("wf-1")]))).toEqual([]);
    expect(outcomes).toEqual([{ status: "duplicate", workflowId: "wf-1", runId: "run-wf-1" }]);
  });

  it("gives the same records when a batch whose transaction failed is delivered again", async () => {
    const processor = new HistoryCommandsProcessor(logWithEvents([]), quiet);
    await processor.onAssigned(TOPICS.historyCommands, 0);
    const once = await processor.process(batch(0, [start("wf-1"), start("wf-2")]));
    const redelivered = await processor.process(batch(0, [start("wf-1"), start("wf-2")]));
    expect(redelivered).toEqual(once);
    expect(once.filter((r) => r.topic === TOPICS.historyEvents)).toHaveLength(4);
  });

  it("moves a malformed record to dead-letters in the batch's output, says so, and processes the rest", async () => {
    const processor = new HistoryCommandsProcessor(logWithEvents([]), quiet);
    await processor.onAssigned(TOPICS.historyCommands, 0);
    const records = await processor.process(batch(0, ["{not json", start("wf-3")]));
    expect(records.some((r) => r.key === "wf-3" && r.topic === TOPICS.historyEvents)).toBe(true);
    const dead = records.filter((r) => r.topic === TOPICS.deadLetters);
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({
      value: "{not json",
      headers: { "dead-letter.topic": TOPICS.historyCommands, "dead-letter.partition": "0", "dead-letter.offset": "0", "dead-letter.reason": expect.stringContaining("not JSON") },
    });
    expect(quiet.error).toHaveBeenCalledWith("malformed history.commands record moved to dead-letters", expect.objectContaining({ offset: "0" }));
  });

  it("refuses a batch for a partition it does not own", async () => {
    const processor = new HistoryCommandsProcessor(logWithEvents([]), quiet);
    await expect(processor.process(batch(0, [start("wf-1")]))).rejects.toThrow(/partition 0 is not assigned/);
  });
});
