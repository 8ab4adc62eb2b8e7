import "reflect-metadata";
import { NestFactory } from "@nestjs/core";
import { JsonLogger, runServiceProcess } from "@eventual/service-kit";
import { readProjectorConfig } from "./projector.config";
import { ProjectorModule } from "./projector.module";
import { ProjectorService } from "./projector.service";

/**
 * The projector process: `KAFKA_BROKERS=... DATABASE_URL=... node -r @swc-node/register apps/projector/src/main.ts`.
 * SIGTERM/SIGINT finish the batch in flight and leave the group.
 */
const config = readProjectorConfig();
runServiceProcess(
  "projector",
  async (logger) => {
    const app = await NestFactory.createApplicationContext(ProjectorModule.forRoot(config, { logger }), { logger: ["error", "warn"] });
    await app.init();
    const service = app.get(ProjectorService);
    return { ready: () => service.ready, stop: () => app.close() };
  },
  { healthPort: config.healthPort, logger: new JsonLogger("projector", config.logLevel) },
);
