import { type HistoryCommandMessage, MalformedMessageError, type TopicNames, decodeHistoryCommand, decodeHistoryEvent, topicNames } from "@eventual/core";
import type { LogPort, LogRecord, OutgoingRecord, PartitionBatch, PartitionProcessor } from "@eventual/log";
import { type BatchResult, type CommandOutcome, HistoryPartition } from "./history-partition";

/** Where the processor reports what it did; logs are structured (one object per line). */
export interface HistoryLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

interface PartitionSlot {
  state: HistoryPartition;
  /** The last batch handed back to the log, kept until the next one proves it committed. */
  last?: { firstOffset: bigint; result: BatchResult };
}

/**
 * The history service's work on history.commands: for each assigned partition it rebuilds
 * the workflows' states from history.events, then turns command batches into records that
 * the log port commits together with the consumed offsets.
 *
 * A batch whose transaction failed comes back starting at the same offset; the processor
 * recognises that and undoes the batch's state changes before applying it again, so the
 * in-memory state always matches what is committed.
 *
 * @example
 * await log.runProcessor({ groupId: "history", topics: [topicNames().historyCommands], processor: new HistoryCommandsProcessor(log, logger) });
 */
export class HistoryCommandsProcessor implements PartitionProcessor {
  private readonly partitions = new Map<number, PartitionSlot>();

  constructor(
    private readonly log: LogPort,
    private readonly logger: HistoryLogger,
    private readonly onOutcomes: (outcomes: CommandOutcome[]) => void = () => undefined,
    private readonly topics: TopicNames = topicNames(),
  ) {}

  get assignedPartitions(): number[] {
    return [...this.partitions.keys()].sort((a, b) => a - b);
  }

  async onAssigned(_topic: string, partition: number): Promise<void> {
    const started = Date.now();
    const state = await this.rebuild(partition);
    this.partitions.set(partition, { state });
    this.logger.info("partition assigned", { partition, workflows: state.workflowCount, rebuildMs: Date.now() - started });
  }

  async onRevoked(_topic: string, partition: number): Promise<void> {
    this.partitions.delete(partition);
    this.logger.info("partition revoked", { partition });
  }

  async process(batch: PartitionBatch): Promise<OutgoingRecord[]> {
    const slot = this.partitions.get(batch.partition);
    if (!slot) throw new Error(`history.commands partition ${batch.partition} is not assigned to this instance`);
    const firstOffset = batch.records[0]?.offset;
    if (firstOffset === undefined) return [];
    if (slot.last) {
      if (firstOffset === slot.last.firstOffset) {
        // The previous batch did not commit and is being delivered again.
        slot.last.result.undo();
      } else if (firstOffset < slot.last.firstOffset) {
        this.logger.warn("batch starts before the last one; rebuilding the partition from the log", { partition: batch.partition });
        slot.state = await this.rebuild(batch.partition);
      }
    }
    const commands: HistoryCommandMessage[] = [];
    const deadLetters: OutgoingRecord[] = [];
    for (const record of batch.records) {
      try {
        commands.push(decodeHistoryCommand(record.value));
      } catch (error) {
        if (!(error instanceof MalformedMessageError)) throw error;
        // Retrying a record no command can be made of would block the partition forever; it
        // moves to dead-letters instead, in this batch's transaction, with where it came from.
        this.logger.error("malformed history.commands record moved to dead-letters", { partition: batch.partition, offset: String(record.offset), error: error.message });
        deadLetters.push(deadLetter(this.topics.deadLetters, record, error.message));
      }
    }
    const result = slot.state.apply(commands);
    slot.last = { firstOffset, result };
    this.onOutcomes(result.outcomes);
    for (const outcome of result.outcomes) {
      if (outcome.status === "rejected") {
        this.logger.info("command rejected", { workflowId: outcome.workflowId, reason: outcome.rejection.reason, message: outcome.rejection.message });
      }
    }
    return deadLetters.length > 0 ? [...result.records, ...deadLetters] : result.records;
  }

  /** Reads the partition's events from the start of history.events and folds them. */
  private async rebuild(partition: number): Promise<HistoryPartition> {
    const state = new HistoryPartition(partition, this.topics);
    await this.log.readPartition(this.topics.historyEvents, partition, 0n, (records) => {
      state.rebuild(records.map((r) => decodeHistoryEvent(r.value)));
    });
    return state;
  }
}

/**
 * A record kept on the dead-letter topic: its key, value and headers as they were, plus
 * `dead-letter.*` headers naming its source and the reason, so it can be inspected or replayed.
 */
export function deadLetter(topic: string, record: LogRecord, reason: string): OutgoingRecord {
  return {
    topic,
    key: record.key || `${record.topic}/${record.partition}`,
    value: record.value,
    headers: {
      ...record.headers,
      "dead-letter.topic": record.topic,
      "dead-letter.partition": String(record.partition),
      "dead-letter.offset": String(record.offset),
      "dead-letter.reason": reason,
    },
  };
}
