import fc from "fast-check";
import {
  type ActivityOptions,
  type Decision,
  type Failure,
  type HistoryCommand,
  type HistoryCommandBody,
  type HistoryEvent,
  type IdReusePolicy,
  type WorkflowCommand,
  type WorkflowState,
  INITIAL_STATE,
  decide,
  evolve,
  historyProblems,
} from "../src";

/**
 * Random command sequences through `decide`. fast-check generates abstract choices; `toCommand`
 * turns each into a concrete command against the current state — mostly plausible (the state's
 * own task, activities, pending timers), sometimes stale, duplicated, for an earlier run, or
 * invalid — so sequences reach deep states and shrink to short, readable counterexamples.
 */

const WF = "wf-p";
const T0 = 1_000_000;
const NUM_RUNS = 250;

type Kind =
  | "start"
  | "signal"
  | "cancel"
  | "terminate"
  | "taskStarted"
  | "completeTask"
  | "failTask"
  | "activityStarted"
  | "completeActivity"
  | "failActivity"
  | "heartbeat"
  | "timerFired"
  | "childStarted"
  | "childClosed"
  | "deliver";

interface Choice {
  kind: Kind;
  a: number;
  b: number;
  c: number;
  dt: number;
  cmds: { k: number; a: number; b: number; c: number }[];
}

const weighted = (pairs: [Kind, number][]) =>
  fc.oneof(...pairs.map(([kind, weight]) => ({ arbitrary: fc.constant(kind), weight })));

const choiceArb: fc.Arbitrary<Choice> = fc.record({
  kind: weighted([
    ["start", 2],
    ["signal", 3],
    ["cancel", 1],
    ["terminate", 1],
    ["taskStarted", 8],
    ["completeTask", 8],
    ["failTask", 2],
    ["activityStarted", 4],
    ["completeActivity", 4],
    ["failActivity", 4],
    ["heartbeat", 2],
    ["timerFired", 6],
    ["childStarted", 2],
    ["childClosed", 2],
    ["deliver", 2],
  ]),
  a: fc.nat(999),
  b: fc.nat(999),
  c: fc.nat(999),
  dt: fc.oneof(fc.constant(0), fc.nat(2_000), fc.nat(120_000)),
  cmds: fc.array(fc.record({ k: fc.nat(29), a: fc.nat(999), b: fc.nat(999), c: fc.nat(999) }), {
    maxLength: 5,
  }),
});

/** Whole sequences. `size: "max"`: fast-check's default size would keep them near 10 steps. */
const sequences = fc.array(choiceArb, { minLength: 1, maxLength: 80, size: "max" });

function pick<T>(xs: readonly T[], n: number): T | undefined {
  return xs.length === 0 ? undefined : xs[n % xs.length];
}

const FAILURES: Failure[] = [
  { type: "Boom", message: "boom" },
  { type: "Declined", message: "no", nonRetryable: true },
  { type: "CancelledError", message: "cancelled" },
  { type: "Fatal", message: "listed as non-retryable" },
];

/** The world around one workflow id: its state, the histories of its runs, and the services' view. */
class World {
  state: WorkflowState = INITIAL_STATE;
  /** One history per run; a `WorkflowStarted` begins the next. */
  readonly histories: HistoryEvent[][] = [];
  now = T0;
  /** SendCommand effects addressed to this workflow id (continue-as-new, self-signals, child starts). */
  readonly inbox: HistoryCommandBody[] = [];
  /** What the timer service holds after performing every StartTimer/CancelTimer effect. */
  readonly timers = new Map<string, { runId: string; timerId: string; fireAt: number }>();
  readonly firedTimerIds: string[] = [];
  readonly log: string[] = [];

  get runId(): string {
    return this.state.status === "none" ? "run-none" : this.state.runId;
  }
}

function runIdFor(world: World, c: number): string {
  return c % 11 === 0 ? "run-old" : world.runId;
}

