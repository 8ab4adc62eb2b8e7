import { KafkaLog } from "@eventual/log";
import { JsonLogger, startHealthServer } from "@eventual/service-kit";
import { createDataSource } from "@eventual/store";
import { readProjectorConfig } from "./projector.config";
import { ProjectorService } from "./projector.service";

/**
 * The projector process: `KAFKA_BROKERS=... DATABASE_URL=... node -r @swc-node/register apps/projector/src/main.ts`.
 * SIGTERM/SIGINT finish the batch in flight and leave the group.
 */
async function main(): Promise<void> {
  const config = readProjectorConfig();
  const logger = new JsonLogger("projector", config.logLevel);
  const log = new KafkaLog({ brokers: config.brokers, clientId: "eventual-projector", onError: (error, context) => logger.warn("log adapter recovered from an error", { ...context, error: String(error) }) });
  const dataSource = createDataSource({ url: config.databaseUrl });
  await dataSource.initialize();
  const service = new ProjectorService(config, log, dataSource, logger);
  await service.start();
  const health = await startHealthServer(config.healthPort, { live: () => true, ready: () => service.ready });
  logger.info("health endpoints", { port: health.port });
  const stop = async (signal: string) => {
    logger.info("stopping", { signal });
    await service.stop();
    await log.close();
    await dataSource.destroy();
    await health.close();
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
}

main().catch((error) => {
  process.stderr.write(JSON.stringify({ level: "error", service: "projector", message: "failed to start", error: String(error?.stack ?? error) }) + "\n");
  process.exit(1);
});
