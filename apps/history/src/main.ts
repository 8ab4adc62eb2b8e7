import "reflect-metadata";
import { NestFactory } from "@nestjs/core";
import { startHealthServer } from "@eventual/service-kit";
import { readHistoryConfig } from "./history.config";
import { HistoryModule } from "./history.module";
import { HistoryService } from "./history.service";

/**
 * The history service process: `KAFKA_BROKERS=127.0.0.1:9092 node -r @swc-node/register apps/history/src/main.ts`.
 * SIGTERM/SIGINT finish the batch in flight and leave the group (graceful shutdown).
 */
async function main(): Promise<void> {
  const config = readHistoryConfig();
  const app = await NestFactory.createApplicationContext(HistoryModule.forRoot(config), { logger: ["error", "warn"] });
  app.enableShutdownHooks();
  const service = app.get(HistoryService);
  const health = await startHealthServer(config.healthPort, { live: () => true, ready: () => service.ready });
  process.stderr.write(JSON.stringify({ level: "info", service: "history", message: "health endpoints", port: health.port }) + "\n");
  process.once("beforeExit", () => void health.close());
}

main().catch((error) => {
  process.stderr.write(JSON.stringify({ level: "error", service: "history", message: "failed to start", error: String(error?.stack ?? error) }) + "\n");
  process.exit(1);
});
