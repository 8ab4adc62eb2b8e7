import { decodeHistoryEvent, type HistoryEventMessage } from "@eventual/core";
import type { LogPort, PartitionBatch } from "@eventual/log";
import type { DataSource, EntityManager } from "typeorm";
import { ConsumerOffsets } from "./consumer-offsets";
import { executionChanges } from "./execution-changes";
import { notifyProjected } from "./projection-notifier";
import { isoTime } from "./sql-time";

/** One partition's decoded history.events records, in offset order. */
export interface ProjectionBatch {
  topic: string;
  partition: number;
  records: Array<{ offset: bigint; message: HistoryEventMessage }>;
}

/**
 * Projects history.events into `history_events` and `workflow_executions` (DESIGN §2,
 * projector). Each batch is applied in one SQL transaction together with the consumer's
 * next offset, so after a crash the projector resumes exactly where its rows end: a batch
 * delivered again is skipped record by record, never applied twice. Rows depend only on the
 * events (no `now()`), so truncating and replaying the log rebuilds them identically
 * (DESIGN §3.1).
 *
 * @example
 * const projection = new HistoryProjection(dataSource, "projector");
 * await log.runConsumer({
 *   groupId: "projector", topics: [TOPICS.historyEvents],
 *   startOffset: (topic, partition) => projection.startOffset(topic, partition),
 *   handle: (batch) => projection.applyBatch(decodeProjectionBatch(batch)),
 * });
 */
export class HistoryProjection {
  private readonly offsets: ConsumerOffsets;
  private readonly schema: string;

  constructor(
    private readonly dataSource: DataSource,
    /** Names this projector's offsets; two projectors with different names never share them. */
    readonly consumer: string,
  ) {
    this.offsets = new ConsumerOffsets(consumer);
    this.schema = (dataSource.options as { schema?: string }).schema ?? "public";
  }

  /**
   * Applies a batch in one transaction: skips records below the stored offset, inserts the
   * events, updates the runs' rows and stores the next offset. Pass `manager` to join a
   * transaction the caller already holds.
   *
   * @example
   * await projection.applyBatch({ topic: "history.events", partition: 0, records: [{ offset: 0n, message }] });
   */
  async applyBatch(batch: ProjectionBatch, manager?: EntityManager): Promise<void> {
    if (batch.records.length === 0) return;
    assertOrdered(batch);
    const run = (m: EntityManager) => this.applyInTransaction(m, batch);
    // EntityManager.transaction nests as a savepoint when the manager is already in one.
    await (manager ?? this.dataSource.manager).transaction(run);
  }

  /**
   * The offset to resume a partition at, or undefined to start at its beginning — the shape
   * `LogPort.runConsumer` asks for.
   *
   * @example
   * const from = (await projection.startOffset("history.events", 3)) ?? 0n;
   */
  async startOffset(topic: string, partition: number): Promise<bigint | undefined> {
    return this.offsets.read(this.dataSource, topic, partition);
  }

