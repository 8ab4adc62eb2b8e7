import { EnvConfig } from "@eventual/service-kit";

/**
 * The projector's settings, from the environment:
 *
 * | variable | default | meaning |
 * |---|---|---|
 * | KAFKA_BROKERS | (required) | comma-separated `host:port` list |
 * | DATABASE_URL | (required) | Postgres holding the read models |
 * | EVENTUAL_TOPIC_PREFIX | (none) | prefix of every topic name |
 * | PROJECTOR_GROUP_ID | projector | consumer group; instances share partitions |
 * | PROJECTOR_HEALTH_PORT | 0 (any free port) | port of /health/live and /health/ready |
 * | LOG_LEVEL | info | debug, info, warn or error |
 */
export interface ProjectorConfig {
  brokers: string[];
  databaseUrl: string;
  topicPrefix: string;
  groupId: string;
  healthPort: number;
  logLevel: "debug" | "info" | "warn" | "error";
}

export function readProjectorConfig(env: NodeJS.ProcessEnv = process.env): ProjectorConfig {
  const config = new EnvConfig(env);
  return {
    brokers: config.list("KAFKA_BROKERS"),
    databaseUrl: config.string("DATABASE_URL"),
    topicPrefix: config.string("EVENTUAL_TOPIC_PREFIX", ""),
    groupId: config.string("PROJECTOR_GROUP_ID", "projector"),
    healthPort: config.integer("PROJECTOR_HEALTH_PORT", 0, { min: 0, max: 65_535 }),
    logLevel: config.logLevel(),
  };
}
