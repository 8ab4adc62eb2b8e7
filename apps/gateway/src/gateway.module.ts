import { type DynamicModule, Module } from "@nestjs/common";
import { topicNames } from "@eventual/core";
import { KafkaLog, type LogPort } from "@eventual/log";
import { JsonLogger, OwnedResources } from "@eventual/service-kit";
import { ProjectionWatcher, WorkflowQueries, createDataSource, runMigrations } from "@eventual/store";
import type { DataSource } from "typeorm";
import { CommandSender } from "./commands/command.sender";
import { ReplyRouter } from "./commands/reply.router";
import { WorkflowCommandsService } from "./commands/workflow-commands.service";
import type { GatewayConfig } from "./gateway.config";
import { GATEWAY_CONFIG, GATEWAY_DATA_SOURCE, GATEWAY_LOG, GATEWAY_LOGGER, GATEWAY_QUERIES, GATEWAY_RESOURCES } from "./gateway.tokens";
import { GatewayServer } from "./grpc/gateway.server";
import { WorkerController } from "./grpc/worker.controller";
import { WorkflowController } from "./grpc/workflow.controller";
import { MatchingPool } from "./matching/matching-pool.client";
import { WorkflowReadsService } from "./queries/workflow-reads.service";

/** What the gateway module can be given instead of creating it; given ones are never closed by it. */
export interface GatewayModuleDependencies {
  /** Default: a KafkaLog from `config.kafka`, closed on shutdown. */
  log?: LogPort;
  /**
   * An initialised data source for the read models (the gateway still runs the idempotent
   * migrations on it). Default: one from `config.databaseUrl`, closed on shutdown.
   */
  dataSource?: DataSource;
  /** Default: a JsonLogger named "gateway" at `config.logLevel`. */
  logger?: JsonLogger;
}

/**
 * The gateway: providers grouped by role — configuration and logger; infrastructure (the log
 * port on Kafka, the Postgres pool and its queries); the write side (reply router, command
 * sender, commands service); the read side; and the gRPC controller and server.
 *
 * @example
 * const app = await NestFactory.createApplicationContext(GatewayModule.forRoot(readGatewayConfig()));
 * app.enableShutdownHooks();
 * const embedded = GatewayModule.forRoot(config, { log, dataSource }); // both stay open on close
 */
@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig, deps: GatewayModuleDependencies = {}): DynamicModule {
    const logger = deps.logger ?? new JsonLogger("gateway", config.logLevel);
    const topics = topicNames(config.topicPrefix);
    // The controller needs to know when the server drains; the server needs the controller.
    let server: GatewayServer | undefined;
    return {
      module: GatewayModule,
      providers: [
        // configuration
        { provide: GATEWAY_CONFIG, useValue: config },
        { provide: GATEWAY_LOGGER, useValue: logger },
        // infrastructure
        { provide: GATEWAY_RESOURCES, useFactory: () => new OwnedResources() },
        {
          provide: GATEWAY_LOG,
          useFactory: (owned: OwnedResources) =>
            owned.useOrCreate(
              deps.log,
              () =>
                new KafkaLog({
                  ...config.kafka,
                  clientId: "eventual-gateway",
                  onError: (error, context) => logger.warn("log adapter recovered from an error", { ...context, error: String(error) }),
                }),
              (log) => log.close(),
            ),
          inject: [GATEWAY_RESOURCES],
        },
        {
          provide: GATEWAY_DATA_SOURCE,
          useFactory: async (owned: OwnedResources) => {
            const dataSource = await owned.useOrCreateAsync(
              deps.dataSource,
              () => createDataSource({ url: config.databaseUrl, schema: config.databaseSchema }).initialize(),
              (created) => created.destroy(),
            );
            // Idempotent and advisory-locked: lets the gateway start before the projector.
            await runMigrations(dataSource);
            return dataSource;
          },
          inject: [GATEWAY_RESOURCES],
        },
        { provide: GATEWAY_QUERIES, useFactory: (dataSource: DataSource) => new WorkflowQueries(dataSource), inject: [GATEWAY_DATA_SOURCE] },
        // Woken by the projector's notifications instead of polling; closed with the module.
        {
          provide: ProjectionWatcher,
          useFactory: () =>
            ProjectionWatcher.start({
              url: config.databaseUrl,
              schema: config.databaseSchema,
              onError: (error) => logger.warn("read-model change listener lost its connection; reconnecting", { error: String(error) }),
            }),
        },
        // write side
        {
          provide: ReplyRouter,
          useFactory: (log: LogPort) => new ReplyRouter(log, logger, { topic: topics.historyReplies, gatewayId: config.gatewayId }),
          inject: [GATEWAY_LOG],
        },
        {
          provide: CommandSender,
          // The log port coalesces concurrent appends (group commit), so commands go straight to it.
          useFactory: (log: LogPort, router: ReplyRouter) => new CommandSender(log, router, topics.historyCommands, config.gatewayId),
          inject: [GATEWAY_LOG, ReplyRouter],
        },
        {
          provide: WorkflowCommandsService,
          useFactory: (sender: CommandSender, queries: WorkflowQueries, watcher: ProjectionWatcher) => new WorkflowCommandsService(sender, queries, Date.now, watcher),
          inject: [CommandSender, GATEWAY_QUERIES, ProjectionWatcher],
        },
        // read side
        {
          provide: WorkflowReadsService,
          useFactory: (queries: WorkflowQueries, watcher: ProjectionWatcher) => new WorkflowReadsService(queries, watcher),
          inject: [GATEWAY_QUERIES, ProjectionWatcher],
        },
        // gRPC
        {
          provide: WorkflowController,
          useFactory: (commands: WorkflowCommandsService, reads: WorkflowReadsService) =>
            new WorkflowController(commands, reads, logger, {
              commandTimeoutMs: config.commandTimeoutMs,
              readRecheckMs: config.readRecheckMs,
              stopping: () => server?.isStopping ?? false,
            }),
          inject: [WorkflowCommandsService, WorkflowReadsService],
        },
        { provide: MatchingPool, useFactory: () => new MatchingPool(config.matchingAddresses) },
        {
          provide: WorkerController,
          useFactory: (pool: MatchingPool, sender: CommandSender, queries: WorkflowQueries, watcher: ProjectionWatcher) =>
            new WorkerController(pool, sender, queries, watcher, logger, {
              pollTimeoutMs: config.pollTimeoutMs,
              startWaitMs: config.startWaitMs,
              recheckMs: config.readRecheckMs,
              commandTimeoutMs: config.commandTimeoutMs,
            }),
          inject: [MatchingPool, CommandSender, GATEWAY_QUERIES, ProjectionWatcher],
        },
        {
          provide: GatewayServer,
          useFactory: (...deps: ConstructorParameters<typeof GatewayServer>) => (server = new GatewayServer(...deps)),
          inject: [GATEWAY_CONFIG, GATEWAY_LOG, GATEWAY_LOGGER, GATEWAY_RESOURCES, ReplyRouter, WorkflowController, WorkerController, MatchingPool],
        },
      ],
      exports: [GatewayServer],
    };
  }
}
