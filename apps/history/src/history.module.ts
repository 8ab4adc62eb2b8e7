import { type DynamicModule, Module } from "@nestjs/common";
import { KafkaLog, type LogPort } from "@eventual/log";
import { JsonLogger, OwnedResources } from "@eventual/service-kit";
import { type HistoryConfig } from "./history.config";
import { HistoryService } from "./history.service";
import { HISTORY_CONFIG, HISTORY_LOG, HISTORY_LOGGER, HISTORY_RESOURCES } from "./history.tokens";

/**
 * What the history module can be given instead of creating it; given ones are never closed by
 * it. History keeps no Postgres state (the log is its store), so it takes no data source.
 */
export interface HistoryModuleDependencies {
  /** Default: a KafkaLog from `config.kafka`, closed on shutdown. */
  log?: LogPort;
  /** Default: a JsonLogger named "history" at `config.logLevel`. */
  logger?: JsonLogger;
}

/**
 * The history service: providers grouped by role — configuration, the log port (Kafka unless
 * one is given), what the module owns, the logger, and the service that runs the processor.
 *
 * @example
 * const app = await NestFactory.createApplicationContext(HistoryModule.forRoot(readHistoryConfig()));
 * const embedded = HistoryModule.forRoot(config, { log: postgresLog }); // the log stays open on close
 */
@Module({})
export class HistoryModule {
  static forRoot(config: HistoryConfig, deps: HistoryModuleDependencies = {}): DynamicModule {
    const logger = deps.logger ?? new JsonLogger("history", config.logLevel);
    return {
      module: HistoryModule,
      providers: [
        { provide: HISTORY_CONFIG, useValue: config },
        { provide: HISTORY_LOGGER, useValue: logger },
        { provide: HISTORY_RESOURCES, useFactory: () => new OwnedResources() },
        {
          provide: HISTORY_LOG,
          useFactory: (owned: OwnedResources) =>
            owned.useOrCreate(
              deps.log,
              () =>
                new KafkaLog({
                  ...config.kafka,
                  clientId: "eventual-history",
                  onError: (error, context) => logger.warn("log adapter recovered from an error", { ...context, error: String(error) }),
                }),
              (log) => log.close(),
            ),
          inject: [HISTORY_RESOURCES],
        },
        HistoryService,
      ],
      exports: [HistoryService],
    };
  }
}
