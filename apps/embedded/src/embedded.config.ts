import * as path from "node:path";
import { EnvConfig } from "@eventual/service-kit";
import { EMBEDDED_DEFAULTS, type EmbeddedPlatformOptions } from "./embedded-platform.options";

/** The embedded process's settings: the platform's options, and where its health endpoints listen. */
export interface EmbeddedConfig extends Required<Pick<EmbeddedPlatformOptions, "dataDir" | "port" | "host" | "partitions" | "logLevel">> {
  databaseUrl?: string;
  healthPort: number;
}

/**
 * Reads the embedded process's settings from the environment:
 *
 * | variable | default | meaning |
 * |---|---|---|
 * | EVENTUAL_DATA_DIR | `.eventual` in the working directory | Postgres' data and the process lock; reuse it to resume |
 * | EVENTUAL_PORT | 7233 | gateway gRPC port (0: any free port) |
 * | EVENTUAL_HOST | 127.0.0.1 | interface the gateway listens on (0.0.0.0: every interface) |
 * | EVENTUAL_PARTITIONS | 4 | partitions of every topic, fixed once the data directory holds them |
 * | EVENTUAL_DATABASE_URL | (none) | use this Postgres instead of starting one (DATABASE_URL is not read, so a shell set up for the distributed services does not redirect it) |
 * | EVENTUAL_HEALTH_PORT | 0 (any free port) | port of /health/live and /health/ready |
 * | LOG_LEVEL | info | debug, info, warn or error |
 *
 * The services' own tuning variables (`GATEWAY_COMMAND_TIMEOUT_MS`, `TIMERS_BATCH`, ...) apply too.
 *
 * @example
 * readEmbeddedConfig({ EVENTUAL_DATA_DIR: "/var/lib/eventual" }).port; // 7233
 */
export function readEmbeddedConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): EmbeddedConfig {
  const config = new EnvConfig(env);
  const databaseUrl = env.EVENTUAL_DATABASE_URL;
  return {
    dataDir: path.resolve(cwd, config.string("EVENTUAL_DATA_DIR", ".eventual")),
    port: config.integer("EVENTUAL_PORT", EMBEDDED_DEFAULTS.port, { min: 0, max: 65_535 }),
    host: config.string("EVENTUAL_HOST", EMBEDDED_DEFAULTS.host),
    partitions: config.integer("EVENTUAL_PARTITIONS", EMBEDDED_DEFAULTS.partitions, { min: 1, max: 1_000 }),
    healthPort: config.integer("EVENTUAL_HEALTH_PORT", 0, { min: 0, max: 65_535 }),
    logLevel: config.logLevel(),
    ...(databaseUrl ? { databaseUrl } : {}),
  };
}
