import * as fs from "node:fs";
import {
  ActivityFailure,
  ApplicationError,
  CancelledError,
  ChildWorkflowFailure,
  DeterminismError,
  EventualError,
  HeartbeatTimeout,
  SandboxViolationError,
  Timeout,
  WorkflowUsageError,
  activity,
  activityInfo,
  cancellationSignal,
  condition,
  duration,
  expectSignal,
  fromFailure,
  heartbeat,
  log,
  onSignal,
  sendSignal,
  signal,
  time,
  toFailure,
  workflow,
  workflowInfo,
} from "@eventual/sdk";
import { TestEnvironment, WorkflowTaskFailedError } from "@eventual/testing";
import { replayHistory } from "@eventual/worker";
import { eventsOf, expectValidHistory } from "./helpers";
import {
  type Misdeed,
  misbehave,
  misusesActivity,
  steps,
  violator,
} from "./fixtures/sandbox.workflow";

const workflowsPath = require.resolve("./fixtures/sandbox.workflow");

/** Calls `fn` and returns what it threw or rejected with, whichever way it fails. */
async function failureOf(fn: () => unknown): Promise<Error> {
  try {
    await fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a failure");
}

describe("workflow APIs outside a workflow", () => {
  const outside = (api: string) =>
    `${api} can only be used inside a workflow function (it was called outside one)`;
  const typed = signal<string>("typed");
  const cases: Array<[string, () => unknown, string]> = [
    ["duration", () => duration(1, "second"), outside("duration()")],
    ["time", () => time(new Date()), outside("time()")],
    ["condition", () => condition(() => true), outside("condition()")],
    ["expectSignal", () => expectSignal("x"), outside("expectSignal()")],
    [
      "expectSignal with timeout",
      () => expectSignal("x", { timeout: "1s" }),
      outside("expectSignal()"),
    ],
    ["onSignal", () => onSignal("x", () => undefined), outside("onSignal()")],
    ["sendSignal", () => sendSignal("someone", "x", 1), outside("sendSignal()")],
    ["workflowInfo", () => workflowInfo(), outside("workflowInfo()")],
    ["signal().expectSignal", () => typed.expectSignal(), outside("expectSignal()")],
    ["signal().onSignal", () => typed.onSignal(() => undefined), outside("onSignal()")],
    ["signal().sendSignal", () => typed.sendSignal("someone", "hi"), outside("sendSignal()")],
    [
      "a child workflow call",
      () => steps("/tmp"),
      'workflow "steps" was called outside a workflow; start it with the client or TestEnvironment.start',
    ],
  ];

  it.each(cases)("%s throws WorkflowUsageError naming the API", async (_name, call, message) => {
    const error = await failureOf(call);
    expect(error).toBeInstanceOf(WorkflowUsageError);
    expect(error.name).toBe("WorkflowUsageError");
    expect(error.message).toBe(message);
  });

  it.each([
    ["heartbeat", () => heartbeat({ step: 1 }), "heartbeat()"],
    ["activityInfo", () => activityInfo(), "activityInfo()"],
    ["cancellationSignal", () => cancellationSignal(), "cancellationSignal()"],
  ])("%s outside an activity throws WorkflowUsageError naming the API", (_name, call, api) => {
    expect(call).toThrow(WorkflowUsageError);
    expect(call).toThrow(`${api} can only be called while an activity runs`);
  });

  it("log writes to the console outside a workflow", () => {
    const spy = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    log.warn("careful", 1);
    expect(spy).toHaveBeenCalledWith("careful", 1);
    spy.mockRestore();
  });
});

describe("errors as data (toFailure / fromFailure)", () => {
  const overWire = (error: unknown) => fromFailure(JSON.parse(JSON.stringify(toFailure(error))));

  it("keep an ActivityFailure's fields and its ApplicationError cause", () => {
    const original = new ActivityFailure(
      "charge failed",
      "charge",
      3,
      ApplicationError.nonRetryable("declined", "CardDeclined", { code: 51 }),
    );
    expect(toFailure(original)).toMatchObject({
      type: "ActivityFailure",
      message: "charge failed",
      details: { activityType: "charge", attempt: 3 },
      cause: {
        type: "CardDeclined",
        message: "declined",
        nonRetryable: true,
        details: { code: 51 },
      },
    });
    const rebuilt = overWire(original) as ActivityFailure;
    expect(rebuilt).toBeInstanceOf(ActivityFailure);
    expect(rebuilt).toMatchObject({
      name: "ActivityFailure",
      message: "charge failed",
      activityType: "charge",
      attempt: 3,
    });
    expect(rebuilt.cause).toBeInstanceOf(ApplicationError);
    expect(rebuilt.cause).toMatchObject({
      name: "ApplicationError",
      type: "CardDeclined",
      nonRetryable: true,
      details: { code: 51 },
    });
  });

  it.each([
    [
      "ChildWorkflowFailure",
      new ChildWorkflowFailure("child failed", "c-1", "child", new CancelledError("stopped")),
      ChildWorkflowFailure,
    ],
    ["CancelledError", new CancelledError("stopped"), CancelledError],
    ["Timeout", new Timeout("too slow", "signal"), Timeout],
    ["HeartbeatTimeout", new HeartbeatTimeout("silent"), HeartbeatTimeout],
    ["DeterminismError", new DeterminismError("changed"), DeterminismError],
    ["WorkflowUsageError", new WorkflowUsageError("misused"), WorkflowUsageError],
    ["SandboxViolationError", new SandboxViolationError("refused"), SandboxViolationError],
  ] as const)("rebuild %s as its own class", (name, original, cls) => {
    const rebuilt = overWire(original);
    expect(rebuilt).toBeInstanceOf(cls);
    expect(rebuilt).toBeInstanceOf(EventualError);
    expect(rebuilt.name).toBe(name);
    expect(rebuilt.message).toBe(original.message);
  });

  it("keep the fields of Timeout and ChildWorkflowFailure", () => {
    expect(overWire(new Timeout("too slow", "signal"))).toMatchObject({ timeoutType: "signal" });
    expect(overWire(new HeartbeatTimeout("silent"))).toMatchObject({ timeoutType: "heartbeat" });
    const child = overWire(
      new ChildWorkflowFailure("child failed", "c-1", "child", new CancelledError("stopped")),
    ) as ChildWorkflowFailure;
    expect(child).toMatchObject({ workflowId: "c-1", workflowType: "child" });
    expect(child.cause).toBeInstanceOf(CancelledError);
  });

  it("turn other errors and thrown values into ApplicationErrors typed by their name", () => {
    expect(overWire(new RangeError("out of range"))).toMatchObject({
      name: "ApplicationError",
      type: "RangeError",
      message: "out of range",
    });
    expect(overWire(42)).toMatchObject({ name: "ApplicationError", type: "Error", message: "42" });
  });
});

describe("defining workflows and activities", () => {
  it("refuses an empty name, a missing handler and a name defined twice", () => {
    expect(() => workflow("", async () => undefined)).toThrow(
      new WorkflowUsageError("workflow() needs a non-empty name"),
    );
    expect(() => workflow("handlerless", {} as never)).toThrow(
      new WorkflowUsageError('workflow "handlerless" needs a handler function'),
    );
    workflow("twice", async () => undefined);
    expect(() => workflow("twice", async () => undefined)).toThrow(
      new WorkflowUsageError(
        'workflow "twice" is defined twice; names must be unique within a worker',
      ),
    );
    activity("twiceActivity", async () => undefined);
    expect(() => activity("twiceActivity", async () => undefined)).toThrow(
      /activity "twiceActivity" is defined twice/,
    );
  });

  it("starting a workflow type no module defines fails its task with a message listing the known ones", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const error = await failureOf(() => env.start("noSuchWorkflow", null));
    expect(error).toBeInstanceOf(WorkflowTaskFailedError);
    expect((error as WorkflowTaskFailedError).cause.message).toBe(
      'No workflow named "noSuchWorkflow" is registered in this worker\'s workflows (registered: misbehave, misusesActivity, steps, violator)',
    );
    const handle = env.handle("noSuchWorkflow-1");
    expect(eventsOf(handle, "WorkflowTaskFailed")[0].data).toMatchObject({
      cause: "worker-failure",
      failure: { type: "WorkflowNotRegisteredError" },
    });
    expect(handle.state().status).toBe("running");
    expectValidHistory(handle);
  });
});

