import { hostname } from "node:os";
import { type DatabaseSettings, EnvConfig, type ServiceSettings } from "@eventual/service-kit";

/**
 * The gateway's settings, from the environment:
 *
 * | variable | default | meaning |
 * |---|---|---|
 * | KAFKA_BROKERS | (required) | comma-separated `host:port` list |
 * | KAFKA_SESSION_TIMEOUT_MS | 30000 | failover time of the replies consumer's partitions |
 * | DATABASE_SCHEMA | public | Postgres schema of the read models |
 * | DATABASE_URL | (required) | Postgres holding the read models (written by the projector) |
 * | EVENTUAL_TOPIC_PREFIX | (none) | prefix of every topic name, to share a cluster |
 * | EVENTUAL_PARTITIONS | 8 | partitions of each workflow topic (created if missing) |
 * | GATEWAY_HOST | 0.0.0.0 | interface the gRPC server listens on (127.0.0.1 for local only) |
 * | GATEWAY_PORT | 7233 | gRPC port (0 picks a free one) |
 * | GATEWAY_HEALTH_PORT | 0 (any free port) | port of /health/live and /health/ready |
 * | GATEWAY_ID | `hostname:pid` | this instance's id; history.replies records for it are keyed by it, so it must be unique among running gateways |
 * | GATEWAY_COMMAND_TIMEOUT_MS | 10000 | how long a command waits for history's reply when the call has no deadline |
 * | GATEWAY_READ_RECHECK_MS | 1000 | longest wait between looks at the read model when no change notification arrives (GetWorkflowResult, workflow-task hand-outs) |
 * | GATEWAY_MAX_MESSAGE_BYTES | 16777216 | largest request gRPC accepts; above the payload limit (2 MB) so an oversized payload gets INVALID_ARGUMENT naming its field rather than a bare RESOURCE_EXHAUSTED |
 * | GATEWAY_SHUTDOWN_TIMEOUT_MS | 15000 | how long shutdown waits for in-flight calls before cutting them off |
 * | MATCHING_ADDRESSES | 127.0.0.1:7234 | every matching instance (`host:port`, comma-separated): worker polls go to all |
 * | GATEWAY_POLL_TIMEOUT_MS | 60000 | longest worker long poll when the call sets no deadline |
 * | GATEWAY_TASK_START_WAIT_MS | 10000 | how long a workflow task may take to show its start in the read model |
 * | LOG_LEVEL | info | debug, info, warn or error |
 */
export interface GatewayConfig extends ServiceSettings, DatabaseSettings {
  partitions: number;
  host: string;
  port: number;
  gatewayId: string;
  commandTimeoutMs: number;
  readRecheckMs: number;
  maxMessageBytes: number;
  shutdownTimeoutMs: number;
  matchingAddresses: string[];
  pollTimeoutMs: number;
  startWaitMs: number;
}


/**
 * Reads the configuration, failing at start-up with a message naming the variable.
 *
 * @example
 * const config = readGatewayConfig({ KAFKA_BROKERS: "127.0.0.1:9092", DATABASE_URL: "postgres://..." });
 * config.port; // 7233
 */
export function readGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const config = new EnvConfig(env);
  return {
    ...config.service("GATEWAY"),
    ...config.database(),
    partitions: config.integer("EVENTUAL_PARTITIONS", 8, { min: 1, max: 1_000 }),
    host: config.string("GATEWAY_HOST", "0.0.0.0"),
    port: config.integer("GATEWAY_PORT", 7233, { min: 0, max: 65_535 }),
    gatewayId: config.string("GATEWAY_ID", `${hostname()}:${process.pid}`),
    commandTimeoutMs: config.integer("GATEWAY_COMMAND_TIMEOUT_MS", 10_000, { min: 1 }),
    readRecheckMs: config.integer("GATEWAY_READ_RECHECK_MS", 1_000, { min: 10, max: 60_000 }),
    maxMessageBytes: config.integer("GATEWAY_MAX_MESSAGE_BYTES", 16 * 1024 * 1024, { min: 4 * 1024 * 1024, max: 256 * 1024 * 1024 }),
    shutdownTimeoutMs: config.integer("GATEWAY_SHUTDOWN_TIMEOUT_MS", 15_000, { min: 0 }),
    matchingAddresses: config.list("MATCHING_ADDRESSES", ["127.0.0.1:7234"]),
    pollTimeoutMs: config.integer("GATEWAY_POLL_TIMEOUT_MS", 60_000, { min: 100 }),
    startWaitMs: config.integer("GATEWAY_TASK_START_WAIT_MS", 10_000, { min: 100 }),
  };
}
