import { Pool } from "pg";
import type { ConsumerOptions, LogPort, LogRecord, OutgoingRecord, ProcessorOptions, RunningConsumer, TopicSpec } from "../log-port";
import { GroupCommitAppender } from "../group-commit.appender";
import { partitionFor } from "../partitioner";
import { ConsumerPartitionWorker } from "./consumer-partition.worker";
import { type Assignment, GroupRunner } from "./group-runner";
import { NotificationListener } from "./notification.listener";
import type { PartitionWorker, WorkerContext } from "./partition-worker";
import { LogClosedError, TopicPartitionMismatchError, UnknownTopicError } from "../log-errors";
import { type PostgresLogOptions, type ResolvedPostgresLogOptions, resolveOptions } from "./postgres-log.options";
import { type LogTables, ensureSchema, logTables } from "./postgres-log.schema";
import { ProcessorPartitionWorker } from "./processor-partition.worker";
import { partitionEnd, readRecords } from "./record-reader";
import { type PlacedRecord, appendRecords } from "./record-writer";
import { inTransaction } from "./sql-transaction";

const DEFAULT_MAX_BATCH_RECORDS = 500;
/** Records per query when `readPartition` pages through a partition. */
const READ_PAGE_RECORDS = 1_000;

/**
 * The log port on PostgreSQL, for the embedded (single-machine) runtime (DESIGN §4): topics,
 * partitions and offsets are rows in one schema; a processor's outputs and its consumed offset
 * commit in one SQL transaction; consumers are woken by LISTEN/NOTIFY; the members of a
 * consumer group share partitions through session-level advisory locks, so a process that
 * dies loses its partitions the moment its connections close. Tables are created on first use.
 *
 * @example
 * const log = new PostgresLog({ connectionString: process.env.DATABASE_URL! });
 * await log.ensureTopics([{ topic: "history.commands", partitions: 12 }]);
 * await log.append([{ topic: "history.commands", key: workflowId, value: JSON.stringify(command) }]);
 * const running = await log.runProcessor({ groupId: "history", topics: ["history.commands"], processor });
 * ...
 * await running.stop();
 * await log.close();
 */
export class PostgresLog implements LogPort {
  private readonly options: ResolvedPostgresLogOptions;
  private readonly tables: LogTables;
  private readonly pool: Pool;
  private readonly listener: NotificationListener;
  private readonly partitionCounts = new Map<string, number>();
  private readonly runners = new Set<GroupRunner>();
  private schemaReady?: Promise<void>;
  private closed = false;

  constructor(options: PostgresLogOptions) {
    this.options = resolveOptions(options);
    this.tables = logTables(this.options.schema);
    this.pool = new Pool({ connectionString: this.options.connectionString, max: this.options.maxConnections, application_name: "eventual-log", keepAlive: true });
    // An idle pooled connection that breaks is dropped by the pool; without a listener the
    // error would crash the process.
    this.pool.on("error", (error) => this.options.onError(error, { phase: "idle pooled connection" }));
    this.listener = new NotificationListener(this.options, this.tables);
  }

  /** The schema holding this log's tables. */
  get schema(): string {
    return this.options.schema;
  }

  async ensureTopics(topics: TopicSpec[]): Promise<void> {
    await this.ready("ensureTopics");
    const specs = new Map<string, number>();
    for (const { topic, partitions } of topics) {
      assertName("topic", topic);
      if (!Number.isInteger(partitions) || partitions < 1) throw new RangeError(`Topic "${topic}" needs a whole number of partitions >= 1, got ${partitions}`);
      const listed = specs.get(topic);
      if (listed !== undefined && listed !== partitions) throw new TopicPartitionMismatchError(topic, partitions, listed);
      specs.set(topic, partitions);
    }
    if (specs.size === 0) return;
    const names = [...specs.keys()];
    await inTransaction(this.pool, async (client) => {
      // A concurrent creator of the same topic makes this wait for its commit, then skip it.
      await client.query(`INSERT INTO ${this.tables.topics} (topic, partitions) SELECT * FROM unnest($1::text[], $2::int[]) ON CONFLICT DO NOTHING`, [
        names,
        names.map((name) => specs.get(name)),
      ]);
      const { rows } = await client.query<{ topic: string; partitions: number }>(`SELECT topic, partitions FROM ${this.tables.topics} WHERE topic = ANY($1::text[])`, [names]);
      for (const row of rows) {
        const required = specs.get(row.topic)!;
        if (row.partitions !== required) throw new TopicPartitionMismatchError(row.topic, required, row.partitions);
      }
      await client.query(
        `INSERT INTO ${this.tables.partitions} (topic, "partition")
         SELECT t.topic, g FROM ${this.tables.topics} t CROSS JOIN LATERAL generate_series(0, t.partitions - 1) AS g
          WHERE t.topic = ANY($1::text[]) ORDER BY t.topic, g
         ON CONFLICT DO NOTHING`,
        [names],
      );
    });
    for (const [topic, partitions] of specs) this.partitionCounts.set(topic, partitions);
  }

  async append(records: OutgoingRecord[]): Promise<void> {
    await this.ready("append");
    if (records.length === 0) return;
    const placed = await this.place(records);
    await this.appender.append(placed);
  }

