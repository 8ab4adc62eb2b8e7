import type { Message, MessageToProduce } from "@platformatic/kafka";
import type { LogRecord, OutgoingRecord, PartitionProcessor } from "../log-port";
import type { StringProducer } from "./kafka-log.options";
import { PartitionWorker, type WorkerContext } from "./partition-worker";

export interface ProcessorWorkerContext extends WorkerContext {
  processor: PartitionProcessor;
  /** A transactional producer for `transactionalId` (not yet initialised). */
  createProducer(transactionalId: string): StringProducer;
  /** Records ready to send: partition resolved from the key like `append` does. */
  toMessages(records: OutgoingRecord[]): Promise<MessageToProduce<string, string, string, string>[]>;
  /** The group's committed offset of the partition, or its first offset when none. */
  committedOffset(topic: string, partition: number): Promise<bigint>;
}

/**
 * Consume–process–produce for one input partition with exactly-once effect (DESIGN §3 rule 2).
 *
 * - One transactional id per input partition, `${groupId}.${topic}.${partition}`: the producer
 *   is created when the partition is assigned and its initialisation fences any zombie (an
 *   earlier owner that still thinks it owns the partition) and aborts what it left open.
 * - Each batch: process, begin, send outputs, add the consumed offset, commit.
 * - Any failure (process throws, send/offset/commit error, timeout, disconnect, fenced) ends
 *   the session: the producer is closed — never aborted and reused — `onRevoked` runs, and the
 *   next session creates a new producer, calls `onAssigned` again (so in-memory state holds no
 *   effect of an uncommitted batch) and resumes from the committed offset.
 */
export class ProcessorPartitionWorker extends PartitionWorker {
  constructor(
    topic: string,
    partition: number,
    private readonly processorContext: ProcessorWorkerContext,
  ) {
    super(topic, partition, processorContext);
  }

  protected async session(): Promise<void> {
    const { processor, membership } = this.processorContext;
    await this.untilStopped(membership.whenStable());
    if (this.stopping) return;
    const producer = this.processorContext.createProducer(`${membership.groupId}.${this.topic}.${this.partition}`);
    let assigned = false;
    try {
      // Initialising the transactional id is what fences the previous owner; only then is the
      // committed offset final and the log complete enough to rebuild state from.
      const fence = await producer.beginTransaction();
      await fence.cancel();
      if (this.stopping) return;
      await processor.onAssigned?.(this.topic, this.partition);
      assigned = true;
      const position = await this.processorContext.committedOffset(this.topic, this.partition);
      await this.consumeFrom(position, (batch) => this.commitBatch(producer, batch));
    } finally {
      await producer.close().catch((error: unknown) => this.report(error, "closing transactional producer"));
      if (assigned) await processor.onRevoked?.(this.topic, this.partition).catch((error: unknown) => this.report(error, "onRevoked"));
    }
  }

  private async commitBatch(producer: StringProducer, records: LogRecord[]): Promise<void> {
    const { processor, membership } = this.processorContext;
    const outputs = await processor.process({ topic: this.topic, partition: this.partition, records });
    const messages = await this.processorContext.toMessages(outputs);
    const transaction = await producer.beginTransaction();
    if (messages.length > 0) await transaction.send({ messages });
    await transaction.addConsumer(membership.consumer as never);
    // The library commits `offset + 1` of a consumed message, with the group generation it
    // carries: the broker rejects it if the group has moved on (a zombie's commit).
    const last = records[records.length - 1];
    const consumed = { topic: this.topic, partition: this.partition, offset: last.offset, metadata: { consumer: membership.generation() } };
    await transaction.addOffset(consumed as unknown as Message<string, string, string, string>);
    await transaction.commit();
  }
}
