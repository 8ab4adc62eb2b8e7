import { type DatabaseSettings, EnvConfig, type ServiceSettings } from "@eventual/service-kit";

/**
 * The matching service's settings, from the environment:
 *
 * | variable | default | meaning |
 * |---|---|---|
 * | KAFKA_BROKERS | (required) | comma-separated `host:port` list |
 * | DATABASE_URL | (required) | Postgres holding the consumer offsets (projection_offsets) |
 * | EVENTUAL_TOPIC_PREFIX | (none) | prefix of every topic name |
 * | EVENTUAL_PARTITIONS | 8 | partitions of each workflow topic (created if missing, as history and the gateway do) |
 * | MATCHING_GROUP_ID | matching | consumer group of matching.tasks |
 * | MATCHING_HOST | 0.0.0.0 | interface the internal gRPC API listens on |
 * | MATCHING_PORT | 7234 | port of the internal gRPC API (0: any free port) |
 * | MATCHING_HEALTH_PORT | 0 (any free port) | port of /health/live and /health/ready |
 * | MATCHING_LEASE_MS | 30000 | a task handed out and neither acked nor released goes back to its queue after this |
 * | MATCHING_MAX_POLL_MS | 60000 | longest long poll (for calls without a deadline, or a longer one) |
 * | MATCHING_COMMIT_INTERVAL_MS | 1000 | how often the committable offsets are saved |
 * | MATCHING_SHUTDOWN_GRACE_MS | 5000 | on shutdown, how long open leases may still be acked before offsets are saved |
 * | KAFKA_SESSION_TIMEOUT_MS | 30000 | how long a silent instance keeps its partitions (failover time) |
 * | DATABASE_SCHEMA | public | Postgres schema of the offsets table |
 * | LOG_LEVEL | info | debug, info, warn or error |
 */
export interface MatchingConfig extends ServiceSettings, DatabaseSettings {
  partitions: number;
  groupId: string;
  host: string;
  port: number;
  leaseMs: number;
  maxPollMs: number;
  commitIntervalMs: number;
  shutdownGraceMs: number;
}

/** The defaults of every setting that has one, for tests and embedders building a config. */
export const MATCHING_DEFAULTS = {
  topicPrefix: "",
  partitions: 8,
  groupId: "matching",
  host: "0.0.0.0",
  port: 7234,
  healthPort: 0,
  leaseMs: 30_000,
  maxPollMs: 60_000,
  commitIntervalMs: 1_000,
  shutdownGraceMs: 5_000,
  logLevel: "info",
} as const satisfies Partial<MatchingConfig>;

/**
 * Reads the settings, failing with a ConfigError that names the variable.
 *
 * @example
 * const config = readMatchingConfig({ KAFKA_BROKERS: "127.0.0.1:9092", DATABASE_URL: "postgres://..." });
 * config.port; // 7234
 */
export function readMatchingConfig(env: NodeJS.ProcessEnv = process.env): MatchingConfig {
  const config = new EnvConfig(env);
  return {
    ...config.service("MATCHING"),
    ...config.database(),
    partitions: config.integer("EVENTUAL_PARTITIONS", MATCHING_DEFAULTS.partitions, { min: 1, max: 1_000 }),
    groupId: config.string("MATCHING_GROUP_ID", MATCHING_DEFAULTS.groupId),
    host: config.string("MATCHING_HOST", MATCHING_DEFAULTS.host),
    port: config.integer("MATCHING_PORT", MATCHING_DEFAULTS.port, { min: 0, max: 65_535 }),
    leaseMs: config.integer("MATCHING_LEASE_MS", MATCHING_DEFAULTS.leaseMs, { min: 100 }),
    maxPollMs: config.integer("MATCHING_MAX_POLL_MS", MATCHING_DEFAULTS.maxPollMs, { min: 100 }),
    commitIntervalMs: config.integer("MATCHING_COMMIT_INTERVAL_MS", MATCHING_DEFAULTS.commitIntervalMs, { min: 10 }),
    shutdownGraceMs: config.integer("MATCHING_SHUTDOWN_GRACE_MS", MATCHING_DEFAULTS.shutdownGraceMs, { min: 0 }),
  };
}
