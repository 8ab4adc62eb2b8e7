import { type HistoryCommandMessage, type TopicNames, encodeMessage } from "@eventual/core";
import type { OutgoingRecord } from "@eventual/log";
import type { DurableTimer, TimerStore } from "@eventual/store";

export interface FiringOptions {
  /** Timers claimed per transaction (default 500). */
  batchSize?: number;
  /** Longest sleep between checks: another instance may arm an earlier timer (default 1 s). */
  maxSleepMs?: number;
  clock?: () => number;
}

/**
 * Fires due timers into history.commands, at or after their time and at least once: a timer
 * row is deleted only after its TimerFired was appended, and the core ignores a second fire
 * of the same timer (DESIGN §3.3). Sleeps until the next due timer, or until woken.
 *
 * @example
 * const loop = new TimerFiringLoop(timers, (records) => log.append(records), topics);
 * void loop.run(shutdown.signal);
 */
export class TimerFiringLoop {
  private wakeUp?: () => void;
  private readonly batchSize: number;
  private readonly maxSleepMs: number;
  private readonly clock: () => number;
  fired = 0;

  constructor(
    private readonly timers: TimerStore,
    private readonly append: (records: OutgoingRecord[]) => Promise<void>,
    private readonly topics: TopicNames,
    options: FiringOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.maxSleepMs = options.maxSleepMs ?? 1_000;
    this.clock = options.clock ?? Date.now;
  }

  /** A timer was armed for `fireAt`: wake now if it is earlier than the current sleep. */
  armed(fireAt: number): void {
    if (fireAt <= this.clock() + this.maxSleepMs) this.wakeUp?.();
  }

  /** Fires everything due now; returns how many. */
  async fireDue(): Promise<number> {
    let total = 0;
    for (;;) {
      const fired = await this.timers.claimDue(this.clock(), this.batchSize, (due) => this.append(due.map((t) => this.record(t))));
      total += fired;
      if (fired < this.batchSize) break;
    }
    this.fired += total;
    return total;
  }

  async run(stopping: AbortSignal, onError: (error: unknown) => void = () => undefined): Promise<void> {
    while (!stopping.aborted) {
      try {
        await this.fireDue();
        const next = await this.timers.nextDueAt();
        const sleep = next === undefined ? this.maxSleepMs : Math.min(this.maxSleepMs, Math.max(0, next - this.clock()));
        await this.sleep(sleep, stopping);
      } catch (error) {
        onError(error);
        await this.sleep(this.maxSleepMs, stopping);
      }
    }
  }

  private record(timer: DurableTimer): OutgoingRecord {
    const message: HistoryCommandMessage = {
      workflowId: timer.workflowId,
      command: { type: "TimerFired", now: this.clock(), data: { runId: timer.runId, timerId: timer.timerId } },
    };
    return { topic: this.topics.historyCommands, key: timer.workflowId, value: encodeMessage(message) };
  }

  private sleep(ms: number, stopping: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        stopping.removeEventListener("abort", done);
        this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      stopping.addEventListener("abort", done, { once: true });
      this.wakeUp = done;
    });
  }
}
