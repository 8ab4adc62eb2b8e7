/**
 * The log port (DESIGN §4): the one narrow interface every service uses to talk to the log.
 * Two adapters implement it — Kafka (distributed) and Postgres (embedded, one process) — and
 * one contract suite (libs/log/test/log-contract.ts) runs against both.
 *
 * Records are keyed; the key decides the partition (`partitionFor`), the same way in every
 * adapter, so a workflow's commands and events share one partition number across topics.
 */

/** A record read from the log. Offsets are per partition, increasing, not necessarily dense. */
export interface LogRecord {
  topic: string;
  partition: number;
  offset: bigint;
  key: string;
  value: string;
  headers: Record<string, string>;
  /** Append time, ms since the epoch. */
  timestamp: number;
}

/** A record to append. The partition is derived from the key unless given. */
export interface OutgoingRecord {
  topic: string;
  key: string;
  value: string;
  headers?: Record<string, string>;
  partition?: number;
}

export interface TopicSpec {
  topic: string;
  partitions: number;
}

/** One partition's records handed to a processor, in offset order. */
export interface PartitionBatch {
  topic: string;
  partition: number;
  records: LogRecord[];
}

/**
 * Consume–process–produce with exactly-once effect. For each batch the adapter appends the
 * returned records and commits the batch's offsets atomically (one Kafka transaction per
 * input partition; one SQL transaction in the embedded log). If `process` throws, or the
 * commit fails, nothing of the batch is visible and the batch is delivered again — after
 * `onRevoked` and a fresh `onAssigned` for that partition, so state rebuilt in `onAssigned`
 * never holds effects of a batch that did not commit (nor of batches another instance
 * committed meanwhile, if the partition was briefly someone else's).
 */
export interface PartitionProcessor {
  /**
   * The partition is now this instance's. Called before its first batch; rebuild in-memory
   * state here. No batch of this partition is delivered until it resolves.
   */
  onAssigned?(topic: string, partition: number): Promise<void>;
  /** The partition went to another instance (or the processor stops): drop its state. */
  onRevoked?(topic: string, partition: number): Promise<void>;
  process(batch: PartitionBatch): Promise<OutgoingRecord[]>;
}

export interface ProcessorOptions {
  /** Consumer group: instances with the same group share the partitions. */
  groupId: string;
  topics: string[];
  processor: PartitionProcessor;
  /** Largest batch handed to `process` (default 500 records). */
  maxBatchRecords?: number;
}

/** A running processor or consumer. `stop` finishes the batch in flight and leaves the group. */
export interface RunningConsumer {
  stop(): Promise<void>;
}

/**
 * A plain consumer whose offsets the caller keeps (e.g. a projector that stores them in
 * Postgres in the same SQL transaction as its rows). On assignment it asks where to start.
 */
export interface ConsumerOptions {
  groupId: string;
  topics: string[];
  /** Offset to start the partition at; undefined means its beginning. */
  startOffset(topic: string, partition: number): Promise<bigint | undefined>;
  onRevoked?(topic: string, partition: number): Promise<void>;
  handle(batch: PartitionBatch): Promise<void>;
  maxBatchRecords?: number;
}

export interface LogPort {
  /** Creates missing topics; existing ones must have the given partition count. */
  ensureTopics(topics: TopicSpec[]): Promise<void>;
  /** Appends durably (acknowledged by every in-sync replica) outside any consumed batch. */
  append(records: OutgoingRecord[]): Promise<void>;
  runProcessor(options: ProcessorOptions): Promise<RunningConsumer>;
  runConsumer(options: ConsumerOptions): Promise<RunningConsumer>;
  /**
   * Reads committed records of one partition from `from` up to the partition's end when the
   * call began; returns the offset after the last record read (where to continue).
   */
  readPartition(
    topic: string,
    partition: number,
    from: bigint,
    onRecords: (records: LogRecord[]) => Promise<void> | void,
  ): Promise<bigint>;
  /** Partition count of a topic. */
  partitionCount(topic: string): Promise<number>;
  close(): Promise<void>;
}
