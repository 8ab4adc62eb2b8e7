import type { Pool } from "pg";
import type { LogRecord } from "../log-port";
import type { NotificationListener } from "./notification.listener";
import type { Claimant } from "./partition-fence";
import type { ResolvedPostgresLogOptions } from "./postgres-log.options";
import type { LogTables } from "./postgres-log.schema";
import { readRecords } from "./record-reader";

/** What a partition worker needs: the log's plumbing and the partition it now owns. */
export interface WorkerContext {
  options: ResolvedPostgresLogOptions;
  tables: LogTables;
  pool: Pool;
  listener: NotificationListener;
  maxBatchRecords: number;
  topic: string;
  partition: number;
  claimant: Claimant;
}

/**
 * Works one owned partition for as long as this member owns it, in "sessions" one after the
 * other until stopped. A session sets the partition up from durable state (claim, committed or
 * caller-stored offset, rebuilt processor state), then reads and handles batches strictly in
 * order, one at a time. Any failure ends the session and the next starts from durable state
 * again, so nothing a failed attempt did in memory survives it.
 */
export abstract class PartitionWorker {
  protected stopping = false;
  private readonly abort = new AbortController();
  private done: Promise<void> = Promise.resolve();

  constructor(protected readonly context: WorkerContext) {}

  get topic(): string {
    return this.context.topic;
  }

  get partition(): number {
    return this.context.partition;
  }

  start(): void {
    this.done = this.loop();
  }

  /** Lets the batch in flight finish, then ends the worker (its revocation hook included). */
  stop(): Promise<void> {
    this.stopping = true;
    this.abort.abort();
    return this.done;
  }

  /** Runs until `stopping` (resolves) or a failure (throws). */
  protected abstract session(): Promise<void>;

  /**
   * The next records from `position` (at most `maxBatchRecords`), waiting for an append if
   * there are none; empty only when the worker is stopping.
   */
  protected async nextBatch(position: bigint): Promise<LogRecord[]> {
    const { pool, tables, listener, topic, partition, maxBatchRecords, options } = this.context;
    while (!this.stopping) {
      // Read the version first: an append committed after the query wakes the wait below.
      const seen = listener.version(topic, partition);
      const records = await readRecords(pool, tables, topic, partition, position, maxBatchRecords);
      if (this.stopping) break;
      if (records.length > 0) return records;
      await listener.waitForAppend(topic, partition, seen, options.pollIntervalMs, this.abort.signal);
    }
    return [];
  }

  protected report(error: unknown, phase: string): void {
    const { options, topic, partition, claimant } = this.context;
    options.onError(error, { topic, partition, groupId: claimant.groupId, phase });
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      try {
        await this.session();
      } catch (error) {
        // Reported even while stopping: a batch in flight that fails to commit then is news.
        this.report(error, "partition session");
      }
      if (!this.stopping) await delay(this.context.options.restartBackoffMs, this.abort.signal);
    }
  }
}

/** Sleeps `ms`, or less if `signal` aborts (clearing the timer, so no handle outlives a stop). */
export function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
  });
}
