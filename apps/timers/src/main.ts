import { KafkaLog } from "@eventual/log";
import { JsonLogger, startHealthServer } from "@eventual/service-kit";
import { createDataSource } from "@eventual/store";
import { readTimersConfig } from "./timers.config";
import { TimersService } from "./timers.service";

/**
 * The timers process: `KAFKA_BROKERS=... DATABASE_URL=... node -r @swc-node/register apps/timers/src/main.ts`.
 * SIGTERM/SIGINT stop firing, finish the batch in flight and leave the group.
 */
async function main(): Promise<void> {
  const config = readTimersConfig();
  const logger = new JsonLogger("timers", config.logLevel);
  const log = new KafkaLog({ brokers: config.brokers, clientId: "eventual-timers", onError: (error, context) => logger.warn("log adapter recovered from an error", { ...context, error: String(error) }) });
  const dataSource = createDataSource({ url: config.databaseUrl });
  await dataSource.initialize();
  const service = new TimersService(config, log, dataSource, logger);
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
  process.stderr.write(JSON.stringify({ level: "error", service: "timers", message: "failed to start", error: String(error?.stack ?? error) }) + "\n");
  process.exit(1);
});
