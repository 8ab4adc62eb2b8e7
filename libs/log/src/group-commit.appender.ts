interface Pending<T> {
  records: T[];
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Funnels appends through one send at a time, coalescing the calls that arrived meanwhile into
 * one batch (group commit): N concurrent appends become one produce request instead of N
 * queued ones. The Kafka adapter must send one request at a time (concurrent sends on its
 * idempotent producer lost records), so without this every concurrent caller — the gateway's
 * commands, matching's task starts, timers' firings — would wait for all the others' round
 * trips. A failed send fails exactly the callers whose records it carried.
 *
 * @example
 * const appender = new GroupCommitAppender((records) => producer.send(records));
 * await Promise.all(commands.map((c) => appender.append([c]))); // one send with all of them
 */
export class GroupCommitAppender<T> {
  private queue: Array<Pending<T>> = [];
  private draining = false;

  constructor(
    private readonly send: (records: T[]) => Promise<void>,
    private readonly maxBatchRecords = 500,
  ) {}

  /** Resolves once the records are durably appended (with whatever batch carried them). */
  append(records: T[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ records, resolve, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.takeBatch();
        try {
          await this.send(batch.flatMap((pending) => pending.records));
          for (const pending of batch) pending.resolve();
        } catch (error) {
          // The whole produce request failed or its outcome is unclear: every caller in it hears so.
          for (const pending of batch) pending.reject(error);
        }
      }
    } finally {
      this.draining = false;
    }
  }

  private takeBatch(): Array<Pending<T>> {
    let count = 0;
    let take = 0;
    while (take < this.queue.length && (take === 0 || count + this.queue[take].records.length <= this.maxBatchRecords)) {
      count += this.queue[take].records.length;
      take++;
    }
    return this.queue.splice(0, take);
  }
}
