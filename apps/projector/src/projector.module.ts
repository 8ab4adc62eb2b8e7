import { type DynamicModule, Module } from "@nestjs/common";
import { KafkaLog, type LogPort } from "@eventual/log";
import { JsonLogger, OwnedResources, ServiceLifecycle } from "@eventual/service-kit";
import { createDataSource } from "@eventual/store";
import type { DataSource } from "typeorm";
import type { ProjectorConfig } from "./projector.config";
import { ProjectorService } from "./projector.service";
import { PROJECTOR_DATA_SOURCE, PROJECTOR_LOG, PROJECTOR_RESOURCES } from "./projector.tokens";

/** What the projector module can be given instead of creating it; given ones are never closed by it. */
export interface ProjectorModuleDependencies {
  /** Default: a KafkaLog from `config.kafka`, closed on shutdown. */
  log?: LogPort;
  /** An initialised data source for the read models. Default: one from `config.databaseUrl`, closed on shutdown. */
  dataSource?: DataSource;
  /** Default: a JsonLogger named "projector" at `config.logLevel`. */
  logger?: JsonLogger;
}

/**
 * The projector: providers grouped by role — infrastructure (the log port, the data source,
 * what of them the module owns), the service, and its lifecycle (started on bootstrap,
 * stopped on close).
 *
 * @example
 * const app = await NestFactory.createApplicationContext(ProjectorModule.forRoot(readProjectorConfig()));
 * app.get(ProjectorService).ready; // true
 * await app.close();
 */
@Module({})
export class ProjectorModule {
  static forRoot(config: ProjectorConfig, deps: ProjectorModuleDependencies = {}): DynamicModule {
    const logger = deps.logger ?? new JsonLogger("projector", config.logLevel);
    return {
      module: ProjectorModule,
      providers: [
        // infrastructure
        { provide: PROJECTOR_RESOURCES, useFactory: () => new OwnedResources() },
        {
          provide: PROJECTOR_LOG,
          useFactory: (owned: OwnedResources) =>
            owned.useOrCreate(
              deps.log,
              () => new KafkaLog({ ...config.kafka, clientId: "eventual-projector", onError: (error, context) => logger.warn("log adapter recovered from an error", { ...context, error: String(error) }) }),
              (log) => log.close(),
            ),
          inject: [PROJECTOR_RESOURCES],
        },
        {
          provide: PROJECTOR_DATA_SOURCE,
          useFactory: (owned: OwnedResources) =>
            owned.useOrCreateAsync(
              deps.dataSource,
              () => createDataSource({ url: config.databaseUrl, schema: config.databaseSchema }).initialize(),
              (dataSource) => dataSource.destroy(),
            ),
          inject: [PROJECTOR_RESOURCES],
        },
        // the service and its life
        {
          provide: ProjectorService,
          useFactory: (log: LogPort, dataSource: DataSource) => new ProjectorService(config, log, dataSource, logger),
          inject: [PROJECTOR_LOG, PROJECTOR_DATA_SOURCE],
        },
        {
          provide: ServiceLifecycle,
          useFactory: (service: ProjectorService, owned: OwnedResources) => new ServiceLifecycle(service, owned),
          inject: [ProjectorService, PROJECTOR_RESOURCES],
        },
      ],
      exports: [ProjectorService, ServiceLifecycle],
    };
  }
}
