import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from "@nestjs/common";
import { topicNames } from "@eventual/core";
import type { LogPort, RunningConsumer } from "@eventual/log";
import type { JsonLogger, OwnedResources } from "@eventual/service-kit";
import { HistoryCommandsProcessor } from "./history-commands.processor";
import type { HistoryConfig } from "./history.config";
import { HISTORY_CONFIG, HISTORY_LOG, HISTORY_LOGGER, HISTORY_RESOURCES } from "./history.tokens";

/**
 * Runs the history.commands processor for as long as the application lives: creates the
 * workflow topics if needed, joins the group, and on shutdown finishes the batch in flight
 * and leaves the group so another instance takes the partitions over, then closes the log if
 * the module created it (an injected one belongs to its owner).
 */
@Injectable()
export class HistoryService implements OnApplicationBootstrap, OnApplicationShutdown {
  private consumer?: RunningConsumer;
  readonly processor: HistoryCommandsProcessor;
  ready = false;

  constructor(
    @Inject(HISTORY_CONFIG) private readonly config: HistoryConfig,
    @Inject(HISTORY_LOG) private readonly log: LogPort,
    @Inject(HISTORY_LOGGER) private readonly logger: JsonLogger,
    @Inject(HISTORY_RESOURCES) private readonly owned: OwnedResources,
  ) {
    this.processor = new HistoryCommandsProcessor(log, logger, undefined, topicNames(config.topicPrefix));
  }

  async onApplicationBootstrap(): Promise<void> {
    const partitions = this.config.partitions;
    const topics = topicNames(this.config.topicPrefix);
    await this.log.ensureTopics(Object.values(topics).map((topic) => ({ topic, partitions })));
    this.consumer = await this.log.runProcessor({ groupId: this.config.groupId, topics: [topics.historyCommands], processor: this.processor });
    this.ready = true;
    this.logger.info("history service running", { groupId: this.config.groupId, partitions });
  }

  async onApplicationShutdown(signal?: string): Promise<void> {
    this.ready = false;
    this.logger.info("history service stopping", { signal });
    try {
      await this.consumer?.stop();
    } finally {
      await this.owned.closeAll();
    }
  }
}
