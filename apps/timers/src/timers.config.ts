import { type DatabaseSettings, EnvConfig, type ServiceSettings } from "@eventual/service-kit";

/**
 * The timers service's settings, from the environment:
 *
 * | variable | default | meaning |
 * |---|---|---|
 * | KAFKA_BROKERS | (required) | comma-separated `host:port` list |
 * | KAFKA_SESSION_TIMEOUT_MS | 30000 | how long a silent instance keeps its partitions (failover time) |
 * | DATABASE_SCHEMA | public | Postgres schema of the tables |
 * | DATABASE_URL | (required) | Postgres holding the timers table |
 * | EVENTUAL_TOPIC_PREFIX | (none) | prefix of every topic name |
 * | TIMERS_GROUP_ID | timers | consumer group of timers.commands |
 * | TIMERS_BATCH | 500 | timers fired per transaction |
 * | TIMERS_HEALTH_PORT | 0 (any free port) | port of /health/live and /health/ready |
 * | LOG_LEVEL | info | debug, info, warn or error |
 */
export interface TimersConfig extends ServiceSettings, DatabaseSettings {
  groupId: string;
  batchSize: number;
}

export function readTimersConfig(env: NodeJS.ProcessEnv = process.env): TimersConfig {
  const config = new EnvConfig(env);
  return {
    ...config.service("TIMERS"),
    ...config.database(),
    groupId: config.string("TIMERS_GROUP_ID", "timers"),
    batchSize: config.integer("TIMERS_BATCH", 500, { min: 1, max: 10_000 }),
  };
}
