import {
  type Failure,
  type HistoryCommandBody,
  type HistoryEvent,
  type Payload,
  type WorkflowCommand,
  type WorkflowState,
  INITIAL_STATE,
  activityIdOf,
  decide,
  timerIdOf,
} from "@eventual/core";

/**
 * Builds one run's history by feeding commands to the core's `decide`, so hand-made
 * histories are exactly what the platform would record (valid ids, timestamps, bookkeeping
 * events). The test plays the worker: it decides when a task starts, what it returns, and
 * what arrives while it is in flight.
 *
 * @example
 * const run = new RunDriver({ workflowType: "inbox" });
 * const task = run.startTask();
 * run.signal("msg", "a");                 // arrives while the task is in flight
 * run.completeTask(task, []);
 */
export class RunDriver {
  readonly workflowId: string;
  readonly runId: string;
  now: number;
  private state: WorkflowState = INITIAL_STATE;
  private readonly log: HistoryEvent[] = [];
  private requests = 0;

  constructor(options: {
    workflowType: string;
    workflowId?: string;
    runId?: string;
    input?: Payload;
    now?: number;
  }) {
    this.workflowId = options.workflowId ?? `wf-${options.workflowType}`;
    this.runId = options.runId ?? "run-1";
    this.now = options.now ?? Date.parse("2025-01-01T00:00:00Z");
    this.apply({
      type: "StartWorkflow",
      data: {
        workflowId: this.workflowId,
        runId: this.runId,
        workflowType: options.workflowType,
        taskQueue: "default",
        input: options.input ?? null,
        requestId: "start-1",
      },
    });
  }

  /** The history so far (a copy). */
  get events(): HistoryEvent[] {
    return [...this.log];
  }

  get status(): WorkflowState["status"] {
    return this.state.status;
  }

  /** Applies a command at the current time; throws if the core rejects it. */
  apply(command: HistoryCommandBody): HistoryEvent[] {
    const decision = decide(this.state, { ...command, now: this.now } as Parameters<
      typeof decide
    >[1]);
    if (!decision.ok)
      throw new Error(`decide rejected ${command.type}: ${decision.rejection.message}`);
    this.state = decision.state;
    this.log.push(...decision.events);
    return decision.events;
  }

  tick(ms: number): this {
    this.now += ms;
    return this;
  }

  /** Starts the scheduled workflow task; returns its scheduled event id. */
  startTask(): number {
    const s = this.state;
    if (s.status !== "running" || s.workflowTask.status !== "scheduled") {
      throw new Error(`no workflow task is scheduled (state ${s.status})`);
    }
    const scheduledEventId = s.workflowTask.scheduledEventId;
    this.apply({
      type: "WorkflowTaskStarted",
      data: { runId: this.runId, scheduledEventId, identity: "test" },
    });
    return scheduledEventId;
  }

  completeTask(scheduledEventId: number, commands: WorkflowCommand[]): HistoryEvent[] {
    return this.apply({
      type: "CompleteWorkflowTask",
      data: {
        runId: this.runId,
        scheduledEventId,
        identity: "test",
        commands,
        newRunId: "run-next",
      },
    });
  }

  failTask(scheduledEventId: number, failure: Failure): HistoryEvent[] {
    return this.apply({
      type: "FailWorkflowTask",
      data: { runId: this.runId, scheduledEventId, identity: "test", failure },
    });
  }

  /** The workflow task's own timeout fires (the worker never answered). */
  timeOutTask(scheduledEventId: number): HistoryEvent[] {
    return this.fire(timerIdOf({ kind: "workflow-task-timeout", scheduledEventId }));
  }

  signal(signalName: string, input: Payload = null): HistoryEvent[] {
    return this.apply({
      type: "SignalWorkflow",
      data: { signalName, input, requestId: `signal-${++this.requests}` },
    });
  }

  completeActivity(seq: number, result: Payload = null): HistoryEvent[] {
    return this.apply({
      type: "CompleteActivityTask",
      data: { runId: this.runId, activityId: activityIdOf(seq), attempt: 1, result },
    });
  }

  fireTimer(seq: number): HistoryEvent[] {
    return this.fire(timerIdOf({ kind: "user", seq }));
  }

  private fire(timerId: string): HistoryEvent[] {
    return this.apply({ type: "TimerFired", data: { runId: this.runId, timerId } });
  }
}
