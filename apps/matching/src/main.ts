import { KafkaLog } from "@eventual/log";
import { JsonLogger, runServiceProcess } from "@eventual/service-kit";
import { createDataSource } from "@eventual/store";
import { readMatchingConfig } from "./matching.config";
import { MatchingService } from "./matching.service";

/**
 * The matching process: `KAFKA_BROKERS=... DATABASE_URL=... node -r @swc-node/register apps/matching/src/main.ts`.
 * SIGTERM/SIGINT answer open polls empty, give hand-outs a grace period to be acked, save the
 * offsets and leave the group.
 */
const config = readMatchingConfig();
runServiceProcess(
  "matching",
  async (logger) => {
    const log = new KafkaLog({ ...config.kafka, clientId: "eventual-matching", onError: (error, context) => logger.warn("log adapter recovered from an error", { ...context, error: String(error) }) });
    // Small pool: offsets are the only rows matching writes.
    const dataSource = createDataSource({ url: config.databaseUrl, schema: config.databaseSchema, poolSize: 4 });
    await dataSource.initialize();
    const service = new MatchingService(config, log, dataSource, logger);
    await service.start();
    logger.info("matching serving", { grpc: service.address });
    return {
      ready: () => service.ready,
      stop: async () => {
        await service.stop();
        await log.close();
        await dataSource.destroy();
      },
    };
  },
  { healthPort: config.healthPort, logger: new JsonLogger("matching", config.logLevel) },
);
