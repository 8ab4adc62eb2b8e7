import { MalformedMessageError, type MatchingTaskMessage } from "@eventual/core";
import type { PartitionBatch } from "@eventual/log";
import type { JsonLogger } from "@eventual/service-kit";
import { ConsumerOffsets } from "@eventual/store";
import type { DataSource } from "typeorm";
import type { TaskQueueBook } from "./task-queue-book";

/** The consumer name of matching's rows in projection_offsets. */
export const MATCHING_CONSUMER = "matching";

/**
 * Feeds matching.tasks into the book and keeps the consumer offsets in Postgres. Kafka's own
 * group offsets are not used: the offset that may be saved is not the last one read but the
 * book's `committable` one, below which every task's start is recorded. A partition starts
 * at its saved offset, so after a crash or a rebalance every task not known to be started is
 * read (and handed out) again; the core ignores a second start of the same task.
 *
 * Each (re)start of a partition opens a new session; tokens carry it, so a token from before
 * a revocation can never ack or requeue the copy read in a later session.
 *
 * @example
 * await log.runConsumer({ groupId, topics: [topic], startOffset: (t, p) => handler.startOffset(t, p),
 *   onRevoked: (t, p) => handler.revoked(t, p), handle: (b) => handler.handle(b) });
 * setInterval(() => void handler.saveAll(), 1_000);
 */
export class MatchingTasksHandler {
  private readonly offsets = new ConsumerOffsets(MATCHING_CONSUMER);
  private readonly sessions = new Map<number, number>();
  private readonly saved = new Map<number, bigint>();
  private lastSession = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly book: TaskQueueBook,
    private readonly topic: string,
    private readonly logger: JsonLogger,
    /** Told when a partition goes away, before its tasks leave the book (drops its leases). */
    private readonly onPartitionRevoked: (partition: number) => void = () => undefined,
  ) {}

  /** The current session of an owned partition; undefined when the partition is not ours. */
  sessionOf(partition: number): number | undefined {
    return this.sessions.get(partition);
  }

  /** Partitions this instance reads now. */
  ownedPartitions(): number[] {
    return [...this.sessions.keys()];
  }

  async startOffset(topic: string, partition: number): Promise<bigint | undefined> {
    const stored = await this.offsets.read(this.dataSource, topic, partition);
    // A restarted session re-reads from the stored offset: forget what the last one read.
    this.book.dropPartition(partition);
    this.sessions.set(partition, ++this.lastSession);
    if (stored !== undefined) this.saved.set(partition, stored);
    this.logger.info("partition assigned", { topic, partition, from: stored ?? "beginning" });
    return stored;
  }

  async handle(batch: PartitionBatch): Promise<void> {
    for (const record of batch.records) {
      let message: MatchingTaskMessage;
      try {
        message = decodeMatchingTask(record.value);
      } catch (error) {
        // Loud, not silent: a poison record would otherwise stall every workflow of the
        // partition forever (the consumer retries a failed batch), and no worker can run it.
        this.logger.error("skipping a malformed matching.tasks record", { partition: batch.partition, offset: record.offset, error: String(error) });
        continue;
      }
      this.book.offer(batch.partition, record.offset, message);
    }
  }

  /** The partition left us: save how far its tasks got, then forget them. */
  async revoked(topic: string, partition: number): Promise<void> {
    try {
      await this.save(partition);
    } catch (error) {
      this.logger.warn("saving offsets on revocation failed; the next owner redelivers more", { topic, partition, error: String(error) });
    }
    this.sessions.delete(partition);
    this.saved.delete(partition);
    this.onPartitionRevoked(partition);
    this.book.dropPartition(partition);
    this.logger.info("partition revoked", { topic, partition });
  }

  /** Saves every owned partition's committable offset that moved since the last save. */
  async saveAll(): Promise<void> {
    for (const partition of this.ownedPartitions()) await this.save(partition);
  }

  /**
   * Saves forward only: during a rebalance the previous and the next owner may both save, and
   * each one's committable offset is safe (everything below it is started), so the larger wins.
   */
  private async save(partition: number): Promise<void> {
    const next = this.book.committable(partition);
    if (next === undefined || next === this.saved.get(partition)) return;
    await this.dataSource.transaction(async (m) => {
      const current = await this.offsets.lock(m, this.topic, partition);
      if (next > current) await this.offsets.save(m, this.topic, partition, next);
    });
    this.saved.set(partition, next);
  }
}

/**
 * Parses a matching.tasks record, checking what the book relies on.
 *
 * @example
 * decodeMatchingTask('{"type":"CancelActivityTask","data":{"workflowId":"w","runId":"r","activityId":"1"}}');
 */
export function decodeMatchingTask(value: string): MatchingTaskMessage {
  let message: Partial<MatchingTaskMessage>;
  try {
    message = JSON.parse(value) as Partial<MatchingTaskMessage>;
  } catch (error) {
    throw new MalformedMessageError(`matching.tasks record is not JSON: ${(error as Error).message}`);
  }
  const data = (message?.data ?? {}) as Record<string, unknown>;
  const ids = typeof data.workflowId === "string" && typeof data.runId === "string";
  switch (message?.type) {
    case "DispatchWorkflowTask":
      if (ids && typeof data.taskQueue === "string" && typeof data.scheduledEventId === "number") return message as MatchingTaskMessage;
      break;
    case "DispatchActivityTask":
      if (ids && typeof data.activityId === "string" && typeof data.attempt === "number" && typeof (data.options as { taskQueue?: unknown } | undefined)?.taskQueue === "string") {
        return message as MatchingTaskMessage;
      }
      break;
    case "CancelActivityTask":
      if (ids && typeof data.activityId === "string") return message as MatchingTaskMessage;
      break;
    default:
      throw new MalformedMessageError(`matching.tasks record has unknown type ${JSON.stringify(message?.type)}`);
  }
  throw new MalformedMessageError(`matching.tasks ${message.type} record lacks the fields matching needs`);
}