function taskId(world: World, a: number, b: number): number {
  const s = world.state;
  if (s.status === "running" && a % 6 !== 0) {
    const wt = s.workflowTask;
    if (wt.status === "scheduled" || wt.status === "started") return wt.scheduledEventId;
  }
  return (b % 30) + 1;
}

function activityTarget(world: World, ch: Choice): { activityId: string; attempt: number } {
  const s = world.state;
  const live = s.status === "running" ? Object.values(s.activities) : [];
  const closed = s.status === "running" ? Object.keys(s.closedActivities) : [];
  const activity = ch.a % 6 !== 0 ? pick(live, ch.b) : undefined;
  const activityId = activity?.activityId ?? pick([...closed, "99"], ch.b) ?? "99";
  const current = activity?.attempt ?? 1;
  const attempt = [current, current, Math.max(1, current - 1), (ch.c % 4) + 1][ch.c % 4];
  return { activityId, attempt };
}

function activityOptions(x: { a: number; b: number; c: number }, valid: boolean): ActivityOptions {
  const { a, b, c } = x;
  const options: ActivityOptions = { taskQueue: valid || a % 2 === 0 ? "acts" : "" };
  if (b % 3 === 0) options.startToCloseTimeoutMs = 1_000 * ((b % 7) + 1);
  if (b % 5 === 0) options.heartbeatTimeoutMs = 500;
  if (b % 4 === 1) options.scheduleToStartTimeoutMs = 2_000;
  if (c % 6 === 2) options.scheduleToCloseTimeoutMs = 5_000 + 100 * (c % 50);
  if (!valid && a % 2 === 1) options.startToCloseTimeoutMs = -1;
  options.retry = {
    maximumAttempts: a % 4,
    initialIntervalMs: 100 + (c % 1_000),
    nonRetryableErrorTypes: ["Fatal"],
  };
  return options;
}

