import type { ConsumerOptions } from "../log-port";
import { claimPartition } from "./partition-fence";
import { PartitionWorker, type WorkerContext } from "./partition-worker";

export interface ConsumerWorkerContext extends WorkerContext {
  consumer: ConsumerOptions;
}

/**
 * A plain consumer of one partition whose offsets the caller stores: it asks `startOffset`
 * where to begin, hands batches to `handle` in order, and commits nothing. After a failed
 * `handle` it starts over from `startOffset`, i.e. from what the caller really stored. It
 * claims the partition like a processor does, so a member that lost its session never starts
 * consuming a partition someone else owns now.
 */
export class ConsumerPartitionWorker extends PartitionWorker {
  constructor(private readonly consumerContext: ConsumerWorkerContext) {
    super(consumerContext);
  }

  protected async session(): Promise<void> {
    const { consumer, pool, tables, claimant } = this.consumerContext;
    await claimPartition(pool, tables, this.topic, this.partition, claimant);
    if (this.stopping) return;
    let started = false;
    try {
      const stored = await consumer.startOffset(this.topic, this.partition);
      started = true;
      // Records are never deleted, so a partition's beginning is offset 0.
      let position = stored ?? 0n;
      while (!this.stopping) {
        const records = await this.nextBatch(position);
        if (records.length === 0) continue;
        await consumer.handle({ topic: this.topic, partition: this.partition, records });
        position = records[records.length - 1].offset + 1n;
      }
    } finally {
      if (started) await consumer.onRevoked?.(this.topic, this.partition).catch((error: unknown) => this.report(error, "onRevoked"));
    }
  }
}
