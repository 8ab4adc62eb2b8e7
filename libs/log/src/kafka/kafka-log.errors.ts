/**
 * Typed errors only the Kafka log adapter raises. Each message says what went wrong and what to do.
 */

import { LogError, UnknownTopicError } from "../log-errors";

/** Base class of the Kafka adapter's own errors (the shared ones are in log-errors.ts). */
export class KafkaLogError extends LogError {
  override readonly name: string = "KafkaLogError";
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