/** A task's commands: mostly well-formed with increasing sequence numbers, sometimes not. */
function workflowCommands(world: World, ch: Choice): WorkflowCommand[] {
  const s = world.state;
  if (s.status !== "running") return [];
  let seq = s.lastSeq;
  const commands: WorkflowCommand[] = [];
  const activitySeqs = [
    ...Object.values(s.activities).map((x) => x.seq),
    ...Object.keys(s.closedActivities).map(Number),
  ];
  const userTimerSeqs = Object.values(s.timers).flatMap((t) =>
    t.purpose.kind === "user" ? [t.purpose.seq] : [],
  );
  for (const [index, x] of ch.cmds.entries()) {
    // Mostly the next free numbers; now and then a reused or arbitrary one (a bad command).
    const next = x.a % 25 === 0 ? seq : x.a % 25 === 1 ? x.b % 5 : seq + 1 + (x.b % 2);
    const take = (command: WorkflowCommand) => {
      commands.push(command);
      if (
        "seq" in command.data &&
        command.type !== "RequestCancelActivity" &&
        command.type !== "CancelTimer"
      ) {
        seq = Math.max(seq, command.data.seq);
      }
    };
    const kinds = [
      ...Array<string>(8).fill("activity"),
      ...Array<string>(2).fill("cancelActivity"),
      ...Array<string>(4).fill("timer"),
      ...Array<string>(2).fill("cancelTimer"),
      ...Array<string>(2).fill("child"),
      ...Array<string>(2).fill("signal"),
      ...Array<string>(2).fill("marker"),
      "complete",
      "fail",
      "cancel",
      "continue",
      "badActivity",
      "badActivity",
      "badTimer",
      "badTimer",
    ];
    let kind = kinds[x.k];
    // Closing commands belong last, and CancelWorkflow after a cancel request; mostly keep to that.
    const closing = ["complete", "fail", "cancel", "continue"].includes(kind);
    if (closing && index < ch.cmds.length - 1 && x.c % 4 !== 0) kind = "marker";
    if (kind === "cancel" && !s.cancelRequested && x.c % 3 !== 0) kind = "complete";
    switch (kind) {
      case "activity":
        take({
          type: "ScheduleActivity",
          data: { seq: next, activityType: "act", input: [x.c], options: activityOptions(x, true) },
        });
        break;
      case "cancelActivity":
        take({
          type: "RequestCancelActivity",
          data: { seq: pick(activitySeqs, x.b) ?? (x.b % 7) + 1 },
        });
        break;
      case "timer":
        take({ type: "StartTimer", data: { seq: next, fireAt: world.now + 100 * x.b } });
        break;
      case "cancelTimer":
        take({ type: "CancelTimer", data: { seq: pick(userTimerSeqs, x.b) ?? (x.b % 7) + 1 } });
        break;
      case "child":
        take({
          type: "StartChildWorkflow",
          data: {
            seq: next,
            workflowId: x.b % 4 === 0 ? WF : `child-${x.b % 3}`,
            workflowType: "kid",
            input: null,
            taskQueue: "main",
            parentClosePolicy: (["terminate", "request-cancel", "abandon", undefined] as const)[
              x.c % 4
            ],
          },
        });
        break;
      case "signal":
        take({
          type: "SignalExternalWorkflow",
          data: {
            seq: next,
            workflowId: x.b % 2 === 0 ? WF : "other",
            signalName: "s",
            input: x.c,
          },
        });
        break;
      case "marker":
        take({
          type: "RecordMarker",
          data: { seq: next, markerName: "side-effect", details: x.c },
        });
        break;
      case "complete":
        take({ type: "CompleteWorkflow", data: { result: x.c } });
        break;
      case "fail":
        take({ type: "FailWorkflow", data: { failure: FAILURES[x.c % FAILURES.length] } });
        break;
      case "cancel":
        take({ type: "CancelWorkflow", data: {} });
        break;
      case "continue":
        take({
          type: "ContinueAsNew",
          data: { input: x.c, ...(x.b % 3 === 0 ? { workflowType: "v2" } : {}) },
        });
        break;
      case "badActivity":
        take({
          type: "ScheduleActivity",
          data: {
            seq: next,
            activityType: x.c % 5 === 0 ? "" : "act",
            input: null,
            options: activityOptions(x, false),
          },
        });
        break;
      default:
        take({
          type: "StartTimer",
          data: { seq: next, fireAt: x.c % 5 === 0 ? Number.NaN : world.now },
        });
    }
  }
  return commands;
}

