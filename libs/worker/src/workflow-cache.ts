import type { WorkflowBundle } from "./workflow-bundler";
import { WorkflowRunExecutor } from "./workflow-run-executor";
import type { SandboxOptions } from "./workflow-sandbox";

/**
 * Runs kept in memory between their workflow tasks, least recently used evicted first. A hit
 * applies only new events; a miss (or an evicted run) replays its history from the start.
 */
export class WorkflowCache {
  private readonly runs = new Map<string, WorkflowRunExecutor>();

  constructor(
    private readonly bundle: WorkflowBundle,
    private readonly maxRuns = 1_000,
    private readonly sandboxOptions: SandboxOptions = {},
  ) {}

  /** The cached executor for a run, or a fresh one that will replay from event 1. */
  get(runId: string): WorkflowRunExecutor {
    let executor = this.runs.get(runId);
    if (executor) {
      this.runs.delete(runId);
    } else {
      executor = new WorkflowRunExecutor(this.bundle, this.sandboxOptions);
    }
    // A size of 0 keeps nothing: every task replays from the start (tests use it to prove replay).
    if (this.maxRuns > 0) this.runs.set(runId, executor);
    while (this.runs.size > this.maxRuns) {
      const oldest = this.runs.keys().next().value as string;
      this.runs.delete(oldest);
    }
    return executor;
  }

  evict(runId: string): void {
    this.runs.delete(runId);
  }

  get size(): number {
    return this.runs.size;
  }
}
