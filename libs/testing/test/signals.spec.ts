import { TestEnvironment } from "@eventual/testing";
import { HOUR, MINUTE, T0, businessEvents, eventsOf, expectValidHistory } from "./helpers";
import {
  alreadyTrue,
  amount,
  approval,
  approve,
  badHandler,
  gate,
  goWithTimeout,
  goWithTimerPromise,
  lateListener,
  nagUntilStopped,
  pinger,
  ponger,
  signalOrTimer,
  tally,
  twoAtOnce,
  twoGos,
  waitForGo,
} from "./fixtures/signals.workflow";

const workflowsPath = require.resolve("./fixtures/signals.workflow");

describe("expectSignal()", () => {
  it("resolves with the payload of the next signal, when it arrives", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(waitForGo, {});
    await env.tick(5, "minutes");
    expect(handle.state().status).toBe("running");

    await handle.signal("go", { word: "now" });
    expect(await handle.result()).toEqual({ value: { word: "now" }, at: T0 + 5 * MINUTE });
    expect(
      eventsOf(handle, "SignalReceived").map((e) => [e.data.signalName, e.data.input, e.timestamp]),
    ).toEqual([["go", { word: "now" }, T0 + 5 * MINUTE]]);
    expectValidHistory(handle);
  });

  it("takes a signal sent before the wait began (it is buffered)", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(waitForGo, { sleepMinutes: 10 });
    await env.tick(1, "minute");
    await handle.signal("go", { word: "early" });
    expect(handle.state().status).toBe("running");

    await env.tick(9, "minutes");
    expect(handle.state().status).toBe("completed");
    expect(await handle.result()).toEqual({ value: { word: "early" }, at: T0 + 10 * MINUTE });
    expectValidHistory(handle);
  });

  it("hands signals of one name to successive waits in the order they were sent", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(twoGos, undefined);
    await handle.signal("go", "first");
    await handle.signal("go", "second");
    await handle.signal("go", "third (unclaimed)");

    expect(await handle.result()).toEqual(["first", "second"]);
    expect(eventsOf(handle, "SignalReceived")).toHaveLength(3);
    expectValidHistory(handle);
  });

  it("every wait open when a signal arrives gets that signal", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(twoAtOnce, undefined);
    await handle.signal("go", "shared");

    expect(await handle.result()).toEqual(["shared", "shared"]);
    expectValidHistory(handle);
  });

  it("with a timeout, throws Timeout when no signal comes in time", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(goWithTimeout, "1 hour");
    await env.tick(59, "minutes");
    expect(handle.state().status).toBe("running");

    expect(await handle.result()).toEqual({
      result: {
        ok: false,
        error: {
          name: "Timeout",
          message: 'Timed out waiting for signal "go"',
          timeoutType: "signal",
          instanceOf: ["EventualError", "Timeout"],
        },
      },
      at: T0 + HOUR,
    });
    expect(businessEvents(handle)).toEqual([
      "WorkflowStarted",
      "TimerStarted",
      "TimerFired",
      "WorkflowCompleted",
    ]);
    // A signal after the timeout is not taken by the abandoned wait (the run is closed anyway).
    await expect(handle.signal("go", "too late")).rejects.toThrow(
      /FAILED_PRECONDITION: Cannot signal: .* is already completed/,
    );
    expectValidHistory(handle);
  });

  it("with a timeout, returns the signal if it comes first and cancels the timer", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(goWithTimeout, "1 hour");
    await env.tick(20, "minutes");
    await handle.signal("go", "in time");

    expect(await handle.result()).toEqual({
      result: { ok: true, value: "in time" },
      at: T0 + 20 * MINUTE,
    });
    expect(businessEvents(handle)).toEqual([
      "WorkflowStarted",
      "TimerStarted",
      "SignalReceived",
      "TimerCancelled",
      "WorkflowCompleted",
    ]);
    expectValidHistory(handle);
  });

  it("accepts a promise (such as a duration) as its timeout", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(goWithTimerPromise, undefined);

    expect(await handle.result()).toMatchObject({
      ok: false,
      error: { name: "Timeout", message: 'Timed out waiting for signal "go"' },
    });
    expect(env.now().getTime()).toBe(T0 + 5 * MINUTE);
    expectValidHistory(handle);
  });
});

describe("onSignal()", () => {
  it("receives every signal until dispose(), after which signals are no longer handled", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(tally, undefined);
    await handle.signal(amount, 5);
    await handle.signal(amount, 7);
    expect(handle.state().status).toBe("running");
    await handle.signal(amount, 11);
    // Three arrived: the workflow disposed its handler and sleeps; this one is not counted.
    await handle.signal(amount, 1000);

    expect(await handle.result()).toEqual([5, 7, 11]);
    expect(eventsOf(handle, "SignalReceived").map((e) => e.data.input)).toEqual([5, 7, 11, 1000]);
    expectValidHistory(handle);
  });

  it("gets the signals that arrived before it was registered, in order", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(lateListener, undefined);
    await handle.signal("note", "a");
    await env.tick(30, "minutes");
    await handle.signal("note", "b");

    expect(await handle.result()).toEqual(["a", "b"]);
    expectValidHistory(handle);
  });

  it("a handler that throws fails the workflow with that error", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(badHandler, undefined);
    await handle.signal("bad", "malformed order");

    const error = (await handle.result().catch((e: unknown) => e)) as Error & {
      status?: string;
      cause?: unknown;
    };
    expect(error).toMatchObject({ name: "WorkflowExecutionError", status: "failed" });
    expect(error.cause).toMatchObject({
      name: "ApplicationError",
      message: "malformed order",
      type: "BadSignal",
      details: { source: "handler" },
    });
    expect(handle.history().at(-1)).toMatchObject({
      type: "WorkflowFailed",
      data: { failure: { type: "BadSignal", message: "malformed order" } },
    });
    expectValidHistory(handle);
  });
});

