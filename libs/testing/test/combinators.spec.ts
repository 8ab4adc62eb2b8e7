import { TestEnvironment } from "@eventual/testing";
import { HOUR, MINUTE, T0, eventsOf, expectValidHistory } from "./helpers";
import {
  allFailFast,
  allOf,
  anyOf,
  fetchPrice,
  priceOrTimeout,
  raceOf,
  settled,
} from "./fixtures/combinators.workflow";

const workflowsPath = require.resolve("./fixtures/combinators.workflow");

describe("Promise.all", () => {
  it("waits for an activity, a timer, a signal and a child together", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(allOf, undefined, { workflowId: "all" });
    await env.tick(15, "minutes");
    expect(handle.state().status).toBe("running");
    await handle.signal("go", "green");
    expect(handle.state().status).toBe("running");

    expect(await handle.result()).toEqual({
      total: 5,
      timer: "timer done",
      signal: "green",
      echoed: "HI",
      at: T0 + 20 * MINUTE,
    });
    // Sequence numbers go to the activity (1), the timer (2) and the child (3); signals take none.
    expect(env.handle("all/3").state().status).toBe("completed");
    expectValidHistory(handle, env.handle("all/3"));
  });

  it("rejects with the first failure at once", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(allFailFast, undefined);

    const { result, at } = await handle.result();
    expect(at).toBe(T0);
    expect(result).toMatchObject({
      ok: false,
      error: { name: "ActivityFailure", cause: { type: "Refused", message: "out of stock" } },
    });
    expectValidHistory(handle);
  });
});

describe("Promise.race", () => {
  it("the fastest wins: the activity when it returns at once", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(raceOf, { timerMinutes: 10, childMinutes: 5 });
    expect(await handle.result()).toEqual({ winner: "activity:100", at: T0 });
    expectValidHistory(handle);
  });

  it("the fastest wins: the child, then the timer, then the signal", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    env.mockActivity(fetchPrice).timeout();

    const child = await env.start(raceOf, { timerMinutes: 10, childMinutes: 5 });
    expect(await child.result()).toEqual({ winner: "child:CHILD", at: T0 + 5 * MINUTE });

    const timer = await env.start(raceOf, { timerMinutes: 3, childMinutes: 5 });
    expect(await timer.result()).toEqual({ winner: "timer", at: T0 + 8 * MINUTE });

    const signal = await env.start(raceOf, { timerMinutes: 3, childMinutes: 5 });
    await env.tick(2, "minutes");
    await signal.signal("go", "wave");
    expect(await signal.result()).toEqual({ winner: "signal:wave", at: T0 + 10 * MINUTE });
    expectValidHistory(child, timer, signal);
  });
});

describe("Promise.race of an activity against a timeout", () => {
  it("the timer wins when the activity hangs; the run carries on and later sees the activity time out", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    env.mockActivity(fetchPrice).timeout();
    const handle = await env.start(priceOrTimeout, undefined);

    expect(await handle.result()).toEqual({ first: "timed out", firstAt: T0 + MINUTE });
    expect(eventsOf(handle, "ActivityTaskTimedOut").map((e) => e.timestamp)).toEqual([T0 + HOUR]);
    expect(eventsOf(handle, "ActivityTaskCompleted")).toHaveLength(0);
    expectValidHistory(handle);
  });

  it("the activity wins when it is fast; its timer never fires", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    env.mockActivity(fetchPrice).succeed(42);
    const handle = await env.start(priceOrTimeout, undefined);

    expect(await handle.result()).toEqual({ first: { price: 42 }, firstAt: T0 });
    // The race does not cancel its loser: the one-minute timer still fires, unheeded.
    expect(eventsOf(handle, "TimerFired").map((e) => [e.data.seq, e.timestamp])).toEqual([
      [2, T0 + MINUTE],
      [3, T0 + 2 * HOUR],
    ]);
    expectValidHistory(handle);
  });
});

describe("Promise.any", () => {
  it("resolves with the first success, ignoring failures of activities and children", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(anyOf, false);

    expect(await handle.result()).toEqual({
      result: { ok: true, value: "timer" },
      at: T0 + 30 * MINUTE,
    });
    expectValidHistory(handle);
  });

  it("resolves with a signal that arrives before anything succeeds", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(anyOf, true);
    await env.tick(3, "minutes");
    await handle.signal("go", "saved");

    expect(await handle.result()).toEqual({
      result: { ok: true, value: "saved" },
      at: T0 + 3 * MINUTE,
    });
    expectValidHistory(handle);
  });

  it("rejects with AggregateError holding each failure when all fail", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(anyOf, true);

    const { result, at } = await handle.result();
    expect(at).toBe(T0 + 10 * MINUTE);
    expect(result).toMatchObject({
      ok: false,
      error: {
        name: "AggregateError",
        instanceOf: ["AggregateError"],
        errors: [
          { name: "ActivityFailure", cause: { type: "Refused" } },
          {
            name: "ChildWorkflowFailure",
            workflowType: "failingChild",
            cause: { type: "ChildNo", message: "child says no" },
          },
          { name: "Timeout", message: 'Timed out waiting for signal "go"' },
          { name: "Timeout", message: 'Timed out waiting for signal "never"' },
        ],
      },
    });
    expectValidHistory(handle);
  });
});

describe("Promise.allSettled", () => {
  it("reports every outcome of activities, timers, signals and children", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(settled, undefined);

    const { shaped, at } = await handle.result();
    expect(at).toBe(T0 + 5 * MINUTE);
    expect(shaped).toEqual([
      { status: "fulfilled", value: 2 },
      {
        status: "rejected",
        reason: expect.objectContaining({
          name: "ActivityFailure",
          cause: expect.objectContaining({ type: "Refused", message: "nope" }),
        }),
      },
      { status: "fulfilled", value: "slept" },
      {
        status: "rejected",
        reason: expect.objectContaining({ name: "Timeout", timeoutType: "signal" }),
      },
      {
        status: "rejected",
        reason: expect.objectContaining({
          name: "ChildWorkflowFailure",
          cause: expect.objectContaining({ type: "ChildNo" }),
        }),
      },
      { status: "fulfilled", value: "X" },
    ]);
    expectValidHistory(handle);
  });
});
