import type { DataSource, EntityManager } from "typeorm";

/**
 * Offsets of a consumer that keeps them in Postgres, next to the rows it writes, so applying a
 * batch and recording how far it got are one SQL transaction (exactly-once effect for the
 * projector and the timers service).
 *
 * @example
 * await dataSource.transaction(async (m) => {
 *   const from = await offsets.lock(m, "timers.commands", 3);
 *   // ... apply records with offset >= from ...
 *   await offsets.save(m, "timers.commands", 3, lastOffset + 1n);
 * });
 */
export class ConsumerOffsets {
  constructor(readonly consumer: string) {}

  /**
   * Locks the partition's offset row (creating it at 0) and returns the next offset to apply.
   * A second instance holding the partition during a rebalance waits here, then sees our offset.
   */
  async lock(m: EntityManager, topic: string, partition: number): Promise<bigint> {
    const key = [this.consumer, topic, partition];
    const select = () =>
      m.query(`SELECT next_offset FROM projection_offsets WHERE consumer = $1 AND topic = $2 AND "partition" = $3 FOR UPDATE`, key) as Promise<Array<{ next_offset: string }>>;
    // Every batch runs this; the row exists after the first, so one statement in steady state.
    let rows = await select();
    if (rows.length === 0) {
      await m.query(`INSERT INTO projection_offsets (consumer, topic, "partition", next_offset) VALUES ($1, $2, $3, 0) ON CONFLICT DO NOTHING`, key);
      rows = await select();
    }
    return BigInt(rows[0].next_offset);
  }

  async save(m: EntityManager, topic: string, partition: number, next: bigint): Promise<void> {
    await m.query(`UPDATE projection_offsets SET next_offset = $4 WHERE consumer = $1 AND topic = $2 AND "partition" = $3`, [
      this.consumer,
      topic,
      partition,
      next.toString(),
    ]);
  }

  /** Where to start the partition, or undefined when nothing was applied yet. */
  async read(dataSource: DataSource, topic: string, partition: number): Promise<bigint | undefined> {
    const rows: Array<{ next_offset: string }> = await dataSource.query(
      `SELECT next_offset FROM projection_offsets WHERE consumer = $1 AND topic = $2 AND "partition" = $3`,
      [this.consumer, topic, partition],
    );
    return rows.length ? BigInt(rows[0].next_offset) : undefined;
  }
}
