import { EnvConfig, type ServiceSettings } from "@eventual/service-kit";

/**
 * The history service's settings, from the environment:
 *
 * | variable | default | meaning |
 * |---|---|---|
 * | KAFKA_BROKERS | (required) | comma-separated `host:port` list |
 * | EVENTUAL_PARTITIONS | 8 | partitions of each workflow topic (created if missing) |
 * | EVENTUAL_TOPIC_PREFIX | (none) | prefix of every topic name, to share a cluster |
 * | HISTORY_GROUP_ID | history | consumer group; instances with the same group share partitions |
 * | HISTORY_HEALTH_PORT | 0 (any free port) | port of /health/live and /health/ready |
 * | KAFKA_SESSION_TIMEOUT_MS | 30000 | how long a silent instance keeps its partitions (failover time) |
 * | LOG_LEVEL | info | debug, info, warn or error |
 */
export interface HistoryConfig extends ServiceSettings {
  partitions: number;
  groupId: string;
}

export function readHistoryConfig(env: NodeJS.ProcessEnv = process.env): HistoryConfig {
  const config = new EnvConfig(env);
  return {
    ...config.service("HISTORY"),
    partitions: config.integer("EVENTUAL_PARTITIONS", 8, { min: 1, max: 1_000 }),
    groupId: config.string("HISTORY_GROUP_ID", "history"),
  };
}
