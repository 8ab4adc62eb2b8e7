import {
  type DurationInput,
  type DurationUnit,
  type HistoryEvent,
  type IdReusePolicy,
  type WorkflowState,
  parseDuration,
  toMillis,
} from "@eventual/core";
import { type Activity, type LogEntry, type Signal, type Workflow, fromFailure, workflows } from "@eventual/sdk";
import { bundleWorkflows } from "@eventual/worker";
import { ActivityMock } from "./activity-mock";
import { InMemoryPlatform } from "./in-memory-platform";

export interface TestEnvironmentOptions {
  /** The module that defines the workflows (bundled into the sandbox, as a worker does). */
  workflowsPath: string;
  /** Virtual time at start; defaults to 2025-01-01T00:00:00Z so tests are reproducible. */
  startTime?: Date | string | number;
  /** Task queue for started workflows (default "default"). */
  taskQueue?: string;
  /** Activities to run when a workflow calls them, besides those the workflows module defines. */
  activities?: Array<Activity<any[], any>>;
  /** Runs kept in the worker cache; 0 replays every workflow task from event 1. Default 1,000. */
  maxCachedRuns?: number;
  /**
   * Real time a step waits for running (unmocked) activity code before time may move on;
   * default 250 ms. `result()` always waits for them.
   */
  activityWaitMs?: number;
}

export interface StartOptions {
  workflowId?: string;
  taskQueue?: string;
  executionTimeout?: DurationInput;
  idReusePolicy?: IdReusePolicy;
  requestId?: string;
}

/** A workflow ended in something other than success; `status` says how and `cause` why. */
export class WorkflowExecutionError extends Error {
  override readonly name = "WorkflowExecutionError";
  constructor(
    message: string,
    readonly status: string,
    override readonly cause?: Error,
  ) {
    super(message);
  }
}

/** A workflow task failed (a bug, a `DeterminismError`): the workflow cannot make progress. */
export class WorkflowTaskFailedError extends Error {
  override readonly name = "WorkflowTaskFailedError";
  constructor(
    message: string,
    override readonly cause: Error,
  ) {
    super(message);
  }
}

/** A started workflow in a `TestEnvironment`. */
export interface WorkflowHandle<Out> {
  readonly workflowId: string;
  /** Waits for the result, skipping virtual time to each next timer until the run closes. */
  result(): Promise<Out>;
  /** The current state (status, pending activities and timers...). */
  state(): WorkflowState;
  /** The current run's history. */
  history(): HistoryEvent[];
  /** Lines the workflow logged (each once, never during replay). */
  logs(): LogEntry[];
  signal<T>(signal: Signal<T> | string, payload?: T): Promise<void>;
  cancel(reason?: string): Promise<void>;
}

const DEFAULT_START = Date.parse("2025-01-01T00:00:00Z");

/**
 * Runs workflows on the real core and replayer, in memory, on a virtual clock: a month of
 * timers takes milliseconds. Activities run for real unless mocked.
 *
 * @example
 * const env = await TestEnvironment.create({ workflowsPath: require.resolve("./reminder.workflow") });
 * env.mockActivity(sendReminder).succeed();
 * await env.start(reminder, "ana@example.com");
 * await env.tick(30, "days");
 * expect(env.mockActivity(sendReminder).calls).toHaveLength(30);
 */
export class TestEnvironment {
  private readonly mocks = new Map<string, ActivityMock>();
  private readonly platform: InMemoryPlatform;

  private constructor(options: TestEnvironmentOptions) {
    const start = options.startTime === undefined ? DEFAULT_START : new Date(options.startTime).getTime();
    const extra = new Map((options.activities ?? []).map((a) => [a.name, a]));
    this.platform = new InMemoryPlatform(bundleWorkflows(options.workflowsPath), start, this.mocks, extra, {
      ...(options.maxCachedRuns !== undefined ? { maxCachedRuns: options.maxCachedRuns } : {}),
      ...(options.activityWaitMs !== undefined ? { activityWaitMs: options.activityWaitMs } : {}),
    });
    this.taskQueue = options.taskQueue ?? "default";
  }

  private readonly taskQueue: string;

  static async create(options: TestEnvironmentOptions): Promise<TestEnvironment> {
    // Loading the module here registers its activities in this realm, where they run.
    await import(options.workflowsPath);
    return new TestEnvironment(options);
  }

  /** The virtual clock. */
  now(): Date {
    return new Date(this.platform.now);
  }

  /** The mock for an activity (created on first use); the real handler runs until a behaviour is set. */
  mockActivity(activity: Activity<any[], any> | string): ActivityMock {
    const name = typeof activity === "string" ? activity : activity.name;
    let mock = this.mocks.get(name);
    if (!mock) this.mocks.set(name, (mock = new ActivityMock(name)));
    return mock;
  }

