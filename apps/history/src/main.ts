import "reflect-metadata";
import { NestFactory } from "@nestjs/core";
import { JsonLogger, runServiceProcess } from "@eventual/service-kit";
import { readHistoryConfig } from "./history.config";
import { HistoryModule } from "./history.module";
import { HistoryService } from "./history.service";

/**
 * The history service process: `KAFKA_BROKERS=127.0.0.1:9092 node -r @swc-node/register apps/history/src/main.ts`.
 * SIGTERM/SIGINT finish the batch in flight and leave the group (graceful shutdown).
 */
const config = readHistoryConfig();
runServiceProcess(
  "history",
  async (logger) => {
    const app = await NestFactory.createApplicationContext(HistoryModule.forRoot(config, { logger }), { logger: ["error", "warn"] });
    await app.init();
    const service = app.get(HistoryService);
    return { ready: () => service.ready, stop: () => app.close() };
  },
  { healthPort: config.healthPort, logger: new JsonLogger("history", config.logLevel) },
);
