import { topicNames } from "@eventual/core";
import type { LogPort, RunningConsumer } from "@eventual/log";
import type { JsonLogger } from "@eventual/service-kit";
import { HistoryProjection, decodeProjectionBatch, runMigrations } from "@eventual/store";
import type { DataSource } from "typeorm";
import type { ProjectorConfig } from "./projector.config";

/**
 * Keeps the Postgres read models in step with history.events: each batch and its offset are
 * one SQL transaction (the offsets live in Postgres, not in Kafka), so the projection is
 * exactly once and can be dropped and rebuilt from the log at any time (DESIGN §3.1).
 *
 * @example
 * const projector = new ProjectorService(config, log, dataSource, logger); await projector.start();
 */
export class ProjectorService {
  private consumer?: RunningConsumer;
  private readonly projection: HistoryProjection;
  ready = false;

  constructor(
    private readonly config: ProjectorConfig,
    private readonly log: LogPort,
    private readonly dataSource: DataSource,
    private readonly logger: JsonLogger,
  ) {
    this.projection = new HistoryProjection(dataSource, config.groupId);
  }

  async start(): Promise<void> {
    await runMigrations(this.dataSource);
    const topic = topicNames(this.config.topicPrefix).historyEvents;
    this.consumer = await this.log.runConsumer({
      groupId: this.config.groupId,
      topics: [topic],
      startOffset: (t, p) => this.projection.startOffset(t, p),
      handle: async (batch) => {
        await this.projection.applyBatch(decodeProjectionBatch(batch));
        this.logger.debug("projected", { partition: batch.partition, records: batch.records.length });
      },
    });
    this.ready = true;
    this.logger.info("projector running", { groupId: this.config.groupId, topic });
  }

  async stop(): Promise<void> {
    this.ready = false;
    await this.consumer?.stop();
  }
}
