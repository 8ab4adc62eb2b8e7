/**
 * Errors both log adapters raise for the same reasons, so callers handle them the same way
 * whichever adapter runs underneath. Each message says what went wrong and what to do.
 */

/**
 * Base class, so callers can tell log failures from their own.
 *
 * @example
 * try { await log.partitionCount("history.events"); }
 * catch (error) { if (error instanceof UnknownTopicError) await log.ensureTopics([{ topic: error.topic, partitions: 12 }]); else throw error; }
 */
export class LogError extends Error {
  override readonly name: string = "LogError";
}

/**
 * An existing topic has a different partition count than required. Keys map to partitions by
 * `partitionFor(key, count)`, so silently using another count would split one workflow's
 * records across partitions.
 */
export class TopicPartitionMismatchError extends LogError {
  override readonly name = "TopicPartitionMismatchError";
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
export class UnknownTopicError extends LogError {
  override readonly name = "UnknownTopicError";
  constructor(readonly topic: string) {
    super(`Topic "${topic}" does not exist; create it first with ensureTopics([{ topic: "${topic}", partitions }]).`);
  }
}

/** The adapter was used after `close()`. */
export class LogClosedError extends LogError {
  override readonly name = "LogClosedError";
  constructor(adapter: "KafkaLog" | "PostgresLog", operation: string) {
    super(`${adapter}.${operation} was called after close(); create a new ${adapter}.`);
  }
}
