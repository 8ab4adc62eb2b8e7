import { KafkaLog } from "@eventual/log";
import { JsonLogger, runServiceProcess } from "@eventual/service-kit";
import { createDataSource } from "@eventual/store";
import { readProjectorConfig } from "./projector.config";
import { ProjectorService } from "./projector.service";

/**
 * The projector process: `KAFKA_BROKERS=... DATABASE_URL=... node -r @swc-node/register apps/projector/src/main.ts`.
 * SIGTERM/SIGINT finish the batch in flight and leave the group.
 */
const config = readProjectorConfig();
runServiceProcess(
  "projector",
  async (logger) => {
    const log = new KafkaLog({ ...config.kafka, clientId: "eventual-projector", onError: (error, context) => logger.warn("log adapter recovered from an error", { ...context, error: String(error) }) });
    const dataSource = createDataSource({ url: config.databaseUrl, schema: config.databaseSchema });
    await dataSource.initialize();
    const service = new ProjectorService(config, log, dataSource, logger);
    await service.start();
    return {
      ready: () => service.ready,
      stop: async () => {
        await service.stop();
        await log.close();
        await dataSource.destroy();
      },
    };
  },
  { healthPort: config.healthPort, logger: new JsonLogger("projector", config.logLevel) },
);
