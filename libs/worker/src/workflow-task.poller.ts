import type { WorkerApiClient, WorkflowTask } from "@eventual/client";
import { toFailure } from "@eventual/sdk";
import { reportWithRetry } from "./report-retry";
import type { WorkflowCache } from "./workflow-cache";
import { StaleExecutorError, type TaskOutput } from "./workflow-run-executor";

type Log = (level: "info" | "warn" | "error", message: string, fields?: Record<string, unknown>) => void;

/**
 * One long-poll loop for workflow tasks: replay the run (from the cache when it is warm), and
 * report its commands, or the failure that stopped it (a `DeterminismError`, a bug).
 */
export class WorkflowTaskPoller {
  constructor(
    private readonly api: WorkerApiClient,
    private readonly cache: WorkflowCache,
    private readonly settings: { taskQueue: string; identity: string; pollTimeoutMs: number },
    private readonly log: Log,
  ) {}

  async run(stopping: AbortSignal): Promise<void> {
    while (!stopping.aborted) {
      let task: WorkflowTask | undefined;
      try {
        task = await this.api.pollWorkflowTask(
          { taskQueue: this.settings.taskQueue, identity: this.settings.identity },
          { timeout: this.settings.pollTimeoutMs, signal: stopping },
        );
      } catch (error) {
        if (stopping.aborted) return;
        this.log("warn", "workflow task poll failed; retrying", { error: (error as Error).message });
        await pause(1_000, stopping);
        continue;
      }
      if (task) await this.handle(task);
    }
  }

  private async handle(task: WorkflowTask): Promise<void> {
    const { taskToken, runId } = task;
    const identity = this.settings.identity;
    let output: TaskOutput | undefined;
    try {
      output = this.replay(task);
    } catch (error) {
      this.cache.evict(runId);
      this.log("warn", "workflow task failed", { workflowId: task.workflowId, runId, error: (error as Error).message });
      await this.report(() => this.api.failWorkflowTask({ taskToken, identity, failure: toFailure(error) }), task);
      return;
    }
    for (const line of output.logs) {
      this.log(line.level === "debug" ? "info" : line.level, line.message, { workflowId: task.workflowId, runId, workflowType: task.workflowType, source: "workflow" });
    }
    await this.report(() => this.api.completeWorkflowTask({ taskToken, identity, commands: output.commands }), task);
  }

  private replay(task: WorkflowTask): TaskOutput {
    let executor = this.cache.get(task.runId);
    let output: TaskOutput | undefined;
    try {
      output = executor.advance(task.history);
    } catch (error) {
      if (!(error instanceof StaleExecutorError)) throw error;
      this.cache.evict(task.runId);
      executor = this.cache.get(task.runId);
      output = executor.advance(task.history);
    }
    if (!output || output.scheduledEventId !== task.scheduledEventId) {
      throw new StaleExecutorError(`history of ${task.workflowId} does not end with workflow task ${task.scheduledEventId}`);
    }
    return output;
  }

  /** A task that timed out meanwhile is NOT_FOUND on report: the server already moved on. */
  private async report(call: () => Promise<void>, task: WorkflowTask): Promise<void> {
    try {
      await reportWithRetry(call, {
        onRetry: (error, attempt) => this.log("warn", "workflow task result not delivered; retrying", { workflowId: task.workflowId, runId: task.runId, attempt, error: error.message }),
      });
    } catch (error) {
      this.cache.evict(task.runId);
      this.log("warn", "could not report workflow task", { workflowId: task.workflowId, runId: task.runId, error: (error as Error).message });
    }
  }
}

/** Sleeps `ms`, or less if `signal` aborts; leaves no listener on the (long-lived) signal. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}
