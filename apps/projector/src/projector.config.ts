import { type DatabaseSettings, EnvConfig, type ServiceSettings } from "@eventual/service-kit";

/**
 * The projector's settings, from the environment:
 *
 * | variable | default | meaning |
 * |---|---|---|
 * | KAFKA_BROKERS | (required) | comma-separated `host:port` list |
 * | KAFKA_SESSION_TIMEOUT_MS | 30000 | how long a silent instance keeps its partitions (failover time) |
 * | DATABASE_SCHEMA | public | Postgres schema of the tables |
 * | DATABASE_URL | (required) | Postgres holding the read models |
 * | EVENTUAL_TOPIC_PREFIX | (none) | prefix of every topic name |
 * | PROJECTOR_GROUP_ID | projector | consumer group; instances share partitions |
 * | PROJECTOR_HEALTH_PORT | 0 (any free port) | port of /health/live and /health/ready |
 * | LOG_LEVEL | info | debug, info, warn or error |
 */
export interface ProjectorConfig extends ServiceSettings, DatabaseSettings {
  groupId: string;
}

export function readProjectorConfig(env: NodeJS.ProcessEnv = process.env): ProjectorConfig {
  const config = new EnvConfig(env);
  return {
    ...config.service("PROJECTOR"),
    ...config.database(),
    groupId: config.string("PROJECTOR_GROUP_ID", "projector"),
  };
}
