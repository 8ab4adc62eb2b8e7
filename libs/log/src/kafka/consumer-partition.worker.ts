import type { ConsumerOptions } from "../log-port";
import { PartitionWorker, type WorkerContext } from "./partition-worker";

export interface ConsumerWorkerContext extends WorkerContext {
  consumer: ConsumerOptions;
  /** The partition's first offset (where a consumer without a stored offset starts). */
  firstOffset(topic: string, partition: number): Promise<bigint>;
}

/**
 * A plain consumer of one partition whose offsets the caller stores: it asks `startOffset`
 * where to begin, hands batches to `handle` in order, and commits nothing to Kafka. After a
 * failed `handle` it starts over from `startOffset`, i.e. from what the caller really stored.
 */
export class ConsumerPartitionWorker extends PartitionWorker {
  constructor(
    topic: string,
    partition: number,
    private readonly consumerContext: ConsumerWorkerContext,
  ) {
    super(topic, partition, consumerContext);
  }

  protected async session(): Promise<void> {
    const { consumer } = this.consumerContext;
    let started = false;
    try {
      const stored = await consumer.startOffset(this.topic, this.partition);
      started = true;
      const position = stored ?? (await this.consumerContext.firstOffset(this.topic, this.partition));
      await this.consumeFrom(position, (batch) => consumer.handle({ topic: this.topic, partition: this.partition, records: batch }));
    } finally {
      if (started) await consumer.onRevoked?.(this.topic, this.partition).catch((error: unknown) => this.report(error, "onRevoked"));
    }
  }
}
