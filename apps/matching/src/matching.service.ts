/**
 * The matching service: task queues fed from matching.tasks, served to the gateway over the
 * internal gRPC API (`eventual.internal.v1.MatchingService`).
 *
 * How several instances share a queue: matching.tasks is keyed by workflow id, and the
 * instances form one consumer group, so each instance owns some partitions and holds exactly
 * the tasks of those partitions — of every queue. No instance sees a whole queue, and none
 * forwards to another. The contract for the gateway is therefore a fan-out:
 *
 * 1. For one worker poll, call PollTask on every matching instance at once, with the same
 *    poll_id and the worker's deadline.
 * 2. The first task that comes wins: hand it to the worker, then AckTask it at the instance
 *    that gave it out (the token means nothing elsewhere); cancel the other calls.
 * 3. A cancelled call answers nothing, but a task may already be on its way back: ReleaseTask
 *    every further task that arrives, so it goes to the next poll at once rather than after
 *    its lease (MATCHING_LEASE_MS). If the worker hung up before it got the task, release it too.
 * 4. UNAVAILABLE from an instance (it could not record the start) means: try again.
 *
 * A task's offset is saved as consumed only once it is acked, so a crash of an instance loses
 * no task: the partition's next owner reads every un-acked task again. A task can therefore
 * be handed out twice; history ignores the second start and the second result of an attempt.
 *
 * @example
 * const matching = new MatchingService(config, log, dataSource, logger);
 * await matching.start(); // serves on config.port
 * await matching.stop();  // open polls answer empty, offsets saved, group left
 */
import * as grpc from "@grpc/grpc-js";
import { topicNames } from "@eventual/core";
import type { LogPort, RunningConsumer } from "@eventual/log";
import { type HealthImplementation, MATCHING_SERVICE_NAME, addHealthService, addReflectionService, loadInternalPackageDefinition, loadInternalProto } from "@eventual/proto";
import type { JsonLogger } from "@eventual/service-kit";
import { runMigrations } from "@eventual/store";
import type { DataSource } from "typeorm";
import type { MatchingConfig } from "./matching.config";
import { matchingHandlers } from "./matching.controller";
import { MatchingTasksHandler } from "./matching-tasks.handler";
import { TaskDispatcher } from "./task-dispatcher";
import { TaskQueueBook } from "./task-queue-book";

export class MatchingService {
  readonly book = new TaskQueueBook();
  readonly handler: MatchingTasksHandler;
  readonly dispatcher: TaskDispatcher;
  private readonly stopping = new AbortController();
  private consumer?: RunningConsumer;
  private server?: grpc.Server;
  private health?: HealthImplementation;
  private saving?: Promise<void>;
  /** `host:port` of the gRPC API, once started. */
  address = "";
  ready = false;

  constructor(
    private readonly config: MatchingConfig,
    private readonly log: LogPort,
    private readonly dataSource: DataSource,
    private readonly logger: JsonLogger,
  ) {
    const topics = topicNames(config.topicPrefix);
    this.handler = new MatchingTasksHandler(dataSource, this.book, topics.matchingTasks, logger, (partition) => this.dispatcher.dropPartition(partition));
    this.dispatcher = new TaskDispatcher(this.book, (p) => this.handler.sessionOf(p), (records) => log.append(records), topics, { leaseMs: config.leaseMs }, logger);
  }

  async start(): Promise<void> {
    await runMigrations(this.dataSource);
    const topics = topicNames(this.config.topicPrefix);
    // Whichever service starts first creates the workflow topics, all with one partition count.
    await this.log.ensureTopics(Object.values(topics).map((topic) => ({ topic, partitions: this.config.partitions })));
    const topic = topics.matchingTasks;
    this.consumer = await this.log.runConsumer({
      groupId: this.config.groupId,
      topics: [topic],
      startOffset: (t, p) => this.handler.startOffset(t, p),
      onRevoked: (t, p) => this.handler.revoked(t, p),
      handle: (batch) => this.handler.handle(batch),
    });
    this.saving = this.saveLoop();
    await this.serve();
    this.ready = true;
    this.health?.setStatus("", "SERVING");
    this.health?.setStatus(MATCHING_SERVICE_NAME, "SERVING");
    this.logger.info("matching service running", { groupId: this.config.groupId, topic, address: this.address });
  }

  /**
   * Graceful stop: new and open polls answer empty; hand-outs get `shutdownGraceMs` to be acked
   * or released; then the consumer stops (each partition's committable offset is saved as it
   * is revoked) and the server closes.
   */
  async stop(): Promise<void> {
    if (this.stopping.signal.aborted) return;
    this.ready = false;
    this.health?.setStatus("", "NOT_SERVING");
    this.health?.setStatus(MATCHING_SERVICE_NAME, "NOT_SERVING");
    this.stopping.abort();
    await this.dispatcher.drain(this.config.shutdownGraceMs);
    await this.saving;
    await this.consumer?.stop();
    await this.handler.saveAll().catch((error: unknown) => this.logger.warn("saving offsets on stop failed", { error: String(error) }));
    this.dispatcher.close();
    await this.closeServer();
    this.logger.info("matching service stopped");
  }

  private async serve(): Promise<void> {
    const server = new grpc.Server();
    const { MatchingService: definition } = loadInternalProto().eventual.internal.v1;
    server.addService(definition.service, matchingHandlers(this.dispatcher, { maxPollMs: this.config.maxPollMs, stopping: this.stopping.signal }, this.logger));
    this.health = addHealthService(server, { "": "NOT_SERVING", [MATCHING_SERVICE_NAME]: "NOT_SERVING" });
    addReflectionService(server, [loadInternalPackageDefinition()]);
    const host = this.config.host.includes(":") ? `[${this.config.host}]` : this.config.host;
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync(`${host}:${this.config.port}`, grpc.ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
    );
    this.server = server;
    this.address = `${this.config.host === "0.0.0.0" ? "127.0.0.1" : host}:${port}`;
  }

  /** Saves committable offsets every `commitIntervalMs` until stopped. */
  private async saveLoop(): Promise<void> {
    const signal = this.stopping.signal;
    while (!signal.aborted) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, this.config.commitIntervalMs);
        function done() {
          clearTimeout(timer);
          signal.removeEventListener("abort", done);
          resolve();
        }
        signal.addEventListener("abort", done, { once: true });
      });
      if (signal.aborted) return;
      await this.handler.saveAll().catch((error: unknown) => this.logger.warn("saving offsets failed; retrying", { error: String(error) }));
    }
  }

  private async closeServer(): Promise<void> {
    const server = this.server;
    if (!server) return;
    // Polls were answered already; a call still open after a second is not worth waiting for.
    const forced = setTimeout(() => server.forceShutdown(), 1_000);
    await new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
    clearTimeout(forced);
  }
}
