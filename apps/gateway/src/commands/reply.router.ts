import type { CommandOutcome, HistoryReplyMessage } from "@eventual/core";
import { type LogPort, type LogRecord, partitionFor } from "@eventual/log";
import type { JsonLogger } from "@eventual/service-kit";

/** A reply did not arrive before the caller's time ran out. */
export class ReplyTimeoutError extends Error {
  override readonly name = "ReplyTimeoutError";
}

/** The router was stopped (shutdown) while a call still waited. */
export class ReplyRouterStoppedError extends Error {
  override readonly name = "ReplyRouterStoppedError";
}

interface Waiter {
  resolve(outcome: CommandOutcome): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

export interface ReplyRouterOptions {
  topic: string;
  gatewayId: string;
  /** Pause between reads when the partition has nothing new. */
  idleMs?: number;
}

/**
 * Routes history.replies records to the calls waiting for them, by correlation id.
 *
 * History keys every reply by the gateway id, so all replies for this instance are in one
 * partition: the router reads only that partition, with its own position (no consumer group,
 * so no group is left behind per instance). It starts at the partition's end at start-up —
 * replies to an earlier process are of no use — and reads only while some call is waiting,
 * so an idle gateway puts no load on the broker; records that arrived meanwhile are skipped
 * over on the next read (nobody was waiting for them).
 *
 * Register before appending the command (`expect`), so a fast reply cannot be missed.
 *
 * @example
 * const router = new ReplyRouter(log, logger, { topic: topics.historyReplies, gatewayId: "gw-1" });
 * await router.start();
 * const reply = router.expect(correlationId, 5_000);
 * await log.append([{ topic: topics.historyCommands, key: workflowId, value: encodeMessage({ workflowId, command, replyTo: { gateway: "gw-1", correlationId } }) }]);
 * const outcome = await reply;
 */
export class ReplyRouter {
  private readonly waiters = new Map<string, Waiter>();
  private partition = -1;
  private position = 0n;
  private reading?: Promise<void>;
  private stopped = false;
  private readonly idleMs: number;

  constructor(
    private readonly log: LogPort,
    private readonly logger: Pick<JsonLogger, "warn" | "debug">,
    private readonly options: ReplyRouterOptions,
  ) {
    this.idleMs = options.idleMs ?? 10;
  }

  /** Finds this instance's partition and its end. */
  async start(): Promise<void> {
    this.partition = partitionFor(this.options.gatewayId, await this.log.partitionCount(this.options.topic));
    // The log port has no "end offset" call, so reading through the partition once finds the
    // end; the partition only holds replies (small, short-lived records) of gateways hashing here.
    this.position = await this.log.readPartition(this.options.topic, this.partition, 0n, () => undefined);
  }

  get pending(): number {
    return this.waiters.size;
  }

  /** Waits up to `timeoutMs` for the reply with this correlation id. */
  expect(correlationId: string, timeoutMs: number): Promise<CommandOutcome> {
    if (this.stopped) return Promise.reject(new ReplyRouterStoppedError("the gateway is shutting down"));
    if (this.partition < 0) return Promise.reject(new Error("ReplyRouter.start() was not called"));
    const reply = new Promise<CommandOutcome>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(correlationId);
        reject(new ReplyTimeoutError(`no reply from history within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.set(correlationId, { resolve, reject, timer });
    });
    this.reading ??= this.readWhileWaiting().finally(() => (this.reading = undefined));
    return reply;
  }

  /** Drops a registration whose command could not be appended. */
  cancel(correlationId: string): void {
    const waiter = this.waiters.get(correlationId);
    if (!waiter) return;
    clearTimeout(waiter.timer);
    this.waiters.delete(correlationId);
  }

  /** Fails every waiting call and stops reading. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const [id, waiter] of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(new ReplyRouterStoppedError("the gateway is shutting down"));
      this.waiters.delete(id);
    }
    await this.reading;
  }

  private async readWhileWaiting(): Promise<void> {
    while (this.waiters.size > 0 && !this.stopped) {
      const before = this.position;
      try {
        this.position = await this.log.readPartition(this.options.topic, this.partition, this.position, (records) => this.route(records));
      } catch (error) {
        // A broker hiccup: keep the position and try again; waiting calls time out on their own.
        this.logger.warn("reading history.replies failed; retrying", { partition: this.partition, error: String(error) });
        await sleep(200);
        continue;
      }
      if (this.position === before) await sleep(this.idleMs);
    }
  }

  private route(records: LogRecord[]): void {
    for (const record of records) {
      if (record.key !== this.options.gatewayId) continue;
      let message: HistoryReplyMessage;
      try {
        message = JSON.parse(record.value) as HistoryReplyMessage;
      } catch {
        this.logger.warn("skipping a history.replies record that is not JSON", { offset: String(record.offset) });
        continue;
      }
      const waiter = this.waiters.get(message.replyTo?.correlationId);
      if (!waiter) continue; // its caller gave up, or it answers an earlier process
      clearTimeout(waiter.timer);
      this.waiters.delete(message.replyTo.correlationId);
      waiter.resolve(message.outcome);
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
