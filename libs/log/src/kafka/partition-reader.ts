import { ConnectionPool, type Consumer, FetchIsolationLevels, type RecordsBatch } from "@platformatic/kafka";
import type { LogRecord } from "../log-port";
import { UnknownTopicError } from "../log-errors";
import { rethrowUnknownTopic } from "./kafka-log.errors";

const IS_TRANSACTIONAL = 1 << 4;
const IS_CONTROL = 1 << 5;
/** ListOffsets timestamps with a special meaning. */
const LATEST = -1n;
const EARLIEST = -2n;
const MAX_PARTITION_BYTES = 4 * 1024 * 1024;

/** What one fetch of one partition returned. */
export interface FetchedRecords {
  records: LogRecord[];
  /** Where the next fetch starts: past every batch seen, including transaction markers. */
  nextOffset: bigint;
}

/** The part of a fetch response's partition this adapter reads. */
export interface FetchedPartition {
  abortedTransactions: { producerId: bigint; firstOffset: bigint }[];
  records?: RecordsBatch[];
}

/** A consumer client used only for metadata, offsets and fetches: it never joins a group. */
export type RawConsumer = Consumer<Buffer, Buffer, Buffer, Buffer>;

/**
 * Reads committed records of single partitions with explicit offsets (no group, no stream), so
 * the caller alone decides where reading continues — which is what lets a processor seek back
 * to its committed offset after a failed batch.
 *
 * Each reader has its own connection pool: the broker answers one request per connection at a
 * time, so partitions sharing a connection would wait for each other's long-polls.
 *
 * @example
 * const reader = new PartitionReader(client, "eventual-fetch", 250);
 * const { records, nextOffset } = await reader.fetch("history.commands", 3, 0n);
 * await reader.close();
 */
export class PartitionReader {
  private readonly pool: ConnectionPool;

  constructor(
    private readonly client: RawConsumer,
    clientId: string,
    private readonly maxWaitTimeMs: number,
  ) {
    this.pool = new ConnectionPool(clientId, { connectTimeout: 5_000 });
  }

  /** Committed records of `topic[partition]` from `offset`, waiting up to `maxWaitTimeMs` for some. */
  async fetch(topic: string, partition: number, offset: bigint, maxWaitTimeMs = this.maxWaitTimeMs): Promise<FetchedRecords> {
    const metadata = await this.client.metadata({ topics: [topic] }).catch(rethrowUnknownTopic(topic));
    const topicMetadata = metadata.topics.get(topic);
    if (!topicMetadata) throw new UnknownTopicError(topic);
    const leader = topicMetadata.partitions[partition]?.leader;
    if (leader === undefined || leader < 0) throw new Error(`${topic}[${partition}] has no leader right now`);
    let response;
    try {
      response = await this.client.fetch({
        node: leader,
        topics: [
          {
            topicId: topicMetadata.id,
            partitions: [{ partition, fetchOffset: offset, partitionMaxBytes: MAX_PARTITION_BYTES, currentLeaderEpoch: -1, lastFetchedEpoch: -1 }],
          },
        ],
        maxWaitTime: maxWaitTimeMs,
        isolationLevel: FetchIsolationLevels.READ_COMMITTED,
        connectionPool: this.pool,
      });
    } catch (error) {
      // Leadership or topic changes surface as fetch errors; the next attempt must not reuse
      // the metadata that sent this one to the wrong place.
      this.client.clearMetadata();
      throw error;
    }
    const result = response.responses[0]?.partitions.find((p) => p.partitionIndex === partition);
    if (!result) return { records: [], nextOffset: offset };
    return decodePartition(topic, partition, offset, result);
  }

  async close(): Promise<void> {
    await this.pool.close();
  }
}

/** End of the committed part of a partition (its last stable offset), or its first offset. */
export async function listOffset(client: RawConsumer, topic: string, partition: number, which: "end" | "start"): Promise<bigint> {
  const offsets = await client
    .listOffsets({
      topics: [topic],
      partitions: { [topic]: [partition] },
      timestamp: which === "end" ? LATEST : EARLIEST,
      isolationLevel: FetchIsolationLevels.READ_COMMITTED,
    })
    .catch(rethrowUnknownTopic(topic));
  const offset = offsets.get(topic)?.[partition];
  if (offset === undefined) throw new UnknownTopicError(topic);
  return offset;
}

/**
 * Turns a fetch response into records: skips control batches and aborted transactions (the
 * Java consumer's algorithm — the library keeps an aborted range whose marker is beyond this
 * response, so it is filtered again here) and records before the requested offset (the
 * broker returns whole batches).
 */
export function decodePartition(topic: string, partition: number, requested: bigint, result: FetchedPartition): FetchedRecords {
  const records: LogRecord[] = [];
  let nextOffset = requested;
  const aborted = [...result.abortedTransactions].sort((a, b) => (a.firstOffset < b.firstOffset ? -1 : 1));
  const abortedProducers = new Set<bigint>();
  for (const batch of result.records ?? []) {
    const lastOffset = batch.firstOffset + BigInt(batch.lastOffsetDelta);
    if (lastOffset + 1n > nextOffset) nextOffset = lastOffset + 1n;
    while (aborted.length > 0 && aborted[0].firstOffset <= lastOffset) abortedProducers.add(aborted.shift()!.producerId);
    if (batch.attributes & IS_CONTROL) {
      if (isAbortMarker(batch)) abortedProducers.delete(batch.producerId);
      continue;
    }
    if (batch.attributes & IS_TRANSACTIONAL && abortedProducers.has(batch.producerId)) continue;
    for (const record of batch.records) {
      const offset = batch.firstOffset + BigInt(record.offsetDelta);
      if (offset < requested) continue;
      const headers: Record<string, string> = {};
      for (const [key, value] of record.headers) if (key) headers[key.toString()] = value?.toString() ?? "";
      records.push({
        topic,
        partition,
        offset,
        key: record.key?.toString() ?? "",
        value: record.value?.toString() ?? "",
        headers,
        timestamp: Number(batch.firstTimestamp + record.timestampDelta),
      });
    }
  }
  return { records, nextOffset };
}

/** A control record's key is (version int16, type int16); type 0 ends an aborted transaction. */
function isAbortMarker(batch: RecordsBatch): boolean {
  const key = batch.records[0]?.key;
  return !!key && key.length >= 4 && key.readInt16BE(2) === 0;
}