  /**
   * Empties the read models and this consumer's offsets, in one transaction, so the next
   * consume starts from the beginning of the log. The tables are shared by whatever writes
   * them, so run one projector consumer per database.
   *
   * @example
   * await projection.truncateReadModels(); // then restart the consumer, or call rebuildFrom
   */
  async truncateReadModels(): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await m.query(`TRUNCATE workflow_executions, history_events`);
      await m.query(`DELETE FROM projection_offsets WHERE consumer = $1`, [this.consumer]);
    });
  }

  /**
   * Truncates and replays every partition of `topic` from offset 0 (an offline rebuild,
   * with the projector's consumer stopped). Returns how many records it applied.
   *
   * @example
   * await projection.rebuildFrom(log, TOPICS.historyEvents);
   */
  async rebuildFrom(
    log: Pick<LogPort, "partitionCount" | "readPartition">,
    topic: string,
  ): Promise<number> {
    await this.truncateReadModels();
    let applied = 0;
    const partitions = await log.partitionCount(topic);
    for (let partition = 0; partition < partitions; partition++) {
      await log.readPartition(topic, partition, 0n, async (records) => {
        await this.applyBatch(decodeProjectionBatch({ topic, partition, records }));
        applied += records.length;
      });
    }
    return applied;
  }

  private async applyInTransaction(m: EntityManager, batch: ProjectionBatch): Promise<void> {
    const from = await this.offsets.lock(m, batch.topic, batch.partition);
    const fresh = batch.records.filter((r) => r.offset >= from);
    if (fresh.length === 0) return;
    const messages = fresh.map((r) => r.message);

    await m.query(
      `INSERT INTO history_events (run_id, event_id, workflow_id, type, "timestamp", data)
       SELECT x.run_id, x.event_id, x.workflow_id, x.type, x.ts::timestamptz, x.data
       FROM jsonb_to_recordset($1::jsonb) AS x(run_id text, event_id int, workflow_id text, type text, ts text, data jsonb)
       ON CONFLICT DO NOTHING`,
      [
        JSON.stringify(
          messages.map(({ workflowId, runId, event }) => ({
            run_id: runId,
            event_id: event.eventId,
            workflow_id: workflowId,
            type: event.type,
            ts: isoTime(event.timestamp),
            data: event.data ?? {},
          })),
        ),
      ],
    );

    const changes = JSON.stringify(
      executionChanges(messages).map((c) => ({
        run_id: c.runId,
        workflow_id: c.workflowId,
        history_length: c.historyLength,
        workflow_type: c.start?.workflowType ?? null,
        task_queue: c.start?.taskQueue ?? null,
        start_time: c.start?.startTime ?? null,
        parent_workflow_id: c.start?.parentWorkflowId ?? null,
        parent_run_id: c.start?.parentRunId ?? null,
        status: c.close?.status ?? null,
        close_time: c.close?.closeTime ?? null,
        result: c.close?.resultJson ?? null,
        failure: c.close?.failureJson ?? null,
      })),
    );
    const recordset = `jsonb_to_recordset($1::jsonb) AS x(run_id text, workflow_id text, history_length int,
      workflow_type text, task_queue text, start_time text, parent_workflow_id text, parent_run_id text,
      status text, close_time text, result text, failure text)`;
    // WorkflowStarted creates the row; DO NOTHING keeps a replayed start from resetting it.
    await m.query(
      `INSERT INTO workflow_executions (run_id, workflow_id, workflow_type, task_queue, status, start_time,
         history_length, parent_workflow_id, parent_run_id)
       SELECT x.run_id, x.workflow_id, x.workflow_type, x.task_queue, 'running', x.start_time::timestamptz,
         x.history_length, x.parent_workflow_id, x.parent_run_id
       FROM ${recordset} WHERE x.start_time IS NOT NULL
       ON CONFLICT (run_id) DO NOTHING`,
      [changes],
    );
    // Every event lengthens the history; a close event also settles status and outcome.
    await m.query(
      `UPDATE workflow_executions e SET
         history_length = GREATEST(e.history_length, x.history_length),
         status = COALESCE(x.status, e.status),
         close_time = COALESCE(x.close_time::timestamptz, e.close_time),
         result = CASE WHEN x.status IS NULL THEN e.result ELSE x.result::jsonb END,
         failure = CASE WHEN x.status IS NULL THEN e.failure ELSE x.failure::jsonb END
       FROM ${recordset} WHERE e.run_id = x.run_id`,
      [changes],
    );

    const next = fresh[fresh.length - 1].offset + 1n;
    await this.offsets.save(m, batch.topic, batch.partition, next);
    // Delivered on commit: readers waiting on these workflows (the gateway) look again.
    await notifyProjected(m, this.schema, messages.map((message) => message.workflowId));
  }
}

/**
 * Decodes a log batch of history.events. A malformed record throws (`MalformedMessageError`)
 * rather than being skipped: the read model must not silently miss events (DESIGN §3.6).
 *
 * @example
 * handle: (batch) => projection.applyBatch(decodeProjectionBatch(batch))
 */
export function decodeProjectionBatch(batch: PartitionBatch): ProjectionBatch {
  return {
    topic: batch.topic,
    partition: batch.partition,
    records: batch.records.map((r) => ({ offset: r.offset, message: decodeHistoryEvent(r.value) })),
  };
}

function assertOrdered(batch: ProjectionBatch): void {
  for (let i = 1; i < batch.records.length; i++) {
    if (batch.records[i].offset <= batch.records[i - 1].offset) {
      throw new Error(
        `batch of ${batch.topic}/${batch.partition} is not in offset order at index ${i}`,
      );
    }
  }
}