  /**
   * Concurrent appends (the gateway's commands, matching's task starts, timers' firings) share
   * one transaction instead of one each: in one process every round trip to Postgres is CPU
   * spent on both ends, and most appends are a single record.
   */
  private readonly appender = new GroupCommitAppender<PlacedRecord>((placed) => inTransaction(this.pool, (client) => appendRecords(client, this.tables, placed)));

  async runProcessor(options: ProcessorOptions): Promise<RunningConsumer> {
    const maxBatchRecords = batchSize(options.maxBatchRecords);
    return this.runGroup("runProcessor", options.groupId, options.topics, (context) =>
      new ProcessorPartitionWorker({ ...context, maxBatchRecords, processor: options.processor, place: (records) => this.place(records) }),
    );
  }

  async runConsumer(options: ConsumerOptions): Promise<RunningConsumer> {
    const maxBatchRecords = batchSize(options.maxBatchRecords);
    return this.runGroup("runConsumer", options.groupId, options.topics, (context) => new ConsumerPartitionWorker({ ...context, maxBatchRecords, consumer: options }));
  }

  async readPartition(topic: string, partition: number, from: bigint, onRecords: (records: LogRecord[]) => Promise<void> | void): Promise<bigint> {
    await this.ready("readPartition");
    await this.assertPartition(topic, partition);
    // Every record below the end is committed (offsets commit in order), so the pages below
    // find them all; records appended after this point belong to a later read.
    const end = (await partitionEnd(this.pool, this.tables, topic, partition)) ?? 0n;
    let position = from;
    while (position < end) {
      const records = await readRecords(this.pool, this.tables, topic, partition, position, READ_PAGE_RECORDS, end);
      // Records are never deleted, so this cannot happen; it must not loop forever if it does.
      if (records.length === 0) break;
      await onRecords(records);
      position = records[records.length - 1].offset + 1n;
    }
    return position;
  }

  async partitionCount(topic: string): Promise<number> {
    await this.ready("partitionCount");
    const cached = this.partitionCounts.get(topic);
    if (cached !== undefined) return cached;
    const { rows } = await this.pool.query<{ partitions: number }>(`SELECT partitions FROM ${this.tables.topics} WHERE topic = $1`, [topic]);
    if (rows.length === 0) throw new UnknownTopicError(topic);
    this.partitionCounts.set(topic, rows[0].partitions);
    return rows[0].partitions;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.runners].map((runner) => runner.stop()));
    this.runners.clear();
    await this.listener.close();
    await this.pool.end();
  }

  private async runGroup(
    operation: string,
    groupId: string,
    topics: string[],
    createWorker: (context: Omit<WorkerContext, "maxBatchRecords">) => PartitionWorker,
  ): Promise<RunningConsumer> {
    await this.ready(operation);
    assertName("groupId", groupId);
    if (!Array.isArray(topics) || topics.length === 0) throw new TypeError(`${operation} needs at least one topic`);
    const unique = [...new Set(topics)];
    // Fail fast, naming the topic, before joining anything.
    await Promise.all(unique.map((topic) => this.partitionCount(topic)));
    await this.listener.start();
    const runner = new GroupRunner(this.options, this.tables, this.listener, groupId, unique, (assignment: Assignment) =>
      createWorker({ options: this.options, tables: this.tables, pool: this.pool, listener: this.listener, ...assignment }),
    );
    this.runners.add(runner);
    try {
      await runner.start();
    } catch (error) {
      this.runners.delete(runner);
      await runner.stop();
      throw error;
    }
    return {
      stop: async () => {
        await runner.stop();
        this.runners.delete(runner);
      },
    };
  }

  /** Decides each record's partition: from its key like every adapter, or the one given. */
  private async place(records: OutgoingRecord[]): Promise<PlacedRecord[]> {
    const placed: PlacedRecord[] = [];
    for (const record of records) {
      const count = await this.partitionCount(record.topic);
      const partition = record.partition ?? partitionFor(record.key, count);
      assertPartitionIndex(record.topic, partition, count);
      placed.push({ topic: record.topic, partition, key: record.key, value: record.value, headers: record.headers ?? {} });
    }
    return placed;
  }

  private async assertPartition(topic: string, partition: number): Promise<void> {
    assertPartitionIndex(topic, partition, await this.partitionCount(topic));
  }

  /** Throws after close; creates the schema on first use (again after a failed attempt). */
  private ready(operation: string): Promise<void> {
    if (this.closed) return Promise.reject(new LogClosedError("PostgresLog", operation));
    this.schemaReady ??= ensureSchema(this.pool, this.tables).catch((error: unknown) => {
      this.schemaReady = undefined;
      throw error;
    });
    return this.schemaReady;
  }
}

function batchSize(requested: number | undefined): number {
  const size = requested ?? DEFAULT_MAX_BATCH_RECORDS;
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`maxBatchRecords must be a whole number >= 1, got ${size}`);
  return size;
}

function assertName(what: string, name: unknown): asserts name is string {
  if (typeof name !== "string" || name.length === 0) throw new TypeError(`${what} must be a non-empty string, got ${JSON.stringify(name)}`);
}

function assertPartitionIndex(topic: string, partition: number, count: number): void {
  if (!Number.isInteger(partition) || partition < 0 || partition >= count) {
    throw new RangeError(`${topic} has partitions 0..${count - 1}; there is no partition ${partition}`);
  }
}
