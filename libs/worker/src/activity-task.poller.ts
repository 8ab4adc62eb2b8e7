import type { ActivityTask, WorkerApiClient } from "@eventual/client";
import type { Payload } from "@eventual/core";
import { type Activity, CancelledError } from "@eventual/sdk";
import { executeActivity } from "./activity-executor";
import { reportWithRetry } from "./report-retry";
import { pause } from "./workflow-task.poller";

type Log = (level: "info" | "warn" | "error", message: string, fields?: Record<string, unknown>) => void;

/**
 * Polls activity tasks (several polls at once) while fewer than `maxConcurrent` run, executes each with heartbeats and
 * cancellation, and reports the outcome. Heartbeats are throttled: the first goes at once,
 * later ones at most every half heartbeat timeout, always sending the latest details.
 */
export class ActivityTaskPoller {
  private readonly running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  private polling = 0;

  constructor(
    private readonly api: WorkerApiClient,
    private readonly activities: (name: string) => Activity<any[], any> | undefined,
    private readonly settings: { taskQueue: string; identity: string; pollTimeoutMs: number; maxConcurrent: number; pollers: number },
    private readonly log: Log,
  ) {}

  get inFlight(): number {
    return this.running.size;
  }

  /**
   * Runs `pollers` long polls at once (never more than `maxConcurrent`): one poll at a time
   * would cap the activities started per second at one per poll round trip.
   */
  async run(stopping: AbortSignal): Promise<void> {
    const pollers = Math.max(1, Math.min(this.settings.pollers, this.settings.maxConcurrent));
    await Promise.all(Array.from({ length: pollers }, () => this.pollLoop(stopping)));
  }

  private async pollLoop(stopping: AbortSignal): Promise<void> {
    while (!stopping.aborted) {
      // A poll holds a slot too: a task it brings back must be able to run. With pollers <=
      // maxConcurrent, a full house always includes a running activity to wait for.
      if (this.running.size + this.polling >= this.settings.maxConcurrent) {
        await Promise.race([...this.running.values()].map((r) => r.done));
        continue;
      }
      let task: ActivityTask | undefined;
      this.polling++;
      try {
        task = await this.api.pollActivityTask(
          { taskQueue: this.settings.taskQueue, identity: this.settings.identity },
          { timeout: this.settings.pollTimeoutMs, signal: stopping },
        );
      } catch (error) {
        if (stopping.aborted) return;
        this.log("warn", "activity task poll failed; retrying", { error: (error as Error).message });
        await pause(1_000, stopping);
        continue;
      } finally {
        this.polling--;
      }
      if (task) this.start(task);
    }
  }

  /** Waits for running attempts up to `graceMs`, then cancels the rest and waits for their reports. */
  async drain(graceMs: number): Promise<void> {
    const all = () => Promise.all([...this.running.values()].map((r) => r.done));
    const timer = new Promise<"late">((resolve) => setTimeout(() => resolve("late"), graceMs).unref());
    if ((await Promise.race([all().then(() => "done" as const), timer])) === "late") {
      for (const { controller } of this.running.values()) controller.abort(new CancelledError("worker is shutting down"));
      await all();
    }
  }

  private start(task: ActivityTask): void {
    const controller = new AbortController();
    const done = this.execute(task, controller).finally(() => this.running.delete(task.taskToken));
    this.running.set(task.taskToken, { controller, done });
  }

  private async execute(task: ActivityTask, controller: AbortController): Promise<void> {
    const { taskToken, activityType } = task;
    const identity = this.settings.identity;
    const definition = this.activities(activityType);
    if (!definition) {
      await this.report(task, () =>
        this.api.failActivityTask({
          taskToken,
          identity,
          failure: { type: "ActivityNotRegisteredError", message: `This worker (${identity}) has no activity "${activityType}"`, nonRetryable: true },
        }),
      );
      return;
    }
    const heartbeats = new HeartbeatSender(this.api, taskToken, task.heartbeatTimeoutMs, controller, (error) =>
      this.log("warn", "heartbeat failed", { activityType, error: error.message }),
    );
    const limit = task.startToCloseTimeoutMs ?? task.scheduleToCloseTimeoutMs;
    const timeout = limit ? setTimeout(() => controller.abort(new CancelledError(`start-to-close timeout of ${limit} ms passed`)), limit) : undefined;
    const info = { activityId: task.activityId, activityType, attempt: task.attempt, workflowId: task.workflowId, runId: task.runId, taskQueue: this.settings.taskQueue };
    const outcome = await executeActivity(definition, { info, input: task.input }, { heartbeat: (d) => heartbeats.send(d), signal: controller.signal });
    clearTimeout(timeout);
    heartbeats.stop();
    await this.report(task, () =>
      outcome.ok
        ? this.api.completeActivityTask({ taskToken, identity, result: outcome.result })
        : this.api.failActivityTask({ taskToken, identity, failure: outcome.failure }),
    );
  }

  private async report(task: ActivityTask, call: () => Promise<void>): Promise<void> {
    try {
      await reportWithRetry(call, {
        onRetry: (error, attempt) => this.log("warn", "activity result not delivered; retrying", { activityType: task.activityType, workflowId: task.workflowId, attempt, error: error.message }),
      });
    } catch (error) {
      // NOT_FOUND: the attempt timed out or was cancelled meanwhile; its result no longer counts.
      this.log("warn", "could not report activity result", { activityType: task.activityType, workflowId: task.workflowId, error: (error as Error).message });
    }
  }
}

class HeartbeatSender {
  private lastSent = 0;
  private pending?: { details: Payload };
  private timer?: NodeJS.Timeout;
  private readonly intervalMs: number;

  constructor(
    private readonly api: WorkerApiClient,
    private readonly taskToken: string,
    heartbeatTimeoutMs: number | undefined,
    private readonly controller: AbortController,
    private readonly onError: (error: Error) => void,
  ) {
    this.intervalMs = heartbeatTimeoutMs ? Math.max(100, Math.floor(heartbeatTimeoutMs / 2)) : 30_000;
  }

  send(details: Payload): void {
    this.pending = { details: details ?? null };
    const wait = this.lastSent + this.intervalMs - Date.now();
    if (wait <= 0) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), wait);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.pending = undefined;
  }

  private flush(): void {
    this.timer = undefined;
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    this.lastSent = Date.now();
    this.api
      .heartbeatActivityTask({ taskToken: this.taskToken, details: pending.details })
      .then(({ cancelRequested }) => {
        if (cancelRequested && !this.controller.signal.aborted) this.controller.abort(new CancelledError("the workflow cancelled this activity"));
      })
      .catch((error: Error) => this.onError(error));
  }
}
