import "reflect-metadata";
import { NestFactory } from "@nestjs/core";
import { JsonLogger, runServiceProcess } from "@eventual/service-kit";
import { readTimersConfig } from "./timers.config";
import { TimersModule } from "./timers.module";
import { TimersService } from "./timers.service";

/**
 * The timers process: `KAFKA_BROKERS=... DATABASE_URL=... node -r @swc-node/register apps/timers/src/main.ts`.
 * SIGTERM/SIGINT stop firing, finish the batch in flight and leave the group.
 */
const config = readTimersConfig();
runServiceProcess(
  "timers",
  async (logger) => {
    const app = await NestFactory.createApplicationContext(TimersModule.forRoot(config, { logger }), { logger: ["error", "warn"] });
    await app.init();
    const service = app.get(TimersService);
    return { ready: () => service.ready, stop: () => app.close() };
  },
  { healthPort: config.healthPort, logger: new JsonLogger("timers", config.logLevel) },
);
