import "reflect-metadata";
import { NestFactory } from "@nestjs/core";
import { JsonLogger, runServiceProcess } from "@eventual/service-kit";
import { readMatchingConfig } from "./matching.config";
import { MatchingModule } from "./matching.module";
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
    const app = await NestFactory.createApplicationContext(MatchingModule.forRoot(config, { logger }), { logger: ["error", "warn"] });
    await app.init();
    const service = app.get(MatchingService);
    logger.info("matching serving", { grpc: service.address });
    return { ready: () => service.ready, stop: () => app.close() };
  },
  { healthPort: config.healthPort, logger: new JsonLogger("matching", config.logLevel) },
);
