import type { PoolClient } from "pg";
import { PartitionFencedError, PartitionOwnershipLostError } from "./postgres-log.errors";
import { type LogTables, heldLocks } from "./postgres-log.schema";
import type { Queryable } from "./record-reader";

/** Who claims a partition: the group member and the backend pid of its session. */
export interface Claimant {
  groupId: string;
  memberId: string;
  sessionPid: number;
}

/** A partition claimed for a run of batches: the generation to commit under, and where to start. */
export interface Claim {
  generation: bigint;
  committedOffset: bigint;
}

/**
 * Claims a partition whose ownership lock the claimant's session holds: bumps its generation,
 * which fences every earlier owner (their commits name an older generation and are refused),
 * and returns the committed offset. The bump waits for a commit in flight on the partition
 * (it holds the row lock), so the offset returned is final: nothing committed later can come
 * from anyone else. Refused, with PartitionOwnershipLostError, unless the lock is held by the
 * claimant's session right now, so a member that lost its session cannot fence the new owner.
 *
 * @example
 * const claim = await claimPartition(pool, tables, "history", "history.commands", 3, { groupId, memberId, sessionPid });
 */
export async function claimPartition(db: Queryable, tables: LogTables, topic: string, partition: number, claimant: Claimant): Promise<Claim> {
  const { rows } = await db.query<{ generation: string; committed_offset: string }>(
    `WITH ${heldLocks("$6")}
     UPDATE ${tables.groupPartitions} gp SET generation = gp.generation + 1, owner_id = $4
      WHERE gp.group_id = $1 AND gp.topic = $2 AND gp."partition" = $3
        AND gp.lock_id IN (SELECT lock_id FROM held WHERE pid = $5)
      RETURNING gp.generation, gp.committed_offset`,
    [claimant.groupId, topic, partition, claimant.memberId, claimant.sessionPid, tables.lockSpace],
  );
  if (rows.length === 0) throw new PartitionOwnershipLostError(claimant.groupId, topic, partition);
  return { generation: BigInt(rows[0].generation), committedOffset: BigInt(rows[0].committed_offset) };
}

/**
 * Inside a batch's transaction: moves the committed offset from `from` to `to`, provided the
 * partition is still at the claim's generation and offset — otherwise another owner claimed it
 * (or committed) meanwhile, and PartitionFencedError rolls the whole batch back. The row lock
 * taken here is held until the batch commits, so a new owner's claim waits for it.
 *
 * @example
 * await inTransaction(pool, async (client) => {
 *   await commitOffset(client, tables, "history", "history.commands", 3, claim.generation, position, last + 1n);
 *   await appendRecords(client, tables, outputs);
 * });
 */
export async function commitOffset(
  client: PoolClient,
  tables: LogTables,
  groupId: string,
  topic: string,
  partition: number,
  generation: bigint,
  from: bigint,
  to: bigint,
): Promise<void> {
  const { rowCount } = await client.query(
    `UPDATE ${tables.groupPartitions} SET committed_offset = $6
      WHERE group_id = $1 AND topic = $2 AND "partition" = $3 AND generation = $4 AND committed_offset = $5`,
    [groupId, topic, partition, generation, from, to],
  );
  if (rowCount !== 1) throw new PartitionFencedError(groupId, topic, partition, generation, from);
}
