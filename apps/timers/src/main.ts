import { KafkaLog } from "@eventual/log";
import { JsonLogger, runServiceProcess } from "@eventual/service-kit";
import { createDataSource } from "@eventual/store";
import { readTimersConfig } from "./timers.config";
import { TimersService } from "./timers.service";

/**
 * The timers process: `KAFKA_BROKERS=... DATABASE_URL=... node -r @swc-node/register apps/timers/src/main.ts`.
 * SIGTERM/SIGINT stop firing, finish the batch in flight and leave the group.
 */
const config = readTimersConfig();
runServiceProcess(
  "timers",
  async (logger) => {
    const log = new KafkaLog({ ...config.kafka, clientId: "eventual-timers", onError: (error, context) => logger.warn("log adapter recovered from an error", { ...context, error: String(error) }) });
    const dataSource = createDataSource({ url: config.databaseUrl, schema: config.databaseSchema });
    await dataSource.initialize();
    const service = new TimersService(config, log, dataSource, logger);
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
  { healthPort: config.healthPort, logger: new JsonLogger("timers", config.logLevel) },
);