function toCommand(world: World, ch: Choice, i: number): HistoryCommandBody | undefined {
  const s = world.state;
  let kind = ch.kind;
  // Keep sequences going: a closed run is usually followed by a new one, and a worker that
  // reports on a task that is only scheduled usually starts it first.
  if (s.status !== "running" && s.status !== "none" && ch.c % 3 !== 0) kind = "start";
  const activityKinds: Kind[] = [
    "activityStarted",
    "completeActivity",
    "failActivity",
    "heartbeat",
  ];
  if (
    s.status === "running" &&
    Object.keys(s.activities).length === 0 &&
    activityKinds.includes(kind) &&
    ch.b % 3 !== 0
  ) {
    kind = "completeTask";
  }
  if (
    s.status === "running" &&
    s.workflowTask.status === "scheduled" &&
    (kind === "completeTask" || kind === "failTask") &&
    ch.a % 4 !== 0
  ) {
    kind = "taskStarted";
  }
  // An idle workflow waits for something from outside; a task report now could only be stale.
  const taskKinds: Kind[] = ["taskStarted", "completeTask", "failTask"];
  if (
    s.status === "running" &&
    s.workflowTask.status === "none" &&
    taskKinds.includes(kind) &&
    ch.a % 4 !== 0
  )
    kind = "signal";
  switch (kind) {
    case "start": {
      const sameRun = s.status !== "none" && ch.b % 3 === 0;
      const policies: (IdReusePolicy | undefined)[] = [
        undefined,
        "allow-duplicate",
        "allow-duplicate-failed-only",
        "reject-duplicate",
      ];
      const idReusePolicy = policies[ch.a % 4];
      return {
        type: "StartWorkflow",
        data: {
          workflowId: WF,
          runId: sameRun ? world.runId : `run-${i}`,
          requestId: s.status !== "none" && ch.c % 3 === 0 ? s.requestId : `req-${i}`,
          workflowType: "flow",
          taskQueue: "main",
          input: ch.c,
          ...(idReusePolicy ? { idReusePolicy } : {}),
          ...(ch.b % 4 === 1 ? { executionTimeoutMs: 1_000 + 100 * ch.c } : {}),
          ...(ch.c % 3 === 1 ? { taskTimeoutMs: 5_000 } : {}),
          ...(ch.a % 5 === 0
            ? { parent: { workflowId: "parent", runId: "p-run", seq: 1 + (ch.b % 3) } }
            : {}),
          ...(ch.a % 7 === 0 && s.status !== "none" ? { continuedFromRunId: s.runId } : {}),
        },
      };
    }
    case "signal":
      return {
        type: "SignalWorkflow",
        data: { signalName: "s", input: ch.b, requestId: `sig-${ch.a % 6}` },
      };
    case "cancel":
      return {
        type: "RequestCancelWorkflow",
        data: { reason: "r", requestId: `cancel-${ch.a % 3}` },
      };
    case "terminate":
      return { type: "TerminateWorkflow", data: { reason: "t" } };
    case "taskStarted":
      return {
        type: "WorkflowTaskStarted",
        data: {
          runId: runIdFor(world, ch.c),
          scheduledEventId: taskId(world, ch.a, ch.b),
          identity: "w",
        },
      };
    case "completeTask":
      return {
        type: "CompleteWorkflowTask",
        data: {
          runId: runIdFor(world, ch.c),
          scheduledEventId: taskId(world, ch.a, ch.b),
          identity: "w",
          commands: workflowCommands(world, ch),
          ...(ch.b % 5 === 0 ? {} : { newRunId: `run-${i}-next` }),
        },
      };
    case "failTask":
      return {
        type: "FailWorkflowTask",
        data: {
          runId: runIdFor(world, ch.c),
          scheduledEventId: taskId(world, ch.a, ch.b),
          identity: "w",
          failure: FAILURES[0],
        },
      };
    case "activityStarted":
      return {
        type: "ActivityTaskStarted",
        data: { runId: runIdFor(world, ch.c), ...activityTarget(world, ch), identity: "w" },
      };
    case "completeActivity":
      return {
        type: "CompleteActivityTask",
        data: { runId: runIdFor(world, ch.c), ...activityTarget(world, ch), result: ch.b },
      };
    case "failActivity":
      return {
        type: "FailActivityTask",
        data: {
          runId: runIdFor(world, ch.c),
          ...activityTarget(world, ch),
          failure: FAILURES[(ch.a >> 3) % FAILURES.length],
        },
      };
    case "heartbeat":
      return {
        type: "HeartbeatActivityTask",
        data: { runId: runIdFor(world, ch.c), ...activityTarget(world, ch) },
      };
    case "timerFired": {
      // What the timer service would fire (the state's own pending timers), or a stale duplicate.
      // Task timeouts are picked less often, or most tasks would time out before completing.
      const pending =
        s.status === "running"
          ? Object.keys(s.timers).filter(
              (id) => ch.c % 5 === 0 || !/^workflow-task\/\d+\/timeout$/.test(id),
            )
          : [];
      const timerId =
        (ch.a % 6 !== 0 ? pick(pending, ch.b) : undefined) ??
        pick([...world.firedTimerIds, "user/999"], ch.b) ??
        "user/999";
      return { type: "TimerFired", data: { runId: runIdFor(world, ch.c), timerId } };
    }
    case "childStarted": {
      const children = s.status === "running" ? Object.values(s.children) : [];
      const child = pick(children, ch.a);
      return {
        type: "ChildWorkflowStarted",
        data: {
          parentRunId: runIdFor(world, ch.c),
          seq: child?.seq ?? (ch.b % 9) + 1,
          workflowId: child?.workflowId ?? "child-x",
          runId: `child-run-${ch.b % 4}`,
        },
      };
    }
    case "childClosed": {
      const children = s.status === "running" ? Object.values(s.children) : [];
      const child = pick(children, ch.a);
      const outcomes = [
        { status: "completed", result: ch.b },
        { status: "failed", failure: FAILURES[0] },
        { status: "cancelled" },
        { status: "terminated", reason: "t" },
        { status: "timed-out" },
      ] as const;
      return {
        type: "ChildWorkflowClosed",
        data: {
          parentRunId: runIdFor(world, ch.c),
          seq: child?.seq ?? (ch.b % 9) + 1,
          workflowId: child?.workflowId ?? "child-x",
          ...(ch.b % 4 === 0 ? {} : { runId: child?.runId ?? `child-run-${ch.b % 4}` }),
          outcome: outcomes[ch.c % outcomes.length],
        },
      };
    }
    case "deliver": {
      if (world.inbox.length === 0) return undefined;
      const index = ch.a % world.inbox.length;
      const command = world.inbox[index];
      // Sometimes leave it in the inbox: it will be delivered again, as at-least-once delivery may.
      if (ch.b % 3 !== 0) world.inbox.splice(index, 1);
      return command;
    }
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

const timerKey = (runId: string, timerId: string) => `${runId}|${timerId}`;

/** Applies one command and checks every property; returns the decision. */
function step(world: World, command: HistoryCommand): Decision {
  const before = world.state;
  const snapshot = JSON.stringify(before);
  let decision: Decision;
  try {
    decision = decide(before, command);
  } catch (error) {
    // (a) decide never throws, whatever the command.
    throw new Error(`decide threw on ${command.type}: ${(error as Error).stack}`);
  }
  world.log.push(
    `${command.type} ${JSON.stringify(command.data)} -> ${decision.ok ? decision.events.map((e) => e.type).join(",") || "(nothing)" : decision.rejection.reason}`,
  );

  // decide never mutates its input (states are deep-frozen too, so a write would throw).
  expect(JSON.stringify(before)).toBe(snapshot);

  if (!decision.ok) {
    // (d) A rejection is typed and changes nothing: the caller keeps the very same state object.
    expect(["NOT_FOUND", "ALREADY_EXISTS", "FAILED_PRECONDITION", "INVALID_ARGUMENT"]).toContain(
      decision.rejection.code,
    );
    expect(typeof decision.rejection.reason).toBe("string");
    expect(decision.rejection.message.length).toBeGreaterThan(0);
    expect(decision).not.toHaveProperty("state");
    return decision;
  }

  const { events, effects, state } = decision;
  deepFreeze(state);
  if (events.length === 0) expect(state).toBe(before);
  for (const event of events) {
    expect(event.timestamp).toBe(command.now);
    if (event.type === "WorkflowStarted") world.histories.push([]);
    world.histories[world.histories.length - 1].push(event);
  }

  // (b) every run's history stays valid, and (c) folding it reproduces the state decide returned.
  const history = world.histories[world.histories.length - 1];
  if (history) {
    expect(historyProblems(history)).toEqual([]);
    expect(history.reduce(evolve, INITIAL_STATE)).toEqual(state);
  } else {
    expect(state).toBe(INITIAL_STATE);
  }
  expect(events.reduce(evolve, before)).toEqual(state);

  // Tasks are dispatched exactly for the tasks the events schedule.
  expect(
    effects.flatMap((e) =>
      e.type === "DispatchWorkflowTask" ? [[e.data.scheduledEventId, e.data.attempt]] : [],
    ),
  ).toEqual(
    events.flatMap((e) =>
      e.type === "WorkflowTaskScheduled" ? [[e.eventId, e.data.attempt]] : [],
    ),
  );
  expect(
    effects.flatMap((e) =>
      e.type === "DispatchActivityTask" ? [[e.data.activityId, e.data.attempt]] : [],
    ),
  ).toEqual(
    events.flatMap((e) =>
      e.type === "ActivityTaskScheduled" ? [[e.data.activityId, e.data.attempt]] : [],
    ),
  );

  // The timer service, fed only these effects, holds exactly the run's pending timers: none
  // leaks past a close, none is missing. (A heartbeat may have pushed one out further.)
  for (const effect of effects) {
    if (effect.type === "StartTimer")
      world.timers.set(timerKey(effect.data.runId, effect.data.timerId), { ...effect.data });
    if (effect.type === "CancelTimer")
      world.timers.delete(timerKey(effect.data.runId, effect.data.timerId));
    if (effect.type === "SendCommand" && effect.data.workflowId === WF)
      world.inbox.push(effect.data.command);
  }
  const held = [...world.timers.values()];
  const pending = state.status === "running" ? state.timers : {};
  expect(held.map((t) => timerKey(t.runId, t.timerId)).sort()).toEqual(
    Object.keys(pending)
      .map((id) => timerKey(state.status === "none" ? "" : state.runId, id))
      .sort(),
  );
  for (const t of held) {
    const expected = pending[t.timerId].fireAt;
    if (t.timerId.endsWith("/heartbeat")) expect(t.fireAt).toBeGreaterThanOrEqual(expected);
    else expect(t.fireAt).toBe(expected);
  }

  world.state = state;

  // Idempotence at every edge: the same command delivered again right away adds no events.
  const again = decide(state, command);
  if (again.ok) expect(again.events).toEqual([]);
  return decision;
}

function play(choices: Choice[]): World {
  const world = new World();
  const first: HistoryCommand = {
    type: "StartWorkflow",
    now: T0,
    data: {
      workflowId: WF,
      runId: "run-first",
      requestId: "req-first",
      workflowType: "flow",
      taskQueue: "main",
      input: null,
    },
  };
  const commands: HistoryCommand[] = [first];
  try {
    step(world, first);
    for (const [i, ch] of choices.entries()) {
      world.now += ch.dt;
      const body = toCommand(world, ch, i);
      if (!body) continue;
      const command = { ...body, now: world.now } as HistoryCommand;
      commands.push(command);
      if (command.type === "TimerFired") {
        // The timer service fires a timer it holds once; the run's decide sees it now.
        const key = timerKey(command.data.runId, command.data.timerId);
        if (world.timers.delete(key)) world.firedTimerIds.push(command.data.timerId);
      }
      step(world, command);
    }
  } catch (error) {
    (error as Error).message += `\n\nafter:\n${world.log.join("\n")}`;
    throw error;
  }
  return world;
}

describe("decide, on random command sequences", () => {
  /** Event types the sequences reached, to show the properties are not vacuous. */
  const reached = new Set<string>();

  it("never throws, keeps histories valid, folds back to its state, and rejects without change", () => {
    fc.assert(
      fc.property(sequences, (choices) => {
        for (const history of play(choices).histories)
          for (const event of history) reached.add(event.type);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it("reached deep states doing so", () => {
    const expected = [
      "WorkflowCompleted",
      "WorkflowFailed",
      "WorkflowTerminated",
      "WorkflowTimedOut",
      "WorkflowContinuedAsNew",
      "WorkflowCancelRequested",
      "WorkflowTaskCompleted",
      "WorkflowTaskFailed",
      "WorkflowTaskTimedOut",
      "ActivityTaskScheduled",
      "ActivityTaskStarted",
      "ActivityTaskCompleted",
      "ActivityTaskFailed",
      "ActivityTaskTimedOut",
      "ActivityTaskCancelRequested",
      "TimerStarted",
      "TimerFired",
      "TimerCancelled",
      "SignalReceived",
      "SignalExternalInitiated",
      "ChildWorkflowInitiated",
      "ChildWorkflowStarted",
      "MarkerRecorded",
    ];
    expect(expected.filter((type) => !reached.has(type))).toEqual([]);
  });
});