  async start<In, Out>(workflow: Workflow<In, Out> | string, input: In, options: StartOptions = {}): Promise<WorkflowHandle<Out>> {
    const workflowType = typeof workflow === "string" ? workflow : workflow.name;
    // The definition's defaults apply unless the start overrides them, as for a child.
    const defined = (typeof workflow === "string" ? workflows.get(workflow) : workflow)?.options ?? {};
    const executionTimeout = options.executionTimeout ?? defined.executionTimeout;
    const workflowId = options.workflowId ?? this.platform.nextId(workflowType);
    const runId = this.platform.nextId("run");
    const rejection = this.platform.apply(workflowId, {
      type: "StartWorkflow",
      data: {
        workflowId,
        runId,
        workflowType,
        taskQueue: options.taskQueue ?? defined.taskQueue ?? this.taskQueue,
        input: input === undefined ? null : (JSON.parse(JSON.stringify(input)) as unknown),
        requestId: options.requestId ?? runId,
        ...(options.idReusePolicy ? { idReusePolicy: options.idReusePolicy } : {}),
        ...(executionTimeout !== undefined ? { executionTimeoutMs: parseDuration(executionTimeout) } : {}),
      },
    });
    if (rejection) throw new Error(`${rejection.code}: ${rejection.message}`);
    await this.settle();
    return this.handle<Out>(workflowId);
  }

  /** A handle to a workflow started earlier (by `start` or as a child). */
  handle<Out = unknown>(workflowId: string): WorkflowHandle<Out> {
    return {
      workflowId,
      result: () => this.result<Out>(workflowId),
      state: () => this.platform.state(workflowId),
      history: () => this.platform.history(workflowId),
      logs: () => [...(this.platform.logs.get(workflowId) ?? [])],
      signal: (signal, payload) => this.signal(workflowId, signal, payload),
      cancel: (reason) => this.cancel(workflowId, reason),
    };
  }

  async signal<T>(workflowId: string, signal: Signal<T> | string, payload?: T): Promise<void> {
    const signalName = typeof signal === "string" ? signal : signal.name;
    const rejection = this.platform.apply(workflowId, {
      type: "SignalWorkflow",
      data: { signalName, input: payload === undefined ? null : (payload as unknown), requestId: this.platform.nextId("signal") },
    });
    if (rejection) throw new Error(`${rejection.code}: ${rejection.message}`);
    await this.settle();
  }

  async cancel(workflowId: string, reason = "cancelled by test"): Promise<void> {
    const rejection = this.platform.apply(workflowId, { type: "RequestCancelWorkflow", data: { reason, requestId: this.platform.nextId("cancel") } });
    if (rejection) throw new Error(`${rejection.code}: ${rejection.message}`);
    await this.settle();
  }

  /**
   * Moves virtual time forward, firing every timer that falls due on the way, in order, and
   * letting workflows and activities react at each step.
   *
   * @example
   * await env.tick(1, "day"); await env.tick("90 minutes"); await env.tick(); // 1 ms
   */
  async tick(amount: DurationInput = 1, unit?: DurationUnit): Promise<void> {
    const ms = typeof amount === "number" && unit ? toMillis(amount, unit) : parseDuration(amount);
    await this.tickUntil(this.platform.now + ms);
  }

  /** Moves virtual time to `at`, firing due timers on the way. */
  async tickUntil(at: Date | string | number): Promise<void> {
    const target = new Date(at).getTime();
    await this.settle();
    for (let next = this.platform.nextTimerAt(); next !== undefined && next <= target; next = this.platform.nextTimerAt()) {
      this.platform.fireTimersUntil(next);
      await this.settle();
    }
    this.platform.now = Math.max(this.platform.now, target);
  }

  private async result<Out>(workflowId: string): Promise<Out> {
    for (let jumps = 0; jumps < 1_000_000; jumps++) {
      await this.settle();
      const state = this.platform.state(workflowId);
      switch (state.status) {
        case "none":
          throw new Error(`No workflow with id ${workflowId} in this TestEnvironment`);
        case "running":
          break;
        case "completed":
          return state.result as Out;
        case "continued-as-new":
          continue;
        case "failed":
          throw new WorkflowExecutionError(`Workflow ${workflowId} failed: ${state.failure.message}`, state.status, fromFailure(state.failure));
        case "cancelled":
        case "terminated":
        case "timed-out":
          throw new WorkflowExecutionError(`Workflow ${workflowId} ended ${state.status}`, state.status);
        default: {
          const never: never = state;
          throw new Error(`Unknown status ${JSON.stringify(never)}`);
        }
      }
      if (this.platform.runningActivities > 0) {
        await this.platform.drain(Infinity);
        continue;
      }
      const next = this.platform.nextTimerAt();
      if (next === undefined) {
        throw new Error(`Workflow ${workflowId} is waiting for something that no timer will bring (a signal, or an activity that never reports); send it or tick instead of awaiting result()`);
      }
      this.platform.fireTimersUntil(next);
    }
    throw new Error(`Workflow ${workflowId} did not finish after a million timer firings`);
  }

  /** Drains, then surfaces failed workflow tasks as errors: in a test they are bugs to see. */
  private async settle(): Promise<void> {
    await this.platform.drain();
    const failure = this.platform.taskFailures.shift();
    if (failure) {
      this.platform.taskFailures.length = 0;
      throw new WorkflowTaskFailedError(`Workflow task of ${failure.workflowId} failed: ${failure.failure.message}`, fromFailure(failure.failure));
    }
  }
}
