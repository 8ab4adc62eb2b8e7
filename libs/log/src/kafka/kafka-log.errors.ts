/**
 * Typed errors of the Kafka log adapter. Each message says what went wrong and what to do.
 */

/** Base class, so callers can tell log-adapter failures from their own. */
export class KafkaLogError extends Error {
  override readonly name: string = "KafkaLogError";
}

/**
 * An existing topic has a different partition count than required. Keys map to partitions by
 * `partitionFor(key, count)`, so silently using another count would split one workflow's
 * records across partitions.
 */
export class TopicPartitionMismatchError extends KafkaLogError {
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
export class UnknownTopicError extends KafkaLogError {
  override readonly name = "UnknownTopicError";
  constructor(readonly topic: string) {
    super(`Topic "${topic}" does not exist; create it first with ensureTopics([{ topic: "${topic}", partitions }]).`);
  }
}

/** The adapter was used after `close()`. */
export class KafkaLogClosedError extends KafkaLogError {
  override readonly name = "KafkaLogClosedError";
  constructor(operation: string) {
    super(`KafkaLog.${operation} was called after close(); create a new KafkaLog.`);
  }
}

/** A partition read made no progress although the partition end was not reached. */
export class PartitionReadStalledError extends KafkaLogError {
  override readonly name = "PartitionReadStalledError";
  constructor(
    readonly topic: string,
    readonly partition: number,
    readonly offset: bigint,
    readonly end: bigint,
  ) {
    super(
      `Reading ${topic}[${partition}] stalled at offset ${offset} before its end ${end}; ` +
        `the broker returned no records. Check the broker log and that the partition has a leader.`,
    );
  }
}

/**
 * Whether a client error means "no such topic": @platformatic/kafka turns the broker's
 * UNKNOWN_TOPIC_OR_PARTITION into a UserError "Unknown topic <name>." for metadata requests.
 */
export function isUnknownTopic(error: unknown): boolean {
  const e = error as { message?: string; findBy?: (key: string, value: unknown) => unknown };
  return /^Unknown topic /.test(e?.message ?? "") || !!e?.findBy?.("apiId", "UNKNOWN_TOPIC_OR_PARTITION");
}

/** Rethrows "no such topic" as an UnknownTopicError naming `topic`; other errors unchanged. */
export function rethrowUnknownTopic(topic: string) {
  return (error: unknown): never => {
    throw isUnknownTopic(error) ? new UnknownTopicError(topic) : error;
  };
}
