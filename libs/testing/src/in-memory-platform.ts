import {
  type Effect,
  type Failure,
  type HistoryCommandBody,
  type HistoryEvent,
  type Rejection,
  type WorkflowState,
  INITIAL_STATE,
  assertNever,
  decide,
} from "@eventual/core";
import { type Activity, type LogEntry, activities as registeredActivities, toFailure } from "@eventual/sdk";
import { StaleExecutorError, type WorkflowBundle, WorkflowCache, executeActivity } from "@eventual/worker";
import type { ActivityMock } from "./activity-mock";

type EffectData<T extends Effect["type"]> = Extract<Effect, { type: T }>["data"];

interface WorkflowRecord {
  state: WorkflowState;
  /** Every run of this id, oldest first, with its history. */
  runs: Map<string, HistoryEvent[]>;
}

interface PendingTimer {
  workflowId: string;
  runId: string;
  timerId: string;
  fireAt: number;
  order: number;
}

/** A workflow task that failed; tests see these as errors rather than a silently stuck run. */
export interface WorkflowTaskFailure {
  workflowId: string;
  runId: string;
  failure: Failure;
}

const IDENTITY = "test-environment";

/**
 * The platform in one object, in memory: the core's `decide` per workflow id, queues for
 * workflow and activity tasks, durable timers on a virtual clock, and a worker (replayer +
 * activity executor). The same pieces the services use, without Kafka or Postgres.
 */
export class InMemoryPlatform {
  now: number;
  readonly taskFailures: WorkflowTaskFailure[] = [];
  readonly logs = new Map<string, LogEntry[]>();
  private readonly workflows = new Map<string, WorkflowRecord>();
  private readonly commands: Array<{ workflowId: string; command: HistoryCommandBody }> = [];
  private readonly workflowTasks: EffectData<"DispatchWorkflowTask">[] = [];
  private readonly activityTasks: EffectData<"DispatchActivityTask">[] = [];
  private readonly timers = new Map<string, PendingTimer>();
  private readonly running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  private readonly cache: WorkflowCache;
  private timerOrder = 0;
  private ids = 0;

  constructor(
    bundle: WorkflowBundle,
    startTime: number,
    private readonly mocks: Map<string, ActivityMock>,
    private readonly extraActivities: Map<string, Activity<any[], any>>,
    options: { maxCachedRuns?: number; activityWaitMs?: number } = {},
  ) {
    this.now = startTime;
    this.cache = new WorkflowCache(bundle, options.maxCachedRuns ?? 1_000);
    this.activityWaitMs = options.activityWaitMs ?? 250;
  }

  private readonly activityWaitMs: number;

  /** Real activity code still running. */
  get runningActivities(): number {
    return this.running.size;
  }

  nextId(prefix: string): string {
    return `${prefix}-${++this.ids}`;
  }

  state(workflowId: string): WorkflowState {
    return this.workflows.get(workflowId)?.state ?? INITIAL_STATE;
  }

  history(workflowId: string, runId?: string): HistoryEvent[] {
    const record = this.workflows.get(workflowId);
    if (!record) return [];
    const id = runId ?? (record.state.status === "none" ? undefined : record.state.runId);
    return id ? [...(record.runs.get(id) ?? [])] : [];
  }

  /** Applies a command now; returns the rejection if `decide` refused it. */
  apply(workflowId: string, command: HistoryCommandBody): Rejection | undefined {
    let record = this.workflows.get(workflowId);
    if (!record) {
      record = { state: INITIAL_STATE, runs: new Map() };
      this.workflows.set(workflowId, record);
    }
    const decision = decide(record.state, { ...command, now: this.now } as Parameters<typeof decide>[1]);
    if (!decision.ok) return decision.rejection;
    const after = decision.state;
    if (decision.events.length > 0 && after.status !== "none") {
      let events = record.runs.get(after.runId);
      if (!events) record.runs.set(after.runId, (events = []));
      events.push(...decision.events);
    }
    record.state = after;
    for (const effect of decision.effects) this.perform(effect);
    return undefined;
  }

