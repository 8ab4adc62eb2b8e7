/**
 * Typed errors only the Postgres log adapter raises. Each message says what went wrong and what
 * to do; errors both adapters share (unknown topic, partition mismatch, closed) are in
 * log-errors.ts.
 */
import { LogError } from "../log-errors";

/** Base class of the Postgres adapter's own errors (the shared ones are in log-errors.ts). */
export class PostgresLogError extends LogError {
  override readonly name: string = "PostgresLogError";
}

/**
 * This instance no longer owns the partition it was about to claim: its group session (the
 * connection holding the partition's advisory lock) ended, so another member may own it now.
 * The instance drops the partition and rejoins the group; nothing needs doing by hand.
 */
export class PartitionOwnershipLostError extends PostgresLogError {
  override readonly name = "PartitionOwnershipLostError";
  constructor(
    readonly groupId: string,
    readonly topic: string,
    readonly partition: number,
  ) {
    super(
      `Group "${groupId}" member no longer holds ${topic}[${partition}] (its session connection ended); ` +
        `the partition is left to its new owner and this member rejoins the group.`,
    );
  }
}

/**
 * A batch commit was refused because the partition was claimed by another owner since this
 * instance started the batch (or its committed offset moved): this instance is a zombie for
 * that partition and its batch is discarded, so the new owner's work is never duplicated.
 */
export class PartitionFencedError extends PostgresLogError {
  override readonly name = "PartitionFencedError";
  constructor(
    readonly groupId: string,
    readonly topic: string,
    readonly partition: number,
    readonly generation: bigint,
    readonly expectedOffset: bigint,
  ) {
    super(
      `Commit of ${topic}[${partition}] for group "${groupId}" refused: the partition is no longer at generation ` +
        `${generation} with committed offset ${expectedOffset} — another instance took it over. The batch is ` +
        `discarded; the partition's new owner processes it.`,
    );
  }
}

/** Group membership was asked of a session that already ended. */
export class GroupSessionLostError extends PostgresLogError {
  override readonly name = "GroupSessionLostError";
  constructor(
    readonly groupId: string,
    reason: string,
  ) {
    super(`The session of group "${groupId}" ended (${reason}); its partitions are released and the member rejoins.`);
  }
}
