import { type DynamicModule, Module } from "@nestjs/common";
import { KafkaLog, type LogPort } from "@eventual/log";
import { JsonLogger, OwnedResources, ServiceLifecycle } from "@eventual/service-kit";
import { createDataSource } from "@eventual/store";
import type { DataSource } from "typeorm";
import type { TimersConfig } from "./timers.config";
import { TimersService } from "./timers.service";
import { TIMERS_DATA_SOURCE, TIMERS_LOG, TIMERS_RESOURCES } from "./timers.tokens";

/** What the timers module can be given instead of creating it; given ones are never closed by it. */
export interface TimersModuleDependencies {
  /** Default: a KafkaLog from `config.kafka`, closed on shutdown. */
  log?: LogPort;
  /** An initialised data source holding the timers table. Default: one from `config.databaseUrl`, closed on shutdown. */
  dataSource?: DataSource;
  /** Default: a JsonLogger named "timers" at `config.logLevel`. */
  logger?: JsonLogger;
}

/**
 * The timers service: providers grouped by role — infrastructure (the log port, the data
 * source, what of them the module owns), the service, and its lifecycle (started on
 * bootstrap, stopped on close).
 *
 * @example
 * const app = await NestFactory.createApplicationContext(TimersModule.forRoot(readTimersConfig()));
 * app.get(TimersService).ready; // true
 * await app.close();            // stops firing, leaves the group, closes what it created
 */
@Module({})
export class TimersModule {
  static forRoot(config: TimersConfig, deps: TimersModuleDependencies = {}): DynamicModule {
    const logger = deps.logger ?? new JsonLogger("timers", config.logLevel);
    return {
      module: TimersModule,
      providers: [
        // infrastructure
        { provide: TIMERS_RESOURCES, useFactory: () => new OwnedResources() },
        {
          provide: TIMERS_LOG,
          useFactory: (owned: OwnedResources) =>
            owned.useOrCreate(
              deps.log,
              () => new KafkaLog({ ...config.kafka, clientId: "eventual-timers", onError: (error, context) => logger.warn("log adapter recovered from an error", { ...context, error: String(error) }) }),
              (log) => log.close(),
            ),
          inject: [TIMERS_RESOURCES],
        },
        {
          provide: TIMERS_DATA_SOURCE,
          useFactory: (owned: OwnedResources) =>
            owned.useOrCreateAsync(
              deps.dataSource,
              () => createDataSource({ url: config.databaseUrl, schema: config.databaseSchema }).initialize(),
              (dataSource) => dataSource.destroy(),
            ),
          inject: [TIMERS_RESOURCES],
        },
        // the service and its life
        {
          provide: TimersService,
          useFactory: (log: LogPort, dataSource: DataSource) => new TimersService(config, log, dataSource, logger),
          inject: [TIMERS_LOG, TIMERS_DATA_SOURCE],
        },
        { provide: ServiceLifecycle, useFactory: (service: TimersService, owned: OwnedResources) => new ServiceLifecycle(service, owned), inject: [TimersService, TIMERS_RESOURCES] },
      ],
      exports: [TimersService, ServiceLifecycle],
    };
  }
}
