import { type MatchingTaskMessage, assertNever } from "@eventual/core";

export type TaskKind = "workflow" | "activity";

type Dispatch = Extract<MatchingTaskMessage, { type: "DispatchWorkflowTask" | "DispatchActivityTask" }>;

/** A task read from matching.tasks, remembered with where it came from. */
export interface QueuedTask {
  partition: number;
  offset: bigint;
  message: Dispatch;
}

interface Waiter {
  resolve(task: QueuedTask | undefined): void;
}

interface PartitionProgress {
  /** Offsets read but not yet finished (queued, or handed out and not acknowledged). */
  outstanding: Set<bigint>;
  /** The offset after the last record read. */
  next: bigint;
}

/**
 * The task queues of one matching instance: tasks from the matching.tasks partitions it owns,
 * FIFO per (kind, task queue), handed to long polls. A task's offset stays outstanding until
 * the caller acknowledges that its start was recorded, so a crash before that redelivers it
 * (history ignores a second start of the same task) and no task is ever lost.
 *
 * @example
 * book.offer(3, 120n, dispatch);                  // from the consumer
 * const task = await book.poll("activity", "main", 30_000, signal);  // from a worker's poll
 * book.ack(task.partition, task.offset);          // after the started command committed
 * book.committable(3);                            // → offset safe to commit
 */
export class TaskQueueBook {
  private readonly queues = new Map<string, QueuedTask[]>();
  private readonly waiters = new Map<string, Waiter[]>();
  private readonly progress = new Map<number, PartitionProgress>();

  /** Records a task (or a withdrawal) read from a partition, in offset order. */
  offer(partition: number, offset: bigint, message: MatchingTaskMessage): void {
    const progress = this.progressOf(partition);
    progress.next = offset + 1n;
    switch (message.type) {
      case "DispatchWorkflowTask":
      case "DispatchActivityTask": {
        const task: QueuedTask = { partition, offset, message };
        progress.outstanding.add(offset);
        const key = queueKey(kindOf(message), taskQueueOf(message));
        const waiter = this.waiters.get(key)?.shift();
        if (waiter) waiter.resolve(task);
        else this.queue(key).push(task);
        return;
      }
      case "CancelActivityTask": {
        // The activity ended (cancelled, timed out, workflow closed): a queued attempt must not run.
        const { workflowId, runId, activityId } = message.data;
        for (const [key, tasks] of this.queues) {
          const index = tasks.findIndex(
            (t) => t.message.type === "DispatchActivityTask" && t.message.data.workflowId === workflowId && t.message.data.runId === runId && t.message.data.activityId === activityId,
          );
          if (index >= 0) {
            const [removed] = tasks.splice(index, 1);
            this.progressOf(removed.partition).outstanding.delete(removed.offset);
            if (tasks.length === 0) this.queues.delete(key);
          }
        }
        return;
      }
      default:
        assertNever(message, "matching task");
    }
  }

  /** The next task of a queue, waiting up to `timeoutMs`; undefined when none came. */
  poll(kind: TaskKind, taskQueue: string, timeoutMs: number, signal?: AbortSignal): Promise<QueuedTask | undefined> {
    const key = queueKey(kind, taskQueue);
    const queued = this.queues.get(key);
    while (queued && queued.length > 0) {
      const task = queued.shift()!;
      if (queued.length === 0) this.queues.delete(key);
      // Acknowledged while it sat in the queue (a late ack after its lease ran out and it was
      // requeued): a worker has it already, so it is not handed out again.
      if (this.isOutstanding(task.partition, task.offset)) return Promise.resolve(task);
    }
    if (signal?.aborted || timeoutMs <= 0) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        resolve: (task) => {
          clearTimeout(timer);
          signal?.removeEventListener("abort", onAbort);
          resolve(task);
        },
      };
      const leave = () => {
        const list = this.waiters.get(key);
        const index = list?.indexOf(waiter) ?? -1;
        if (list && index >= 0) list.splice(index, 1);
        waiter.resolve(undefined);
      };
      const onAbort = () => leave();
      const timer = setTimeout(leave, timeoutMs);
      signal?.addEventListener("abort", onAbort, { once: true });
      let list = this.waiters.get(key);
      if (!list) this.waiters.set(key, (list = []));
      list.push(waiter);
    });
  }

  /** The task's start is recorded: its offset no longer holds back the commit. */
  ack(partition: number, offset: bigint): void {
    this.progress.get(partition)?.outstanding.delete(offset);
  }

  /** True while the task at this offset is queued or handed out and not acknowledged. */
  isOutstanding(partition: number, offset: bigint): boolean {
    return this.progress.get(partition)?.outstanding.has(offset) ?? false;
  }

  /** A task that did not reach a worker goes back to the front of its queue. */
  requeue(task: QueuedTask): void {
    if (!this.isOutstanding(task.partition, task.offset)) return;
    const key = queueKey(kindOf(task.message), taskQueueOf(task.message));
    const waiter = this.waiters.get(key)?.shift();
    if (waiter) waiter.resolve(task);
    else this.queue(key).unshift(task);
  }

  /** The offset up to which everything of the partition is finished: safe to commit. */
  committable(partition: number): bigint | undefined {
    const progress = this.progress.get(partition);
    if (!progress) return undefined;
    let lowest = progress.next;
    for (const offset of progress.outstanding) if (offset < lowest) lowest = offset;
    return lowest;
  }

  /** The partition moved to another instance: forget its tasks (the new owner reads them again). */
  dropPartition(partition: number): void {
    this.progress.delete(partition);
    for (const [key, tasks] of this.queues) {
      const kept = tasks.filter((t) => t.partition !== partition);
      if (kept.length === 0) this.queues.delete(key);
      else this.queues.set(key, kept);
    }
  }

  /** Queued (not handed out) tasks of a queue, for metrics and tests. */
  depth(kind: TaskKind, taskQueue: string): number {
    return this.queues.get(queueKey(kind, taskQueue))?.length ?? 0;
  }

  private queue(key: string): QueuedTask[] {
    let list = this.queues.get(key);
    if (!list) this.queues.set(key, (list = []));
    return list;
  }

  private progressOf(partition: number): PartitionProgress {
    let progress = this.progress.get(partition);
    if (!progress) this.progress.set(partition, (progress = { outstanding: new Set(), next: 0n }));
    return progress;
  }
}

function kindOf(message: Dispatch): TaskKind {
  return message.type === "DispatchWorkflowTask" ? "workflow" : "activity";
}

/** Workflow tasks name their queue; an activity's is among its options. */
function taskQueueOf(message: Dispatch): string {
  return message.type === "DispatchWorkflowTask" ? message.data.taskQueue : message.data.options.taskQueue;
}

function queueKey(kind: TaskKind, taskQueue: string): string {
  return `${kind}\u0000${taskQueue}`;
}
