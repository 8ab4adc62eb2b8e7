import "reflect-metadata";
import { NestFactory } from "@nestjs/core";
import { JsonLogger, runServiceProcess } from "@eventual/service-kit";
import { readGatewayConfig } from "./gateway.config";
import { GatewayModule } from "./gateway.module";
import { GatewayServer } from "./grpc/gateway.server";

/**
 * The gateway process:
 * `KAFKA_BROKERS=127.0.0.1:9092 DATABASE_URL=postgres://... node -r @swc-node/register apps/gateway/src/main.ts`.
 * SIGTERM/SIGINT stop accepting calls, let the ones in flight finish, then close (graceful shutdown).
 */
const config = readGatewayConfig();
runServiceProcess(
  "gateway",
  async (logger) => {
    const app = await NestFactory.createApplicationContext(GatewayModule.forRoot(config, { logger }), { logger: ["error", "warn"] });
    await app.init();
    const server = app.get(GatewayServer);
    return { ready: () => server.ready, stop: () => app.close() };
  },
  { healthPort: config.healthPort, logger: new JsonLogger("gateway", config.logLevel) },
);
