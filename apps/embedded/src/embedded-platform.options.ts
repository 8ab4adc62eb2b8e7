import * as path from "node:path";

/** How to start the embedded platform. Only `dataDir` is required. */
export interface EmbeddedPlatformOptions {
  /** Where everything lives: Postgres' cluster in `<dataDir>/postgres`, the process lock. Created if missing. */
  dataDir: string;
  /** Gateway gRPC port: default 7233; 0 picks a free one (read it from `address`). */
  port?: number;
  /** Interface the gateway listens on: default 127.0.0.1 (this machine only); 0.0.0.0 for every interface. */
  host?: string;
  /** Partitions of every topic: default 4. Fixed once the data directory holds the topics. */
  partitions?: number;
  /** Use this Postgres (`postgres://user:pw@host:port/db`) instead of starting one in `<dataDir>/postgres`. */
  databaseUrl?: string;
  /** Each structured log line of every service; default: written to stderr as JSON. */
  onLog?: (line: Record<string, unknown>) => void;
  /** debug, info, warn or error; default `LOG_LEVEL` of `env`, else info. */
  logLevel?: "debug" | "info" | "warn" | "error";
  /**
   * Where the services read their tuning variables (`GATEWAY_COMMAND_TIMEOUT_MS`,
   * `TIMERS_BATCH`, ...; see each service's config): default `process.env`. Connection settings
   * (brokers, database, ports, partitions) are the platform's and override it.
   */
  env?: NodeJS.ProcessEnv;
}

/** An option is unusable; the message names it and what it takes. */
export class EmbeddedOptionsError extends Error {
  override readonly name = "EmbeddedOptionsError";
}

export interface ResolvedEmbeddedOptions {
  dataDir: string;
  port: number;
  host: string;
  partitions: number;
  databaseUrl?: string;
  onLog?: (line: Record<string, unknown>) => void;
  logLevel?: "debug" | "info" | "warn" | "error";
  env: NodeJS.ProcessEnv;
}

export const EMBEDDED_DEFAULTS = { port: 7233, host: "127.0.0.1", partitions: 4 } as const;

/**
 * Fills in defaults and refuses unusable values before anything starts.
 *
 * @example
 * resolveEmbeddedOptions({ dataDir: ".eventual" }); // { dataDir: "/abs/.eventual", port: 7233, host: "127.0.0.1", partitions: 4, env: process.env }
 */
export function resolveEmbeddedOptions(options: EmbeddedPlatformOptions): ResolvedEmbeddedOptions {
  if (typeof options?.dataDir !== "string" || options.dataDir.trim() === "") {
    throw new EmbeddedOptionsError('dataDir is required: the directory holding the platform\'s Postgres data, e.g. startEmbeddedPlatform({ dataDir: ".eventual" })');
  }
  const port = options.port ?? EMBEDDED_DEFAULTS.port;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new EmbeddedOptionsError(`port must be a whole number from 0 (any free port) to 65535, got ${port}`);
  const partitions = options.partitions ?? EMBEDDED_DEFAULTS.partitions;
  if (!Number.isInteger(partitions) || partitions < 1 || partitions > 1_000) throw new EmbeddedOptionsError(`partitions must be a whole number from 1 to 1000, got ${partitions}`);
  if (options.databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(options.databaseUrl)) {
    throw new EmbeddedOptionsError(`databaseUrl must be a postgres:// URL, e.g. postgres://user:password@127.0.0.1:5432/eventual; leave it out to start Postgres in ${path.join(options.dataDir, "postgres")}`);
  }
  return {
    dataDir: path.resolve(options.dataDir),
    port,
    host: options.host ?? EMBEDDED_DEFAULTS.host,
    partitions,
    env: options.env ?? process.env,
    ...(options.databaseUrl !== undefined ? { databaseUrl: options.databaseUrl } : {}),
    ...(options.onLog ? { onLog: options.onLog } : {}),
    ...(options.logLevel ? { logLevel: options.logLevel } : {}),
  };
}
