import { type DynamicModule, Module } from "@nestjs/common";
import { topicNames } from "@eventual/core";
import { KafkaLog, type LogPort } from "@eventual/log";
import { JsonLogger } from "@eventual/service-kit";
import { WorkflowQueries, createDataSource, runMigrations } from "@eventual/store";
import type { DataSource } from "typeorm";
import { AppendBatcher } from "./commands/append.batcher";
import { CommandSender } from "./commands/command.sender";
import { ReplyRouter } from "./commands/reply.router";
import { WorkflowCommandsService } from "./commands/workflow-commands.service";
import type { GatewayConfig } from "./gateway.config";
import { GATEWAY_CONFIG, GATEWAY_DATA_SOURCE, GATEWAY_LOG, GATEWAY_LOGGER, GATEWAY_QUERIES } from "./gateway.tokens";
import { GatewayServer } from "./grpc/gateway.server";
import { WorkerController } from "./grpc/worker.controller";
import { WorkflowController } from "./grpc/workflow.controller";
import { MatchingPool } from "./matching/matching-pool.client";
import { WorkflowReadsService } from "./queries/workflow-reads.service";

/**
 * The gateway: providers grouped by role — configuration and logger; infrastructure (the log
 * port on Kafka, the Postgres pool and its queries); the write side (reply router, command
 * sender, commands service); the read side; and the gRPC controller and server.
 *
 * @example
 * const app = await NestFactory.createApplicationContext(GatewayModule.forRoot(readGatewayConfig()));
 * app.enableShutdownHooks();
 */
@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    const logger = new JsonLogger("gateway", config.logLevel);
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
        {
          provide: GATEWAY_LOG,
          useFactory: () =>
            new KafkaLog({
              ...config.kafka,
              clientId: "eventual-gateway",
              onError: (error, context) => logger.warn("log adapter recovered from an error", { ...context, error: String(error) }),
            }),
        },
        {
          provide: GATEWAY_DATA_SOURCE,
          useFactory: async () => {
            const dataSource = createDataSource({ url: config.databaseUrl, schema: config.databaseSchema });
            await dataSource.initialize();
            // Idempotent and advisory-locked: lets the gateway start before the projector.
            await runMigrations(dataSource);
            return dataSource;
          },
        },
        { provide: GATEWAY_QUERIES, useFactory: (dataSource: DataSource) => new WorkflowQueries(dataSource), inject: [GATEWAY_DATA_SOURCE] },
        // write side
        {
          provide: ReplyRouter,
          useFactory: (log: LogPort) => new ReplyRouter(log, logger, { topic: topics.historyReplies, gatewayId: config.gatewayId }),
          inject: [GATEWAY_LOG],
        },
        { provide: AppendBatcher, useFactory: (log: LogPort) => new AppendBatcher(log), inject: [GATEWAY_LOG] },
        {
          provide: CommandSender,
          useFactory: (batcher: AppendBatcher, router: ReplyRouter) => new CommandSender(batcher, router, topics.historyCommands, config.gatewayId),
          inject: [AppendBatcher, ReplyRouter],
        },
        {
          provide: WorkflowCommandsService,
          useFactory: (sender: CommandSender, queries: WorkflowQueries) => new WorkflowCommandsService(sender, queries),
          inject: [CommandSender, GATEWAY_QUERIES],
        },
        // read side
        { provide: WorkflowReadsService, useFactory: (queries: WorkflowQueries) => new WorkflowReadsService(queries), inject: [GATEWAY_QUERIES] },
        // gRPC
        {
          provide: WorkflowController,
          useFactory: (commands: WorkflowCommandsService, reads: WorkflowReadsService) =>
            new WorkflowController(commands, reads, logger, {
              commandTimeoutMs: config.commandTimeoutMs,
              resultPollMs: config.resultPollMs,
              stopping: () => server?.isStopping ?? false,
            }),
          inject: [WorkflowCommandsService, WorkflowReadsService],
        },
        { provide: MatchingPool, useFactory: () => new MatchingPool(config.matchingAddresses) },
        {
          provide: WorkerController,
          useFactory: (pool: MatchingPool, sender: CommandSender, queries: WorkflowQueries) =>
            new WorkerController(pool, sender, queries, logger, {
              pollTimeoutMs: config.pollTimeoutMs,
              startWaitMs: config.startWaitMs,
              commandTimeoutMs: config.commandTimeoutMs,
            }),
          inject: [MatchingPool, CommandSender, GATEWAY_QUERIES],
        },
        {
          provide: GatewayServer,
          useFactory: (...deps: ConstructorParameters<typeof GatewayServer>) => (server = new GatewayServer(...deps)),
          inject: [GATEWAY_CONFIG, GATEWAY_LOG, GATEWAY_LOGGER, GATEWAY_DATA_SOURCE, ReplyRouter, WorkflowController, WorkerController, MatchingPool],
        },
      ],
      exports: [GatewayServer],
    };
  }
}