  /**
   * Runs everything that can happen without time passing. Real activity code is awaited for
   * up to `activityWaitMs` of real time per quiet spell (so an activity that waits for its
   * cancellation does not block the test forever); `Infinity` waits for every one.
   */
  async drain(activityWaitMs = this.activityWaitMs): Promise<void> {
    // Set when a wait for running activities ran out: what they reported meanwhile (heartbeats)
    // is still applied before time may move on, but without waiting again, so an activity that
    // heartbeats until it is cancelled cannot hold the test forever.
    let waitedOut = false;
    for (let steps = 0; ; steps++) {
      if (steps > 1_000_000) throw new Error("TestEnvironment: more than a million steps without time passing; is a workflow looping?");
      const command = this.commands.shift();
      if (command) {
        this.apply(command.workflowId, command.command);
        continue;
      }
      const workflowTask = this.workflowTasks.shift();
      if (workflowTask) {
        waitedOut = false;
        this.runWorkflowTask(workflowTask);
        continue;
      }
      const activityTask = this.activityTasks.shift();
      if (activityTask) {
        this.runActivityTask(activityTask);
        continue;
      }
      // A timer already due (`time()` in the past, `duration(0)`) fires without time passing,
      // as the timer service would fire it at once.
      const next = this.nextTimerAt();
      if (next !== undefined && next <= this.now) {
        this.fireTimersUntil(this.now);
        continue;
      }
      if (this.running.size > 0 && !waitedOut) {
        const progressed = await waitForAny([...this.running.values()].map((r) => r.done), activityWaitMs);
        if (!progressed) waitedOut = true;
        continue;
      }
      return;
    }
  }

  /** The earliest pending timer's due time. */
  nextTimerAt(): number | undefined {
    let next: number | undefined;
    for (const timer of this.timers.values()) if (next === undefined || timer.fireAt < next) next = timer.fireAt;
    return next;
  }

  /** Moves the clock to `at` (never backwards) and fires every timer due by then, in due order. */
  fireTimersUntil(at: number): void {
    this.now = Math.max(this.now, at);
    const due = [...this.timers.entries()]
      .filter(([, t]) => t.fireAt <= this.now)
      .sort(([, a], [, b]) => a.fireAt - b.fireAt || a.order - b.order);
    for (const [key, timer] of due) {
      this.timers.delete(key);
      this.commands.push({ workflowId: timer.workflowId, command: { type: "TimerFired", data: { runId: timer.runId, timerId: timer.timerId } } });
    }
  }

  private perform(effect: Effect): void {
    switch (effect.type) {
      case "DispatchWorkflowTask":
        this.workflowTasks.push(effect.data);
        return;
      case "DispatchActivityTask":
        this.activityTasks.push(effect.data);
        return;
      case "CancelActivityTask":
        this.running.get(activityKey(effect.data))?.controller.abort();
        return;
      case "StartTimer":
        this.timers.set(timerKey(effect.data), { ...effect.data, order: ++this.timerOrder });
        return;
      case "CancelTimer":
        this.timers.delete(timerKey(effect.data));
        return;
      case "SendCommand":
        this.commands.push(effect.data);
        return;
      default:
        assertNever(effect, "effect");
    }
  }

  private runWorkflowTask(task: EffectData<"DispatchWorkflowTask">): void {
    const { workflowId, runId, scheduledEventId } = task;
    if (this.apply(workflowId, { type: "WorkflowTaskStarted", data: { runId, scheduledEventId, identity: IDENTITY } })) return;
    const history = this.workflows.get(workflowId)?.runs.get(runId) ?? [];
    try {
      let executor = this.cache.get(runId);
      let output;
      try {
        // Only the events it has not seen: event ids are positions in the run's history.
        output = executor.advance(history.slice(executor.processedEventId));
      } catch (error) {
        if (!(error instanceof StaleExecutorError)) throw error;
        this.cache.evict(runId);
        executor = this.cache.get(runId);
        output = executor.advance(history);
      }
      if (!output) throw new Error(`history of ${workflowId} has no open workflow task`);
      if (output.logs.length > 0) {
        const logs = this.logs.get(workflowId) ?? [];
        logs.push(...output.logs);
        this.logs.set(workflowId, logs);
      }
      this.apply(workflowId, {
        type: "CompleteWorkflowTask",
        data: { runId, scheduledEventId, identity: IDENTITY, commands: output.commands, newRunId: this.nextId("run") },
      });
    } catch (error) {
      this.cache.evict(runId);
      const failure = toFailure(error);
      this.taskFailures.push({ workflowId, runId, failure });
      this.apply(workflowId, { type: "FailWorkflowTask", data: { runId, scheduledEventId, identity: IDENTITY, failure } });
    }
  }

