import type { HistoryEvent, WorkflowCommand } from "@eventual/core";
import { type ActivationJob, DeterminismError, type LogEntry } from "@eventual/sdk";
import { CommandMatcher, isCommandEvent, type RunLabel } from "./command-matcher";
import { jobForEvent } from "./history-jobs";
import type { WorkflowBundle } from "./workflow-bundler";
import { SandboxLostError, type SandboxOptions, WorkflowSandbox } from "./workflow-sandbox";

/** What the current workflow task asks for. */
export interface TaskOutput {
  scheduledEventId: number;
  commands: WorkflowCommand[];
  logs: LogEntry[];
}

/**
 * The cached run no longer matches its history (its last task failed or timed out after
 * this executor produced commands): drop it and replay from the start.
 */
export class StaleExecutorError extends Error {
  override readonly name = "StaleExecutorError";
}

/** A workflow type is not in the bundle. */
export class WorkflowNotRegisteredError extends Error {
  override readonly name = "WorkflowNotRegisteredError";
}

interface OpenTask {
  scheduledEventId: number;
  startedAt: number;
  jobs: ActivationJob[];
}

/**
 * Replays one run's history through its sandbox, one workflow task at a time, and runs the
 * current task live. Incremental: `advance` takes only events it has not seen, so a cached
 * run pays for new events only.
 *
 * Events that arrive while a task is in flight (between its Started and Completed events)
 * were not seen by that task; they are delivered in the next activation, which is exactly
 * what the live run experienced.
 *
 * @example
 * const executor = new WorkflowRunExecutor(bundle);
 * const output = executor.advance(historySoFar); // commands for the open workflow task
 */
export class WorkflowRunExecutor {
  private readonly sandbox: WorkflowSandbox;
  private lastEventId = 0;
  private pendingJobs: ActivationJob[] = [];
  private openTask?: OpenTask;
  private liveOutput?: TaskOutput;
  private matcher?: CommandMatcher;
  private run?: RunLabel;
  private readonly activityTypes = new Map<number, string>();

  constructor(bundle: WorkflowBundle, options: SandboxOptions = {}) {
    this.sandbox = WorkflowSandbox.create(bundle, options);
  }

  get processedEventId(): number {
    return this.lastEventId;
  }

  /**
   * Applies events after the ones already seen. Returns the output of the open workflow task
   * if the history ends with one, otherwise undefined.
   */
  advance(events: readonly HistoryEvent[]): TaskOutput | undefined {
    for (const event of events) {
      if (event.eventId <= this.lastEventId) continue;
      if (event.eventId !== this.lastEventId + 1) {
        throw new StaleExecutorError(`Expected event ${this.lastEventId + 1}, got ${event.eventId}`);
      }
      this.apply(event);
      this.lastEventId = event.eventId;
    }
    return this.runOpenTask();
  }

  /** The history is complete (a closed run): checks the last task's commands against it. */
  endOfHistory(): void {
    this.matcher?.finish();
    this.matcher = undefined;
  }

  private apply(event: HistoryEvent): void {
    // Remembered before matching: a failure of the first attempt needs the activity's name.
    if (event.type === "ActivityTaskScheduled") this.activityTypes.set(event.data.seq, event.data.activityType);
    if (this.matcher) {
      if (isCommandEvent(event)) {
        this.matcher.match(event);
        return;
      }
      this.matcher.finish();
      this.matcher = undefined;
    }
    switch (event.type) {
      case "WorkflowStarted":
        this.run = { workflowType: event.data.workflowType, workflowId: event.data.workflowId, runId: event.data.runId };
        break;
      case "WorkflowTaskStarted":
        this.openTask = { scheduledEventId: event.data.scheduledEventId, startedAt: event.timestamp, jobs: this.pendingJobs };
        this.pendingJobs = [];
        return;
      case "WorkflowTaskCompleted": {
        const task = this.requireOpenTask(event);
        const commands =
          this.liveOutput?.scheduledEventId === task.scheduledEventId
            ? this.liveOutput.commands
            : this.activate(task, true).commands;
        this.liveOutput = undefined;
        this.openTask = undefined;
        this.matcher = new CommandMatcher(commands, this.requireRun());
        return;
      }
      case "WorkflowTaskFailed":
      case "WorkflowTaskTimedOut": {
        const task = this.requireOpenTask(event);
        if (this.liveOutput?.scheduledEventId === task.scheduledEventId) {
          throw new StaleExecutorError(`Workflow task ${task.scheduledEventId} ${event.type === "WorkflowTaskFailed" ? "failed" : "timed out"} after this worker ran it`);
        }
        // The failed task's inputs were never acted on: deliver them with the next task.
        this.pendingJobs = [...task.jobs, ...this.pendingJobs];
        this.openTask = undefined;
        return;
      }
      default:
        break;
    }
    const job = jobForEvent(event, this.activityTypes);
    if (job) this.pendingJobs.push(job);
  }

  private runOpenTask(): TaskOutput | undefined {
    const task = this.openTask;
    if (!task) return undefined;
    if (this.liveOutput?.scheduledEventId === task.scheduledEventId) return this.liveOutput;
    this.liveOutput = this.activate(task, false);
    return this.liveOutput;
  }

  private activate(task: OpenTask, replaying: boolean): TaskOutput {
    let output;
    try {
      output = this.sandbox.activate({ jobs: task.jobs, now: task.startedAt, replaying });
    } catch (error) {
      if (error instanceof SandboxLostError) throw new StaleExecutorError(error.message);
      throw error;
    }
    if (output.problem) {
      const run = this.requireRun();
      if (output.problem.kind === "unknown-workflow") throw new WorkflowNotRegisteredError(output.problem.message);
      throw new DeterminismError(
        `Workflow "${run.workflowType}" (id ${run.workflowId}, run ${run.runId}) is not deterministic: ${output.problem.message}`,
        { seq: output.problem.seq },
      );
    }
    return { scheduledEventId: task.scheduledEventId, commands: output.commands, logs: output.logs };
  }

  private requireOpenTask(event: HistoryEvent): OpenTask {
    if (!this.openTask) throw new StaleExecutorError(`${event.type} #${event.eventId} without a started workflow task`);
    return this.openTask;
  }

  private requireRun(): RunLabel {
    if (!this.run) throw new StaleExecutorError("history does not start with WorkflowStarted");
    return this.run;
  }
}
