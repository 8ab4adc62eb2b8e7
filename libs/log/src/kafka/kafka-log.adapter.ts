import { Admin, Consumer, FetchIsolationLevels, type MessageToProduce, Producer, stringSerializers } from "@platformatic/kafka";
import type { ConsumerOptions, LogPort, LogRecord, OutgoingRecord, ProcessorOptions, RunningConsumer, TopicSpec } from "../log-port";
import { GroupCommitAppender } from "../group-commit.appender";
import { partitionFor } from "../partitioner";
import { ConsumerPartitionWorker } from "./consumer-partition.worker";
import { GroupRunner } from "./group-runner";
import { LogClosedError, TopicPartitionMismatchError, UnknownTopicError } from "../log-errors";
import { PartitionReadStalledError, rethrowUnknownTopic } from "./kafka-log.errors";
import { type KafkaLogOptions, type ResolvedKafkaLogOptions, NEW_PRODUCER, type StringProducer, clientOptions, resolveOptions } from "./kafka-log.options";
import { PartitionReader, type RawConsumer, listOffset } from "./partition-reader";
import { ProcessorPartitionWorker } from "./processor-partition.worker";
import type { PartitionWorker } from "./partition-worker";

const DEFAULT_MAX_BATCH_RECORDS = 500;
/** Fetches in a row without progress before readPartition gives up (each waits up to 100 ms). */
const STALL_LIMIT = 50;

/**
 * The log port on Apache Kafka with @platformatic/kafka (chosen over kafkajs on the figures in
 * bench/kafka-clients.bench.js). Topics are never auto-created; create them with `ensureTopics`.
 *
 * @example
 * const log = new KafkaLog({ brokers: process.env.KAFKA_BROKERS!.split(",") });
 * await log.ensureTopics([{ topic: "history.commands", partitions: 12 }]);
 * await log.append([{ topic: "history.commands", key: workflowId, value: JSON.stringify(command) }]);
 * const running = await log.runProcessor({ groupId: "history", topics: ["history.commands"], processor });
 * ...
 * await running.stop();
 * await log.close();
 */
export class KafkaLog implements LogPort {
  private readonly options: ResolvedKafkaLogOptions;
  private readonly partitionCounts = new Map<string, number>();
  private readonly runners = new Set<GroupRunner>();
  private admin?: Admin;
  private producer?: StringProducer;
  private client?: RawConsumer;
  private reader?: PartitionReader;
  private closed = false;

  constructor(options: KafkaLogOptions) {
    this.options = resolveOptions(options);
  }

  async ensureTopics(topics: TopicSpec[]): Promise<void> {
    const admin = this.adminClient("ensureTopics");
    const existing = new Set(await admin.listTopics({ includeInternals: false }));
    const missing = topics.filter((spec) => !existing.has(spec.topic));
    for (const spec of missing) {
      try {
        await admin.createTopics({ topics: [spec.topic], partitions: spec.partitions });
      } catch (error) {
        // Another process created it in between: fine if the partition count matches (checked below).
        if (!(error as { findBy?: (k: string, v: unknown) => unknown }).findBy?.("apiId", "TOPIC_ALREADY_EXISTS")) throw error;
      }
    }
    await this.awaitLeaders(admin, topics);
  }

  async append(records: OutgoingRecord[]): Promise<void> {
    if (records.length === 0) return;
    const messages = await this.toMessages(records);
    // One send at a time: concurrent sends on the idempotent producer lost records (calls
    // resolved, one record written) and wedged it for every later send. Callers that append
    // concurrently share the next send (group commit); a send that fails replaces the producer.
    await this.appender.append(messages);
  }

  private readonly appender = new GroupCommitAppender<MessageToProduce<string, string, string, string>>((messages) => this.sendNow(messages));

  private async sendNow(messages: Awaited<ReturnType<KafkaLog["toMessages"]>>): Promise<void> {
    this.producer ??= new Producer({ ...clientOptions(this.options, "producer"), ...NEW_PRODUCER, idempotent: true, acks: -1, serializers: stringSerializers });
    try {
      await this.producer.send({ messages });
    } catch (error) {
      const broken = this.producer;
      this.producer = undefined;
      await broken.close().catch(() => undefined);
      throw error;
    }
  }

  async runProcessor(options: ProcessorOptions): Promise<RunningConsumer> {
    this.assertOpen("runProcessor");
    const maxBatchRecords = options.maxBatchRecords ?? DEFAULT_MAX_BATCH_RECORDS;
    return this.runGroup(options.groupId, options.topics, (topic, partition, membership): PartitionWorker =>
      new ProcessorPartitionWorker(topic, partition, {
        options: this.options,
        membership,
        maxBatchRecords,
        processor: options.processor,
        createReader: () => this.newReader(`fetch-${options.groupId}`),
        createProducer: (transactionalId) =>
          new Producer({ ...clientOptions(this.options, `tx-${transactionalId}`), ...NEW_PRODUCER, idempotent: true, transactionalId, serializers: stringSerializers }),
        toMessages: (records) => this.toMessages(records),
        committedOffset: async (t, p) => {
          const committed = (await membership.consumer.listCommittedOffsets({ topics: [{ topic: t, partitions: [p] }] })).get(t)?.[p];
          return committed !== undefined && committed >= 0n ? committed : listOffset(this.rawClient(), t, p, "start");
        },
      }),
    );
  }

