import type { RecordsBatch } from "@platformatic/kafka";
import { decodePartition } from "../src/kafka/partition-reader";

const TRANSACTIONAL = 1 << 4;
const CONTROL = 1 << 5;

/** A batch of `values` from `producerId` at `firstOffset`. */
function batch(firstOffset: bigint, values: string[], producerId = 1n, attributes = 0): RecordsBatch {
  return {
    firstOffset,
    length: 0,
    partitionLeaderEpoch: 0,
    magic: 2,
    crc: 0,
    attributes,
    lastOffsetDelta: values.length - 1,
    firstTimestamp: 1_000n,
    maxTimestamp: 1_000n,
    producerId,
    producerEpoch: 0,
    firstSequence: 0,
    records: values.map((value, i) => ({
      length: 0,
      attributes: 0,
      timestampDelta: BigInt(i),
      offsetDelta: i,
      key: Buffer.from(`k-${value}`),
      value: Buffer.from(value),
      headers: [[Buffer.from("h"), Buffer.from(`h-${value}`)]],
    })),
  };
}

/** A transaction marker: control key (version 0, type 0 = abort, 1 = commit). */
function marker(offset: bigint, producerId: bigint, commit: boolean): RecordsBatch {
  const key = Buffer.alloc(4);
  key.writeInt16BE(commit ? 1 : 0, 2);
  const control = batch(offset, ["marker"], producerId, TRANSACTIONAL | CONTROL);
  control.records[0].key = key;
  return control;
}

describe("decodePartition", () => {
  it("turns records into LogRecords, skipping those before the requested offset (the broker sends whole batches)", () => {
    const { records, nextOffset } = decodePartition("t", 2, 11n, { abortedTransactions: [], records: [batch(10n, ["a", "b", "c"])] });
    expect(records).toEqual([
      { topic: "t", partition: 2, offset: 11n, key: "k-b", value: "b", headers: { h: "h-b" }, timestamp: 1_001 },
      { topic: "t", partition: 2, offset: 12n, key: "k-c", value: "c", headers: { h: "h-c" }, timestamp: 1_002 },
    ]);
    expect(nextOffset).toBe(13n);
  });

  it("skips an aborted transaction even when its abort marker is beyond this response", () => {
    const { records, nextOffset } = decodePartition("t", 0, 0n, {
      abortedTransactions: [{ producerId: 7n, firstOffset: 1n }],
      records: [batch(0n, ["plain"], 3n), batch(1n, ["aborted-1", "aborted-2"], 7n, TRANSACTIONAL)],
    });
    expect(records.map((r) => r.value)).toEqual(["plain"]);
    expect(nextOffset).toBe(3n);
  });

  it("keeps a producer's committed transaction that follows its aborted one, and steps over markers", () => {
    const { records, nextOffset } = decodePartition("t", 0, 0n, {
      abortedTransactions: [{ producerId: 7n, firstOffset: 0n }],
      records: [batch(0n, ["aborted"], 7n, TRANSACTIONAL), marker(1n, 7n, false), batch(2n, ["committed"], 7n, TRANSACTIONAL), marker(3n, 7n, true)],
    });
    expect(records.map((r) => r.value)).toEqual(["committed"]);
    expect(nextOffset).toBe(4n);
  });

  it("advances past a response holding only a marker, so a partition ending in one is not fetched forever", () => {
    expect(decodePartition("t", 0, 5n, { abortedTransactions: [], records: [marker(5n, 1n, true)] })).toEqual({ records: [], nextOffset: 6n });
    expect(decodePartition("t", 0, 5n, { abortedTransactions: [] })).toEqual({ records: [], nextOffset: 5n });
  });
});
