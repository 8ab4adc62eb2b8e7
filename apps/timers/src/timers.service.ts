import { topicNames } from "@eventual/core";
import type { LogPort, RunningConsumer } from "@eventual/log";
import type { JsonLogger } from "@eventual/service-kit";
import { TimerStore, runMigrations } from "@eventual/store";
import type { DataSource } from "typeorm";
import { TimerCommandsHandler } from "./timer-commands.handler";
import { TimerFiringLoop } from "./timer-firing.loop";
import type { TimersConfig } from "./timers.config";

/**
 * The timers service: keeps the timer table in step with timers.commands and fires due timers
 * into history.commands. Several instances share the commands (consumer group) and the firing
 * (row locks with SKIP LOCKED).
 *
 * @example
 * const timers = new TimersService(config, log, dataSource, logger); await timers.start(); ... await timers.stop();
 */
export class TimersService {
  private consumer?: RunningConsumer;
  private readonly stopping = new AbortController();
  private firing?: Promise<void>;
  readonly loop: TimerFiringLoop;
  private readonly handler: TimerCommandsHandler;
  ready = false;

  constructor(
    private readonly config: TimersConfig,
    private readonly log: LogPort,
    private readonly dataSource: DataSource,
    private readonly logger: JsonLogger,
  ) {
    const topics = topicNames(config.topicPrefix);
    const store = new TimerStore(dataSource);
    this.loop = new TimerFiringLoop(store, (records) => log.append(records), topics, { batchSize: config.batchSize });
    this.handler = new TimerCommandsHandler(dataSource, store, (fireAt) => this.loop.armed(fireAt));
  }

  async start(): Promise<void> {
    await runMigrations(this.dataSource);
    const topic = topicNames(this.config.topicPrefix).timersCommands;
    this.consumer = await this.log.runConsumer({
      groupId: this.config.groupId,
      topics: [topic],
      startOffset: (t, p) => this.handler.startOffset(t, p),
      handle: (batch) => this.handler.apply(batch),
    });
    this.firing = this.loop.run(this.stopping.signal, (error) => this.logger.warn("firing timers failed; retrying", { error: String(error) }));
    this.ready = true;
    this.logger.info("timers service running", { groupId: this.config.groupId, topic });
  }

  async stop(): Promise<void> {
    this.ready = false;
    this.stopping.abort();
    await this.firing;
    await this.consumer?.stop();
  }
}
