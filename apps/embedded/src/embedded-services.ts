import type { DynamicModule, INestApplicationContext } from "@nestjs/common";
import { NestFactory } from "@nestjs/core";
import { GatewayModule, GatewayServer } from "@eventual/gateway-service";
import { HistoryModule, HistoryService } from "@eventual/history-service";
import type { LogPort } from "@eventual/log";
import { MatchingModule, MatchingService } from "@eventual/matching-service";
import { ProjectorModule, ProjectorService } from "@eventual/projector-service";
import type { JsonLogger } from "@eventual/service-kit";
import { TimersModule, TimersService } from "@eventual/timers-service";
import type { DataSource } from "typeorm";
import type { EmbeddedServiceConfigs } from "./embedded-services.config";

export type EmbeddedServiceName = "history" | "projector" | "timers" | "matching" | "gateway";

/** What every service shares in one process; the services use it and never close it. */
export interface SharedInfrastructure {
  log: LogPort;
  /** Initialised and migrated. */
  dataSource: DataSource;
  logger(service: EmbeddedServiceName): JsonLogger;
}

/** A service did not start; the message names it and, for the gateway, what to change. */
export class EmbeddedServiceStartError extends Error {
  override readonly name = "EmbeddedServiceStartError";
  constructor(
    readonly service: EmbeddedServiceName,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${service} did not start: ${message}`, options);
  }
}

interface HostedService {
  app: INestApplicationContext;
  ready(): boolean;
}

/**
 * The five services as NestJS application contexts in this process, wired as in the distributed
 * stack: each on the shared log and data source; the gateway reaching matching over gRPC on
 * loopback (matching's fan-out contract is the same whether it is one process away or none).
 *
 * @example
 * const services = await EmbeddedServices.start(configs, { log, dataSource, logger });
 * services.address;      // "127.0.0.1:7233"
 * await services.stop(); // the gateway first, then the rest
 */
export class EmbeddedServices {
  private constructor(
    private readonly hosted: Map<EmbeddedServiceName, HostedService>,
    /** `host:port` of the gateway's gRPC API. */
    readonly address: string,
  ) {}

  /** Starts history, projector, timers and matching together, then the gateway (it needs matching's address). */
  static async start(configs: EmbeddedServiceConfigs, shared: SharedInfrastructure): Promise<EmbeddedServices> {
    const hosted = new Map<EmbeddedServiceName, HostedService>();
    const deps = (name: EmbeddedServiceName) => ({ log: shared.log, dataSource: shared.dataSource, logger: shared.logger(name) });
    try {
      const started = await Promise.allSettled([
        host(hosted, "history", HistoryModule.forRoot(configs.history, { log: shared.log, logger: shared.logger("history") }), (app) => app.get(HistoryService)),
        host(hosted, "projector", ProjectorModule.forRoot(configs.projector, deps("projector")), (app) => app.get(ProjectorService)),
        host(hosted, "timers", TimersModule.forRoot(configs.timers, deps("timers")), (app) => app.get(TimersService)),
        host(hosted, "matching", MatchingModule.forRoot(configs.matching, deps("matching")), (app) => app.get(MatchingService)),
      ]);
      const failed = started.find((result) => result.status === "rejected");
      if (failed) throw failed.reason;
      const matching = hosted.get("matching")!.app.get(MatchingService);
      const gatewayConfig = configs.gateway(matching.address);
      const hint = `it serves gRPC on ${gatewayConfig.host}:${gatewayConfig.port}; if that port is taken, choose another (option \`port\`, or EVENTUAL_PORT; 0 picks a free one)`;
      await host(hosted, "gateway", GatewayModule.forRoot(gatewayConfig, deps("gateway")), (app) => app.get(GatewayServer), hint);
      return new EmbeddedServices(hosted, hosted.get("gateway")!.app.get(GatewayServer).address);
    } catch (error) {
      await stopHosted(hosted).catch(() => undefined);
      throw error;
    }
  }

  /** True while every service reports ready. */
  ready(): boolean {
    return this.hosted.size === 5 && [...this.hosted.values()].every((service) => service.ready());
  }

  /**
   * The gateway first — it stops taking calls and drains the ones in flight while the services
   * behind it still work — then the others at once, each finishing its batch in flight.
   */
  stop(): Promise<void> {
    return stopHosted(this.hosted);
  }
}

async function host(
  hosted: Map<EmbeddedServiceName, HostedService>,
  name: EmbeddedServiceName,
  module: DynamicModule,
  service: (app: INestApplicationContext) => { ready: boolean },
  hint?: string,
): Promise<void> {
  let app: INestApplicationContext;
  try {
    // abortOnError false: a failing provider must reject, not process.abort() the whole platform.
    app = await NestFactory.createApplicationContext(module, { logger: ["error", "warn"], abortOnError: false });
  } catch (error) {
    throw new EmbeddedServiceStartError(name, `${String((error as Error)?.message ?? error)}${hint ? `; ${hint}` : ""}`, { cause: error });
  }
  const instance = service(app);
  hosted.set(name, { app, ready: () => instance.ready });
}

async function stopHosted(hosted: Map<EmbeddedServiceName, HostedService>): Promise<void> {
  const close = async (name: EmbeddedServiceName) => {
    const service = hosted.get(name);
    hosted.delete(name);
    await service?.app.close();
  };
  const gateway = await Promise.allSettled([close("gateway")]);
  const rest = await Promise.allSettled((["history", "projector", "timers", "matching"] as const).map(close));
  const failed = [...gateway, ...rest].find((result) => result.status === "rejected");
  if (failed) throw failed.reason;
}