describe("signal<T>(name)", () => {
  it("is a typed handle with expectSignal, onSignal and sendSignal", async () => {
    expect(approve).toMatchObject({ kind: "signal", name: "approve" });
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(approval, undefined);
    await env.tick(3, "hours");
    await handle.signal(approve, { by: "ana" });

    expect(await handle.result()).toBe("approved by ana");
    expect(eventsOf(handle, "SignalReceived")[0].data).toMatchObject({
      signalName: "approve",
      input: { by: "ana" },
    });
    expectValidHistory(handle);
  });

  it("its expectSignal times out like the free function", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(approval, undefined);

    const error = (await handle.result().catch((e: unknown) => e)) as Error & { cause?: unknown };
    expect(error.cause).toMatchObject({
      name: "Timeout",
      message: 'Timed out waiting for signal "approve"',
    });
    expect(env.now().getTime()).toBe(T0 + 24 * HOUR);
    expectValidHistory(handle);
  });
});

describe("sendSignal()", () => {
  it("delivers signals from one workflow to another, by name and by typed signal, each once", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const receiver = await env.start(ponger, undefined, { workflowId: "receiver" });
    const sender = await env.start(pinger, "receiver", { workflowId: "sender" });

    expect(await sender.result()).toBe("sent");
    expect(await receiver.result()).toEqual({ ping: { from: "sender" }, ok: { by: "pinger" } });
    const senderRun = eventsOf(sender, "WorkflowStarted")[0].data.runId;
    expect(
      eventsOf(sender, "SignalExternalInitiated").map((e) => [
        e.data.workflowId,
        e.data.signalName,
        e.data.input,
      ]),
    ).toEqual([
      ["receiver", "ping", { from: "sender" }],
      ["receiver", "approve", { by: "pinger" }],
    ]);
    expect(
      eventsOf(receiver, "SignalReceived").map((e) => [e.data.signalName, e.data.requestId]),
    ).toEqual([
      ["ping", `${senderRun}/signal/1`],
      ["approve", `${senderRun}/signal/2`],
    ]);
    expectValidHistory(sender, receiver);
  });
});

describe("a signal racing a timer", () => {
  it("the signal wins when it comes first", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(signalOrTimer, undefined);
    await env.tick(59, "minutes");
    await handle.signal("go", "fast");

    expect(await handle.result()).toEqual({ winner: "signal:fast", at: T0 + 59 * MINUTE });
    expect(eventsOf(handle, "TimerFired")).toHaveLength(0);
    expectValidHistory(handle);
  });

  it("the timer wins when the signal is late", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(signalOrTimer, undefined);
    await env.tick(1, "hour");

    expect(await handle.result()).toEqual({ winner: "timer", at: T0 + HOUR });
    expect(eventsOf(handle, "SignalReceived")).toHaveLength(0);
    expectValidHistory(handle);
  });
});

describe("a signal racing a timer in a loop", () => {
  it("the signal is seen by the wait that is current when it arrives, after timers won earlier rounds", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(nagUntilStopped, undefined);
    await env.tick(3, "hours");
    await env.tick(30, "minutes");
    await handle.signal("stop", "ana");

    expect(handle.state().status).toBe("completed");
    expect(await handle.result()).toEqual({ stoppedBy: "ana", reminders: 3, at: T0 + 3.5 * HOUR });
    expectValidHistory(handle);
  });
});

describe("condition()", () => {
  it("without a timeout, waits as long as it takes for the predicate to hold", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(gate, null);
    await env.tick(30, "days");
    expect(handle.state().status).toBe("running");
    await handle.signal("open");

    expect(await handle.result()).toEqual({ met: true, at: T0 + 30 * 24 * HOUR });
    expect(eventsOf(handle, "TimerStarted")).toHaveLength(0);
    expectValidHistory(handle);
  });

  it("with a timeout, resolves true when the predicate holds in time and cancels its timer", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(gate, "2 hours");
    await env.tick(90, "minutes");
    await handle.signal("open");

    expect(await handle.result()).toEqual({ met: true, at: T0 + 90 * MINUTE });
    expect(businessEvents(handle)).toEqual([
      "WorkflowStarted",
      "TimerStarted",
      "SignalReceived",
      "TimerCancelled",
      "WorkflowCompleted",
    ]);
    expectValidHistory(handle);
  });

  it("with a timeout, resolves false when time runs out", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(gate, "2 hours");

    expect(await handle.result()).toEqual({ met: false, at: T0 + 2 * HOUR });
    expect(businessEvents(handle)).toEqual([
      "WorkflowStarted",
      "TimerStarted",
      "TimerFired",
      "WorkflowCompleted",
    ]);
    expectValidHistory(handle);
  });

  it("resolves true at once, without a timer, when the predicate already holds", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(alreadyTrue, undefined);

    expect(handle.state().status).toBe("completed");
    expect(await handle.result()).toBe(true);
    expect(businessEvents(handle)).toEqual(["WorkflowStarted", "WorkflowCompleted"]);
    expectValidHistory(handle);
  });
});
