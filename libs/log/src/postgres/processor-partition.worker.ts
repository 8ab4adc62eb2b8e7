import type { OutgoingRecord, PartitionProcessor } from "../log-port";
import { claimPartition, commitOffset } from "./partition-fence";
import { PartitionWorker, type WorkerContext } from "./partition-worker";
import { type PlacedRecord, appendRecords } from "./record-writer";
import { inTransaction } from "./sql-transaction";

export interface ProcessorWorkerContext extends WorkerContext {
  processor: PartitionProcessor;
  /** Decides the outputs' partitions (from their keys, like `append`); throws on unknown topics. */
  place(records: OutgoingRecord[]): Promise<PlacedRecord[]>;
}

/**
 * Consume–process–produce for one input partition with exactly-once effect: each batch's
 * outputs and its committed offset go into one SQL transaction.
 *
 * - A session first claims the partition (bumping its generation fences earlier owners and
 *   waits out their commit in flight); only then is the committed offset final, so only then
 *   does `onAssigned` run and reading start from that offset.
 * - Each batch: `process`, then one transaction that checks the claim still holds (generation
 *   and committed offset unchanged) while moving the offset, and appends the outputs.
 * - Any failure (`process` throws, the commit fails or is fenced, a connection breaks) rolls
 *   the transaction back and ends the session: `onRevoked` runs, and the next session claims
 *   afresh, calls `onAssigned` again and resumes from the committed offset — so in-memory
 *   state never holds an effect of an uncommitted batch.
 */
export class ProcessorPartitionWorker extends PartitionWorker {
  constructor(private readonly processorContext: ProcessorWorkerContext) {
    super(processorContext);
  }

  protected async session(): Promise<void> {
    const { processor, pool, tables, claimant } = this.processorContext;
    const claim = await claimPartition(pool, tables, this.topic, this.partition, claimant);
    if (this.stopping) return;
    let assigned = false;
    try {
      await processor.onAssigned?.(this.topic, this.partition);
      assigned = true;
      let position = claim.committedOffset;
      while (!this.stopping) {
        const records = await this.nextBatch(position);
        if (records.length === 0) continue;
        const outputs = await processor.process({ topic: this.topic, partition: this.partition, records });
        // Partitions are looked up before the transaction: no second pooled connection is
        // ever wanted while one is held (a full pool would deadlock).
        const placed = await this.processorContext.place(outputs);
        const next = records[records.length - 1].offset + 1n;
        await inTransaction(pool, async (client) => {
          await commitOffset(client, tables, claimant.groupId, this.topic, this.partition, claim.generation, position, next);
          await appendRecords(client, tables, placed);
        });
        position = next;
      }
    } finally {
      if (assigned) await processor.onRevoked?.(this.topic, this.partition).catch((error: unknown) => this.report(error, "onRevoked"));
    }
  }
}
