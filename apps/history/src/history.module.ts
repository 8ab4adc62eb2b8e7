import { type DynamicModule, Module } from "@nestjs/common";
import { KafkaLog } from "@eventual/log";
import { JsonLogger } from "@eventual/service-kit";
import { type HistoryConfig } from "./history.config";
import { HistoryService } from "./history.service";
import { HISTORY_CONFIG, HISTORY_LOG, HISTORY_LOGGER } from "./history.tokens";

/**
 * The history service: providers grouped by role — configuration, the log port (Kafka), the
 * logger, and the service that runs the processor.
 *
 * @example
 * const app = await NestFactory.createApplicationContext(HistoryModule.forRoot(readHistoryConfig()));
 */
@Module({})
export class HistoryModule {
  static forRoot(config: HistoryConfig): DynamicModule {
    const logger = new JsonLogger("history", config.logLevel);
    return {
      module: HistoryModule,
      providers: [
        { provide: HISTORY_CONFIG, useValue: config },
        { provide: HISTORY_LOGGER, useValue: logger },
        {
          provide: HISTORY_LOG,
          useFactory: () =>
            new KafkaLog({
              ...config.kafka,
              clientId: "eventual-history",
              onError: (error, context) => logger.warn("log adapter recovered from an error", { ...context, error: String(error) }),
            }),
        },
        HistoryService,
      ],
      exports: [HistoryService],
    };
  }
}
