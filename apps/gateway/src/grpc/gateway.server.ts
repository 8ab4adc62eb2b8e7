import * as grpc from "@grpc/grpc-js";
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from "@nestjs/common";
import { topicNames } from "@eventual/core";
import type { LogPort } from "@eventual/log";
import { type HealthImplementation, WORKFLOW_SERVICE_NAME, addHealthService, addReflectionService, loadEventualProto } from "@eventual/proto";
import type { JsonLogger, OwnedResources } from "@eventual/service-kit";
import type { ReplyRouter } from "../commands/reply.router";
import type { GatewayConfig } from "../gateway.config";
import { GATEWAY_CONFIG, GATEWAY_LOG, GATEWAY_LOGGER, GATEWAY_RESOURCES } from "../gateway.tokens";
import type { MatchingPool } from "../matching/matching-pool.client";
import type { WorkerController } from "./worker.controller";
import { WorkflowController } from "./workflow.controller";

/**
 * The gateway's gRPC server and its life: on bootstrap it creates the workflow topics if
 * needed, finds its replies partition, and serves WorkflowService with the standard health and
 * reflection services, and WorkerService for the workers.
 *
 * Shutdown drains: health goes NOT_SERVING, the server stops accepting calls and lets the ones
 * in flight finish (long GetWorkflowResult waits give up with UNAVAILABLE), cutting off after
 * GATEWAY_SHUTDOWN_TIMEOUT_MS; then the reply router and the pool close, and the log and the
 * data source if the module created them.
 *
 * @example
 * const app = await NestFactory.createApplicationContext(GatewayModule.forRoot(config));
 * const { port } = app.get(GatewayServer);
 */
@Injectable()
export class GatewayServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private server?: grpc.Server;
  private health?: HealthImplementation;
  private stopping = false;
  ready = false;
  port = 0;

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(GATEWAY_LOG) private readonly log: LogPort,
    @Inject(GATEWAY_LOGGER) private readonly logger: JsonLogger,
    /** The log and data source if the module created them (injected ones belong to their owner). */
    @Inject(GATEWAY_RESOURCES) private readonly owned: OwnedResources,
    private readonly router: ReplyRouter,
    private readonly controller: WorkflowController,
    private readonly workers: WorkerController,
    private readonly matching: MatchingPool,
  ) {}

  /** True while draining; the controller ends long waits when it turns true. */
  get isStopping(): boolean {
    return this.stopping;
  }

  /** `host:port` a client on this machine can dial. */
  get address(): string {
    const host = this.config.host === "0.0.0.0" || this.config.host === "::" ? "127.0.0.1" : this.config.host;
    return `${host}:${this.port}`;
  }

  async onApplicationBootstrap(): Promise<void> {
    const topics = topicNames(this.config.topicPrefix);
    await this.log.ensureTopics(Object.values(topics).map((topic) => ({ topic, partitions: this.config.partitions })));
    await this.router.start();
    const server = new grpc.Server({ "grpc.max_receive_message_length": this.config.maxMessageBytes });
    server.addService(loadEventualProto().eventual.api.v1.WorkflowService.service, this.controller.handlers());
    server.addService(loadEventualProto().eventual.api.v1.WorkerService.service, this.workers.handlers());
    this.health = addHealthService(server, { "": "SERVING", [WORKFLOW_SERVICE_NAME]: "SERVING" });
    addReflectionService(server);
    this.port = await new Promise<number>((resolve, reject) =>
      server.bindAsync(`${this.config.host}:${this.config.port}`, grpc.ServerCredentials.createInsecure(), (error, port) => (error ? reject(error) : resolve(port))),
    );
    this.server = server;
    this.ready = true;
    this.logger.info("gateway serving", { address: `${this.config.host}:${this.port}`, gatewayId: this.config.gatewayId, topicPrefix: this.config.topicPrefix });
  }

  async onApplicationShutdown(signal?: string): Promise<void> {
    this.ready = false;
    this.stopping = true;
    this.logger.info("gateway draining", { signal, activeCalls: this.controller.activeCalls });
    this.health?.setStatus("", "NOT_SERVING");
    this.health?.setStatus(WORKFLOW_SERVICE_NAME, "NOT_SERVING");
    if (this.server) await this.drain(this.server);
    await this.router.stop();
    this.matching.close();
    await this.owned.closeAll();
    this.logger.info("gateway stopped");
  }

  private async drain(server: grpc.Server): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const drained = new Promise<boolean>((resolve) => server.tryShutdown(() => resolve(true)));
    const cutOff = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), this.config.shutdownTimeoutMs)));
    const graceful = await Promise.race([drained, cutOff]);
    clearTimeout(timer);
    if (!graceful) {
      this.logger.warn("calls still running at the shutdown timeout; cutting them off", { activeCalls: this.controller.activeCalls });
      server.forceShutdown();
    }
  }
}