  async runConsumer(options: ConsumerOptions): Promise<RunningConsumer> {
    this.assertOpen("runConsumer");
    const maxBatchRecords = options.maxBatchRecords ?? DEFAULT_MAX_BATCH_RECORDS;
    return this.runGroup(options.groupId, options.topics, (topic, partition, membership): PartitionWorker =>
      new ConsumerPartitionWorker(topic, partition, {
        options: this.options,
        membership,
        maxBatchRecords,
        consumer: options,
        createReader: () => this.newReader(`fetch-${options.groupId}`),
        firstOffset: (t, p) => listOffset(this.rawClient(), t, p, "start"),
      }),
    );
  }

  async readPartition(topic: string, partition: number, from: bigint, onRecords: (records: LogRecord[]) => Promise<void> | void): Promise<bigint> {
    this.assertOpen("readPartition");
    const client = this.rawClient();
    const partitions = await this.partitionCount(topic);
    if (!Number.isInteger(partition) || partition < 0 || partition >= partitions) {
      throw new RangeError(`${topic} has partitions 0..${partitions - 1}; there is no partition ${partition}`);
    }
    const end = await listOffset(client, topic, partition, "end");
    this.reader ??= this.newReader("reader");
    let position = from;
    let stalled = 0;
    while (position < end) {
      const { records, nextOffset } = await this.reader.fetch(topic, partition, position, 100);
      // Records past the end at call time belong to a later read.
      const inRange = records.filter((record) => record.offset < end);
      if (inRange.length > 0) await onRecords(inRange);
      const next = nextOffset > end ? end : nextOffset;
      if (next <= position) {
        if (++stalled >= STALL_LIMIT) throw new PartitionReadStalledError(topic, partition, position, end);
        continue;
      }
      stalled = 0;
      position = next;
    }
    return position;
  }

  async partitionCount(topic: string): Promise<number> {
    const cached = this.partitionCounts.get(topic);
    if (cached !== undefined) return cached;
    // The client retries metadata of an unknown topic for ~10 s (it may be a topic still being
    // created); a caller naming a topic that does not exist should hear so at once.
    const existing = await this.adminClient("partitionCount").listTopics({ includeInternals: false });
    if (!existing.includes(topic)) throw new UnknownTopicError(topic);
    const metadata = await this.rawClient().metadata({ topics: [topic] }).catch(rethrowUnknownTopic(topic));
    const count = metadata.topics.get(topic)?.partitionsCount;
    if (!count) throw new UnknownTopicError(topic);
    this.partitionCounts.set(topic, count);
    return count;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.runners].map((runner) => runner.stop()));
    this.runners.clear();
    const closing: Array<Promise<void>> = [];
    if (this.reader) closing.push(this.reader.close());
    for (const client of [this.producer, this.admin, this.client]) if (client) closing.push(client.close());
    await Promise.all(closing);
  }

  private async runGroup(
    groupId: string,
    topics: string[],
    createWorker: (topic: string, partition: number, membership: GroupRunner["membership"]) => PartitionWorker,
  ): Promise<RunningConsumer> {
    // Fail fast, naming the topic, rather than after the group's metadata retries.
    await Promise.all(topics.map((topic) => this.partitionCount(topic)));
    const runner = new GroupRunner(this.options, groupId, topics, (tp, membership) => createWorker(tp.topic, tp.partition, membership));
    this.runners.add(runner);
    try {
      await runner.start();
    } catch (error) {
      this.runners.delete(runner);
      throw error;
    }
    return {
      stop: async () => {
        await runner.stop();
        this.runners.delete(runner);
      },
    };
  }

  private async toMessages(records: OutgoingRecord[]): Promise<MessageToProduce<string, string, string, string>[]> {
    const messages: MessageToProduce<string, string, string, string>[] = [];
    for (const record of records) {
      const partition = record.partition ?? partitionFor(record.key, await this.partitionCount(record.topic));
      messages.push({ topic: record.topic, key: record.key, value: record.value, headers: record.headers ?? {}, partition });
    }
    return messages;
  }

  /** Waits until every topic has its partitions with leaders (a new topic has none at first). */
  private async awaitLeaders(admin: Admin, topics: TopicSpec[]): Promise<void> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const metadata = await admin.metadata({ topics: topics.map((t) => t.topic), forceUpdate: true });
      let ready = true;
      for (const spec of topics) {
        const topic = metadata.topics.get(spec.topic);
        if (topic && topic.partitionsCount !== spec.partitions) throw new TopicPartitionMismatchError(spec.topic, spec.partitions, topic.partitionsCount);
        if (!topic || topic.partitions.some((p) => p === undefined || p.leader < 0)) ready = false;
        else this.partitionCounts.set(spec.topic, spec.partitions);
      }
      if (ready) return;
      if (Date.now() > deadline) throw new Error(`topics ${topics.map((t) => t.topic).join(", ")} have no partition leaders after 30 s; is the broker healthy?`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  private newReader(role: string): PartitionReader {
    return new PartitionReader(this.rawClient(), `${this.options.clientId}-${role}`, this.options.maxWaitTimeMs);
  }

  private rawClient(): RawConsumer {
    this.assertOpen("read");
    // Never joins a group: used for metadata, offsets and fetches with explicit positions.
    this.client ??= new Consumer({ ...clientOptions(this.options, "reader"), groupId: `${this.options.clientId}-reader`, isolationLevel: FetchIsolationLevels.READ_COMMITTED, autocommit: false });
    return this.client;
  }

  private adminClient(operation: string): Admin {
    this.assertOpen(operation);
    this.admin ??= new Admin(clientOptions(this.options, "admin"));
    return this.admin;
  }

  private assertOpen(operation: string): void {
    if (this.closed) throw new LogClosedError("KafkaLog", operation);
  }
}
