import type { Producer } from "@platformatic/kafka";

/** Tuning of the Kafka log adapter. Only `brokers` is required. */
export interface KafkaLogOptions {
  /** `host:port` of one or more bootstrap brokers, e.g. `process.env.KAFKA_BROKERS.split(",")`. */
  brokers: string[];
  /** Prefix of every client id (shows in broker logs and metrics). Default `eventual`. */
  clientId?: string;
  /** Consumer-group session timeout: how long a silent member keeps its partitions. Default 30 s. */
  sessionTimeoutMs?: number;
  /** Group heartbeat interval; keep it well under a third of the session timeout. Default 3 s. */
  heartbeatIntervalMs?: number;
  /** How long a group waits for members to rejoin during a rebalance. Default 60 s. */
  rebalanceTimeoutMs?: number;
  /** Fetch long-poll: how long the broker may hold a fetch when there is no data. Default 250 ms. */
  maxWaitTimeMs?: number;
  /**
   * Request timeout, also used as the transaction timeout (the broker aborts a transaction left
   * open longer than this, e.g. by a crashed processor). Default 10 s.
   */
  requestTimeoutMs?: number;
  /** Pause before a partition restarts after a failed batch. Default 200 ms. */
  restartBackoffMs?: number;
  /**
   * Told about errors the adapter recovers from by itself (a failed batch, a lost connection).
   * Default: `console.warn`.
   */
  onError?: (error: unknown, context: { topic?: string; partition?: number; groupId?: string; phase: string }) => void;
}

export type ResolvedKafkaLogOptions = Required<KafkaLogOptions>;

export function resolveOptions(options: KafkaLogOptions): ResolvedKafkaLogOptions {
  if (!options.brokers?.length) {
    throw new TypeError("KafkaLog needs at least one broker, e.g. new KafkaLog({ brokers: ['127.0.0.1:9092'] })");
  }
  return {
    clientId: "eventual",
    sessionTimeoutMs: 30_000,
    heartbeatIntervalMs: 3_000,
    rebalanceTimeoutMs: 60_000,
    maxWaitTimeMs: 250,
    requestTimeoutMs: 10_000,
    restartBackoffMs: 200,
    onError: (error, context) => console.warn(`[kafka-log] ${context.phase} failed`, context, error),
    ...stripUndefined(options),
  };
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Retry delay for every client: a new transaction right after a commit often meets
 * CONCURRENT_TRANSACTIONS while the coordinator writes markers, and the library's default 1 s
 * delay would dominate latency (bench/kafka-clients.bench.js); the Java client retries after
 * 20 ms. Later attempts back off so a dead broker is not hammered.
 */
export function retryDelay(_client: unknown, _operation: string, attempt: number): number {
  return attempt <= 5 ? 20 : Math.min(1_000, 20 * 2 ** (attempt - 5));
}

/** Retries before an operation fails (with `retryDelay`, about 10 s in all). */
export const RETRIES = 15;

/** Options shared by every client the adapter creates. */
export function clientOptions(options: ResolvedKafkaLogOptions, role: string) {
  return {
    clientId: `${options.clientId}-${role}`.replace(/\s+/g, "_"),
    bootstrapBrokers: options.brokers,
    timeout: options.requestTimeoutMs,
    retries: RETRIES,
    retryDelay,
  };
}

/**
 * Producer identity for a fresh producer. @platformatic/kafka sends InitProducerId with
 * producerId 0 / epoch 0 unless told otherwise, which the broker reads as "bump the epoch of
 * producer 0" and answers PRODUCER_FENCED for any transactional id used before — i.e. every
 * restart and every reassignment. -1/-1 is what the Java client sends for a new producer.
 */
export const NEW_PRODUCER = { producerId: -1n, producerEpoch: -1 } as const;

export type StringProducer = Producer<string, string, string, string>;
