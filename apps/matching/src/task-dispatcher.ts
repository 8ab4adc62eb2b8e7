import { type HistoryCommandMessage, type TopicNames, assertNever, encodeMessage } from "@eventual/core";
import type { OutgoingRecord } from "@eventual/log";
import type { JsonLogger } from "@eventual/service-kit";
import type { QueuedTask, TaskKind, TaskQueueBook } from "./task-queue-book";
import { type TaskToken, encodeTaskToken } from "./task-token";

/** A task given to a poll, under a lease named by its token. */
export interface HandedOutTask {
  token: string;
  task: QueuedTask;
}

/** What an ack or a release found: `stale` when its lease was gone (expired, partition revoked). */
export type LeaseOutcome = "done" | "stale";

export interface DispatcherOptions {
  /** A hand-out neither acked nor released within this goes back to its queue. */
  leaseMs: number;
  clock?: () => number;
}

interface Lease {
  token: TaskToken;
  task: QueuedTask;
  timer: NodeJS.Timeout;
}

/**
 * Hands tasks from the book to polls. Per hand-out: take the task, append its started command
 * to history.commands (so history records the start before any worker can report on it), and
 * only then answer, under a lease. The lease ends with an ack (the task reached a worker: its
 * offset is done), a release (it did not: back to the front of its queue) or its expiry
 * (requeued too). Expiry is only the fast path for a lost answer; the real safety net is the
 * core's start-to-close (and schedule-to-start) timeouts, which fail or retry an attempt that
 * a worker never reports on, whatever matching did.
 *
 * @example
 * const handedOut = await dispatcher.poll("activity", "main", "host:42", 30_000, signal);
 * if (handedOut) dispatcher.ack(decodeTaskToken(handedOut.token));
 */
export class TaskDispatcher {
  private readonly leases = new Map<string, Lease>();
  private lastLease = 0;
  private handingOut = 0;
  private readonly clock: () => number;

  constructor(
    private readonly book: TaskQueueBook,
    private readonly sessionOf: (partition: number) => number | undefined,
    private readonly append: (records: OutgoingRecord[]) => Promise<void>,
    private readonly topics: TopicNames,
    private readonly options: DispatcherOptions,
    private readonly logger: JsonLogger,
  ) {
    this.clock = options.clock ?? Date.now;
  }

  /**
   * The next task of a queue, its start recorded, or undefined when none came within
   * `timeoutMs` (or the caller went away). Rejects when the start could not be appended; the
   * task is back in its queue then.
   */
  async poll(kind: TaskKind, taskQueue: string, identity: string, timeoutMs: number, signal: AbortSignal): Promise<HandedOutTask | undefined> {
    const task = await this.book.poll(kind, taskQueue, timeoutMs, signal);
    if (!task) return undefined;
    if (signal.aborted) {
      // Given to this poll in the same tick its caller went away: nobody to record a start for.
      this.book.requeue(task);
      return undefined;
    }
    this.handingOut++;
    try {
      const session = this.sessionOf(task.partition);
      try {
        await this.append([this.startedRecord(task, identity)]);
      } catch (error) {
        this.book.requeue(task);
        throw error;
      }
      // Revoked meanwhile: the new owner reads the task again and hands it out itself.
      if (session === undefined || this.sessionOf(task.partition) !== session) return undefined;
      if (signal.aborted) {
        // The caller is gone (the gateway got a task elsewhere, or the worker hung up).
        this.book.requeue(task);
        return undefined;
      }
      const token: TaskToken = { partition: task.partition, offset: task.offset, session, lease: ++this.lastLease };
      const text = encodeTaskToken(token);
      const timer = setTimeout(() => this.expire(text), this.options.leaseMs);
      timer.unref();
      this.leases.set(text, { token, task, timer });
      return { token: text, task };
    } finally {
      this.handingOut--;
    }
  }

  /** The task reached a worker: its offset no longer holds back the commit. */
  ack(token: TaskToken): LeaseOutcome {
    this.endLease(token);
    // Even after the lease expired a late ack counts: the requeued copy is then skipped.
    if (this.sessionOf(token.partition) !== token.session) return "stale";
    this.book.ack(token.partition, token.offset);
    return "done";
  }

  /** The task did not reach a worker: back to the front of its queue. */
  release(token: TaskToken): LeaseOutcome {
    const lease = this.endLease(token);
    // No lease: it expired (already requeued), was acked, or belongs to a revoked session.
    if (!lease || this.sessionOf(token.partition) !== token.session) return "stale";
    this.book.requeue(lease.task);
    return "done";
  }

  /** The partition went away: its leases end without requeueing (the new owner has the tasks). */
  dropPartition(partition: number): void {
    for (const [text, lease] of this.leases) {
      if (lease.token.partition !== partition) continue;
      clearTimeout(lease.timer);
      this.leases.delete(text);
    }
  }

  /** Hand-outs not yet acked or released, plus those still appending their start. */
  pending(): number {
    return this.leases.size + this.handingOut;
  }

  /** Waits until nothing is pending or `ms` passed; used on shutdown so late acks still count. */
  async drain(ms: number): Promise<void> {
    const until = this.clock() + ms;
    while (this.pending() > 0 && this.clock() < until) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  close(): void {
    for (const lease of this.leases.values()) clearTimeout(lease.timer);
    this.leases.clear();
  }

  private endLease(token: TaskToken): Lease | undefined {
    const text = encodeTaskToken(token);
    const lease = this.leases.get(text);
    if (lease) {
      clearTimeout(lease.timer);
      this.leases.delete(text);
    }
    return lease;
  }

  private expire(text: string): void {
    const lease = this.leases.get(text);
    if (!lease) return;
    this.leases.delete(text);
    if (this.sessionOf(lease.token.partition) !== lease.token.session) return;
    this.logger.warn("task lease expired without ack or release; requeued", { token: text, leaseMs: this.options.leaseMs });
    this.book.requeue(lease.task);
  }

  /** WorkflowTaskStarted / ActivityTaskStarted for the task, keyed by its workflow like all of history.commands. */
  private startedRecord(task: QueuedTask, identity: string): OutgoingRecord {
    const now = this.clock();
    const message = task.message;
    let command: HistoryCommandMessage;
    switch (message.type) {
      case "DispatchWorkflowTask": {
        const { workflowId, runId, scheduledEventId } = message.data;
        command = { workflowId, command: { type: "WorkflowTaskStarted", now, data: { runId, scheduledEventId, identity } } };
        break;
      }
      case "DispatchActivityTask": {
        const { workflowId, runId, activityId, attempt } = message.data;
        command = { workflowId, command: { type: "ActivityTaskStarted", now, data: { runId, activityId, attempt, identity } } };
        break;
      }
      default:
        return assertNever(message, "dispatched task");
    }
    return { topic: this.topics.historyCommands, key: command.workflowId, value: encodeMessage(command) };
  }
}