  private runActivityTask(task: EffectData<"DispatchActivityTask">): void {
    const { workflowId, runId, activityId, attempt, activityType } = task;
    const before = this.history(workflowId, runId).length;
    this.apply(workflowId, { type: "ActivityTaskStarted", data: { runId, activityId, attempt, identity: IDENTITY } });
    if (this.history(workflowId, runId).length === before) return; // stale dispatch: nothing started
    const args = Array.isArray(task.input) ? task.input : [task.input];
    const report = (command: HistoryCommandBody) => this.commands.push({ workflowId, command });
    const mock = this.mocks.get(activityType);
    const behavior = mock ? mock.next(args) : { kind: "real" as const };
    switch (behavior.kind) {
      case "succeed":
        report({ type: "CompleteActivityTask", data: { runId, activityId, attempt, result: behavior.value } });
        return;
      case "fail":
        report({ type: "FailActivityTask", data: { runId, activityId, attempt, failure: toFailure(behavior.error) } });
        return;
      case "timeout":
        return;
      case "invoke":
        this.execute(task, { kind: "activity", name: activityType, options: {}, handler: behavior.fn } as unknown as Activity);
        return;
      case "real": {
        const definition = this.extraActivities.get(activityType) ?? registeredActivities.get(activityType);
        if (!definition) {
          report({
            type: "FailActivityTask",
            data: {
              runId,
              activityId,
              attempt,
              failure: { type: "ActivityNotRegisteredError", message: `No activity "${activityType}" is registered or mocked in this TestEnvironment`, nonRetryable: true },
            },
          });
          return;
        }
        this.execute(task, definition);
        return;
      }
      default:
        assertNever(behavior, "mock behavior");
    }
  }

  private execute(task: EffectData<"DispatchActivityTask">, definition: Activity): void {
    const { workflowId, runId, activityId, attempt, activityType } = task;
    const controller = new AbortController();
    const key = activityKey(task);
    const info = { activityId, activityType, attempt, workflowId, runId, taskQueue: task.options.taskQueue };
    const heartbeat = (details?: unknown) =>
      this.commands.push({ workflowId, command: { type: "HeartbeatActivityTask", data: { runId, activityId, attempt, details: details ?? null } } });
    const done = executeActivity(definition, { info, input: task.input }, { heartbeat, signal: controller.signal }).then((outcome) => {
      this.running.delete(key);
      this.commands.push({
        workflowId,
        command: outcome.ok
          ? { type: "CompleteActivityTask", data: { runId, activityId, attempt, result: outcome.result } }
          : { type: "FailActivityTask", data: { runId, activityId, attempt, failure: outcome.failure } },
      });
    });
    this.running.set(key, { controller, done });
  }
}

function activityKey(d: { workflowId: string; runId: string; activityId: string }): string {
  return `${d.workflowId}\u0000${d.runId}\u0000${d.activityId}`;
}

function timerKey(d: { workflowId: string; runId: string; timerId: string }): string {
  return `${d.workflowId}\u0000${d.runId}\u0000${d.timerId}`;
}

/** Resolves true when one of `promises` settles, false after `ms` of real time. */
function waitForAny(promises: Promise<void>[], ms: number): Promise<boolean> {
  if (ms === Infinity) return Promise.race(promises).then(() => true);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  return Promise.race([Promise.race(promises).then(() => true), timeout]).finally(() => clearTimeout(timer));
}
