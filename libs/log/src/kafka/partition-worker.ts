import type { LogRecord } from "../log-port";
import type { GroupMembership } from "./group-membership";
import type { ResolvedKafkaLogOptions } from "./kafka-log.options";
import type { PartitionReader } from "./partition-reader";

/** What every partition worker of one group shares. */
export interface WorkerContext {
  options: ResolvedKafkaLogOptions;
  membership: GroupMembership;
  /** A reader with its own connection, owned (and closed) by the worker. */
  createReader(): PartitionReader;
  maxBatchRecords: number;
}

/**
 * Owns one assigned partition for as long as it stays assigned: runs "sessions" one after the
 * other until stopped. A session sets the partition up from durable state (committed offsets,
 * rebuilt processor state), then fetches and handles batches strictly in order, one at a time.
 * Any failure ends the session; the next one starts from durable state again, so nothing a
 * failed attempt did in memory (a half-applied batch, a position past the committed offset)
 * survives it.
 */
export abstract class PartitionWorker {
  protected stopping = false;
  private readonly abort = new AbortController();
  private done: Promise<void> = Promise.resolve();
  protected readonly reader: PartitionReader;

  constructor(
    readonly topic: string,
    readonly partition: number,
    protected readonly context: WorkerContext,
  ) {
    this.reader = context.createReader();
  }

  /** Starts once `after` settles (the previous worker of this partition, if it is stopping). */
  start(after: Promise<void>): void {
    this.done = this.loop(after);
  }

  /** Lets the batch in flight finish, drops whatever else was fetched, and ends the worker. */
  stop(): Promise<void> {
    this.stopping = true;
    this.abort.abort();
    return this.done;
  }

  /** Runs until `stopping` (resolves) or a failure (throws); cleans up after itself. */
  protected abstract session(): Promise<void>;

  /** Fetches the next records from `position`, or none if the worker is stopping meanwhile. */
  protected async fetchFrom(position: bigint): Promise<{ records: LogRecord[]; nextOffset: bigint }> {
    // No new batch during a rebalance: the partition may be about to move, and another
    // owner's producer would fence ours mid-transaction.
    await this.untilStopped(this.context.membership.whenStable());
    if (this.stopping) return { records: [], nextOffset: position };
    const fetched = await this.reader.fetch(this.topic, this.partition, position);
    // A revocation that arrived during the fetch: these records are someone else's now.
    return this.stopping ? { records: [], nextOffset: position } : fetched;
  }

  /**
   * Fetches from `position` and hands batches to `handle` strictly in order until stopped.
   * After a fetch fully handled, moves on to the fetch's end — past transaction markers too,
   * or a partition ending in one would be fetched forever.
   */
  protected async consumeFrom(position: bigint, handle: (batch: LogRecord[]) => Promise<void>): Promise<void> {
    while (!this.stopping) {
      const { records, nextOffset } = await this.fetchFrom(position);
      let completed = true;
      for (const batch of this.batches(records)) {
        if (this.stopping) {
          completed = false;
          break;
        }
        await handle(batch);
        position = batch[batch.length - 1].offset + 1n;
      }
      if (completed && nextOffset > position) position = nextOffset;
    }
  }

  /** Splits fetched records into batches of at most `maxBatchRecords`. */
  protected *batches(records: LogRecord[]): Generator<LogRecord[]> {
    for (let i = 0; i < records.length; i += this.context.maxBatchRecords) {
      yield records.slice(i, i + this.context.maxBatchRecords);
    }
  }

  protected report(error: unknown, phase: string): void {
    this.context.options.onError(error, { topic: this.topic, partition: this.partition, groupId: this.context.membership.groupId, phase });
  }

  private async loop(after: Promise<void>): Promise<void> {
    await after.catch(() => undefined);
    try {
      while (!this.stopping) {
        try {
          await this.session();
        } catch (error) {
          if (!this.stopping) this.report(error, "partition session");
        }
        if (!this.stopping) await delay(this.context.options.restartBackoffMs, this.abort.signal);
      }
    } finally {
      await this.reader.close().catch((error) => this.report(error, "closing fetch connection"));
    }
  }

  /** Waits for `promise`, or less if the worker is stopped meanwhile. */
  protected untilStopped<T>(promise: Promise<T>): Promise<T | void> {
    if (this.stopping) return Promise.resolve();
    return new Promise<T | void>((resolve, reject) => {
      const onAbort = () => resolve();
      this.abort.signal.addEventListener("abort", onAbort, { once: true });
      promise.then(
        (value) => (this.abort.signal.removeEventListener("abort", onAbort), resolve(value)),
        (error) => (this.abort.signal.removeEventListener("abort", onAbort), reject(error)),
      );
    });
  }
}

/** Sleeps `ms`, or less if `signal` aborts (clearing the timer, so no handle outlives a stop). */
function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
  });
}
