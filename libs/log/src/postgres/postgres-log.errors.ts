/**
 * Typed errors of the Postgres log adapter. Each message says what went wrong and what to do.
 * The class names carry a `Postgres` prefix where the Kafka adapter has an error of the same
 * meaning, because both adapters are exported from one package.
 */

/**
 * Base class, so callers can tell log-adapter failures from their own.
 *
 * @example
 * try { await log.partitionCount("history.events"); }
 * catch (error) { if (error instanceof PostgresUnknownTopicError) await log.ensureTopics([{ topic: error.topic, partitions: 12 }]); else throw error; }
 */
export class PostgresLogError extends Error {
  override readonly name: string = "PostgresLogError";
}

/**
 * An existing topic has a different partition count than required. Keys map to partitions by
 * `partitionFor(key, count)`, so silently using another count would split one workflow's
 * records across partitions.
 */
export class PostgresTopicPartitionMismatchError extends PostgresLogError {
  override readonly name = "PostgresTopicPartitionMismatchError";
  constructor(
    readonly topic: string,
    readonly required: number,
    readonly actual: number,
  ) {
    super(
      `Topic "${topic}" exists with ${actual} partition(s) but ${required} are required. ` +
        `Records are partitioned by key, so the count cannot change under running services: ` +
        `configure ${actual} partitions, or create a new topic and migrate.`,
    );
  }
}

/** A topic the caller named does not exist (topics are never auto-created). */
export class PostgresUnknownTopicError extends PostgresLogError {
  override readonly name = "PostgresUnknownTopicError";
  constructor(readonly topic: string) {
    super(`Topic "${topic}" does not exist; create it first with ensureTopics([{ topic: "${topic}", partitions }]).`);
  }
}

/** The adapter was used after `close()`. */
export class PostgresLogClosedError extends PostgresLogError {
  override readonly name = "PostgresLogClosedError";
  constructor(operation: string) {
    super(`PostgresLog.${operation} was called after close(); create a new PostgresLog.`);
  }
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