describe("the workflow sandbox", () => {
  it.each([
    ["setTimeout", /^setTimeout\(\) is not allowed in workflow code: use duration\(\) or time\(\)/],
    ["fetch", /^fetch\(\) is not allowed in workflow code: do I\/O in an activity/],
    [
      "a named import from node:fs",
      /^fs\.readFileSync\(\) is not allowed in workflow code: it is I\/O or host state; call it from an activity instead$/,
    ],
  ] as const)("refuses %s with SandboxViolationError", async (what, message) => {
    const misdeed: Misdeed = what === "a named import from node:fs" ? "fs-named" : what;
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(misbehave, misdeed);

    const result = await handle.result();
    expect(result).toMatchObject({
      ok: false,
      error: { name: "SandboxViolationError", message: expect.stringMatching(message) },
    });
    expectValidHistory(handle);
  });

  // A namespace import (`import * as fs`, the usual TypeScript form) copies the module's own
  // keys; the refusing stand-in must list them so each call is refused by name.
  it(
    "refuses a namespace import's function (import * as fs) with SandboxViolationError",
    async () => {
      const env = await TestEnvironment.create({ workflowsPath });
      const handle = await env.start(misbehave, "fs");

      expect(await handle.result()).toMatchObject({
        ok: false,
        error: {
          name: "SandboxViolationError",
          message: expect.stringMatching(/^fs\.readFileSync\(\) is not allowed/),
        },
      });
    },
  );

  it("has no WeakRef", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(misbehave, "weakref");
    expect(await handle.result()).toMatchObject({
      ok: false,
      error: { name: "ReferenceError", message: "WeakRef is not defined" },
    });
    expectValidHistory(handle);
  });

  it("an uncaught violation fails the workflow; the cause is a SandboxViolationError", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(violator, undefined);

    const error = await failureOf(() => handle.result());
    expect(error).toMatchObject({ name: "WorkflowExecutionError", status: "failed" });
    expect(error.cause).toBeInstanceOf(SandboxViolationError);
    expect((error.cause as Error).message).toMatch(/^fetch\(\) is not allowed in workflow code/);
    expect(handle.history().at(-1)).toMatchObject({
      type: "WorkflowFailed",
      data: { failure: { type: "SandboxViolationError" } },
    });
    expectValidHistory(handle);
  });

  it("activities imported next to workflows run for real, with their I/O", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(steps, __filename);
    expect(await handle.result()).toBe(fs.readFileSync(__filename, "utf8").length);
    expectValidHistory(handle);
  });

  it("an activity that calls a workflow API fails with WorkflowUsageError as its cause", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(misusesActivity, undefined);

    expect(await handle.result()).toMatchObject({
      ok: false,
      error: {
        name: "ActivityFailure",
        cause: {
          name: "WorkflowUsageError",
          message:
            "duration() can only be used inside a workflow function (it was called outside one)",
          instanceOf: ["EventualError", "WorkflowUsageError"],
        },
      },
    });
    expectValidHistory(handle);
  });
});

