import { type GatewayConfig, readGatewayConfig } from "@eventual/gateway-service";
import { type HistoryConfig, readHistoryConfig } from "@eventual/history-service";
import { type MatchingConfig, readMatchingConfig } from "@eventual/matching-service";
import { type ProjectorConfig, readProjectorConfig } from "@eventual/projector-service";
import { type TimersConfig, readTimersConfig } from "@eventual/timers-service";

export interface EmbeddedServiceSettings {
  /** Tuning variables of the services (timeouts, batch sizes, schema, topic prefix, ...). */
  env: NodeJS.ProcessEnv;
  databaseUrl: string;
  partitions: number;
  /** The gateway's interface and port. */
  host: string;
  port: number;
  logLevel?: "debug" | "info" | "warn" | "error";
}

/** Each service's configuration; the gateway's once matching's address is known. */
export interface EmbeddedServiceConfigs {
  history: HistoryConfig;
  projector: ProjectorConfig;
  timers: TimersConfig;
  matching: MatchingConfig;
  gateway(matchingAddress: string): GatewayConfig;
}

/**
 * The five services' configurations for one process, read by each service's own reader — so
 * defaults stay in one place and the same tuning variables work in both runtimes — from the
 * given environment with the platform's connection settings laid over it.
 *
 * @example
 * const configs = embeddedServiceConfigs({ env: process.env, databaseUrl, partitions: 4, host: "127.0.0.1", port: 7233 });
 * configs.gateway("127.0.0.1:40211").matchingAddresses; // ["127.0.0.1:40211"]
 */
export function embeddedServiceConfigs(settings: EmbeddedServiceSettings): EmbeddedServiceConfigs {
  const env: NodeJS.ProcessEnv = {
    ...settings.env,
    // Read by every service's config but never used: the services get the PostgresLog injected.
    KAFKA_BROKERS: "unused-in-the-embedded-runtime:9092",
    DATABASE_URL: settings.databaseUrl,
    EVENTUAL_PARTITIONS: String(settings.partitions),
    ...(settings.logLevel ? { LOG_LEVEL: settings.logLevel } : {}),
  };
  return {
    history: readHistoryConfig(env),
    projector: readProjectorConfig(env),
    timers: readTimersConfig(env),
    // Reached by the gateway in this process only: loopback, any free port.
    matching: readMatchingConfig({ ...env, MATCHING_HOST: "127.0.0.1", MATCHING_PORT: "0" }),
    gateway: (matchingAddress) => readGatewayConfig({ ...env, GATEWAY_HOST: settings.host, GATEWAY_PORT: String(settings.port), MATCHING_ADDRESSES: matchingAddress }),
  };
}
