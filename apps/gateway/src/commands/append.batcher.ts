import type { LogPort, OutgoingRecord } from "@eventual/log";

interface Pending {
  records: OutgoingRecord[];
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Funnels every append of the gateway through one `log.append` at a time, coalescing what
 * arrived meanwhile into one batch (group commit).
 *
 * Why: throughput. The log port already sends one append at a time (the Kafka adapter must:
 * concurrent sends on its idempotent producer lost records), so concurrent calls would queue
 * there one request each; coalescing them here makes N concurrent commands one produce request.
 *
 * @example
 * const batcher = new AppendBatcher(log);
 * await Promise.all(commands.map((c) => batcher.append([c]))); // one log.append with all of them
 */
export class AppendBatcher {
  private queue: Pending[] = [];
  private draining = false;

  constructor(
    private readonly log: Pick<LogPort, "append">,
    private readonly maxBatchRecords = 500,
  ) {}

  /** Resolves once the records are durably appended (with whatever batch carried them). */
  append(records: OutgoingRecord[]): Promise<void> {
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
          await this.log.append(batch.flatMap((pending) => pending.records));
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

  private takeBatch(): Pending[] {
    let count = 0;
    let take = 0;
    while (take < this.queue.length && (take === 0 || count + this.queue[take].records.length <= this.maxBatchRecords)) {
      count += this.queue[take].records.length;
      take++;
    }
    return this.queue.splice(0, take);
  }
}