describe("replaying a recorded history (DeterminismError)", () => {
  async function recordSteps() {
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(steps, __filename, { workflowId: "recorded" });
    await handle.result();
    return handle.history();
  }

  it("a history the code would produce again replays cleanly", async () => {
    const history = await recordSteps();
    expect(() => replayHistory({ workflowsPath, history })).not.toThrow();
  });

  it("a history whose operation differs from the code's fails with DeterminismError naming both", async () => {
    const history = await recordSteps();
    const runId = history[0].type === "WorkflowStarted" ? history[0].data.runId : "";
    const tampered = history.map((e) =>
      e.type === "ActivityTaskScheduled"
        ? { ...e, data: { ...e.data, activityType: "legacyFileSize" } }
        : e,
    );

    const error = await failureOf(() => replayHistory({ workflowsPath, history: tampered }));
    expect(error).toBeInstanceOf(DeterminismError);
    expect(error.message).toBe(
      `Workflow "steps" (id recorded, run ${runId}) is not deterministic at operation #1: ` +
        `history recorded activity "legacyFileSize" (#1), but the code now calls activity "fileSize" (#1). ` +
        "Changing the order or kind of awaited operations breaks running workflows; keep the old path for them.",
    );
    expect((error as DeterminismError).details).toEqual({
      seq: 1,
      expected: 'activity "legacyFileSize" (#1)',
      actual: 'activity "fileSize" (#1)',
    });
  });

  it("a history missing an operation the code issues fails with DeterminismError", async () => {
    const history = await recordSteps();
    const cut = history.filter((e) => e.type !== "TimerStarted" && e.type !== "TimerFired");
    const renumbered = cut.map((e, i) => ({ ...e, eventId: i + 1 }));

    const runId = history[0].type === "WorkflowStarted" ? history[0].data.runId : "";

    const error = await failureOf(() => replayHistory({ workflowsPath, history: renumbered }));
    expect(error).toBeInstanceOf(DeterminismError);
    expect(error.message).toBe(
      `Workflow "steps" (id recorded, run ${runId}) is not deterministic at operation #2: ` +
        "history recorded nothing (history has no such call), but the code now calls a timer (duration/time, #2). " +
        "Changing the order or kind of awaited operations breaks running workflows; keep the old path for them.",
    );
  });
});
