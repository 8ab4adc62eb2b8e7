import { type DynamicModule, Module } from "@nestjs/common";
import { KafkaLog, type LogPort } from "@eventual/log";
import { JsonLogger, OwnedResources, ServiceLifecycle } from "@eventual/service-kit";
import { createDataSource } from "@eventual/store";
import type { DataSource } from "typeorm";
import type { MatchingConfig } from "./matching.config";
import { MatchingService } from "./matching.service";
import { MATCHING_DATA_SOURCE, MATCHING_LOG, MATCHING_RESOURCES } from "./matching.tokens";

/** What the matching module can be given instead of creating it; given ones are never closed by it. */
export interface MatchingModuleDependencies {
  /** Default: a KafkaLog from `config.kafka`, closed on shutdown. */
  log?: LogPort;
  /** An initialised data source holding the consumer offsets. Default: a small pool on `config.databaseUrl`, closed on shutdown. */
  dataSource?: DataSource;
  /** Default: a JsonLogger named "matching" at `config.logLevel`. */
  logger?: JsonLogger;
}

/**
 * The matching service: providers grouped by role — infrastructure (the log port, the data
 * source, what of them the module owns), the service (task queues and the internal gRPC API),
 * and its lifecycle (started on bootstrap, stopped on close).
 *
 * @example
 * const app = await NestFactory.createApplicationContext(MatchingModule.forRoot(readMatchingConfig()));
 * app.get(MatchingService).address; // "127.0.0.1:7234"
 * await app.close();                // open polls answer empty, offsets saved, group left
 */
@Module({})
export class MatchingModule {
  static forRoot(config: MatchingConfig, deps: MatchingModuleDependencies = {}): DynamicModule {
    const logger = deps.logger ?? new JsonLogger("matching", config.logLevel);
    return {
      module: MatchingModule,
      providers: [
        // infrastructure
        { provide: MATCHING_RESOURCES, useFactory: () => new OwnedResources() },
        {
          provide: MATCHING_LOG,
          useFactory: (owned: OwnedResources) =>
            owned.useOrCreate(
              deps.log,
              () => new KafkaLog({ ...config.kafka, clientId: "eventual-matching", onError: (error, context) => logger.warn("log adapter recovered from an error", { ...context, error: String(error) }) }),
              (log) => log.close(),
            ),
          inject: [MATCHING_RESOURCES],
        },
        {
          provide: MATCHING_DATA_SOURCE,
          useFactory: (owned: OwnedResources) =>
            owned.useOrCreateAsync(
              deps.dataSource,
              // Small pool: offsets are the only rows matching writes.
              () => createDataSource({ url: config.databaseUrl, schema: config.databaseSchema, poolSize: 4 }).initialize(),
              (dataSource) => dataSource.destroy(),
            ),
          inject: [MATCHING_RESOURCES],
        },
        // the service and its life
        {
          provide: MatchingService,
          useFactory: (log: LogPort, dataSource: DataSource) => new MatchingService(config, log, dataSource, logger),
          inject: [MATCHING_LOG, MATCHING_DATA_SOURCE],
        },
        {
          provide: ServiceLifecycle,
          useFactory: (service: MatchingService, owned: OwnedResources) => new ServiceLifecycle(service, owned),
          inject: [MatchingService, MATCHING_RESOURCES],
        },
      ],
      exports: [MatchingService, ServiceLifecycle],
    };
  }
}
