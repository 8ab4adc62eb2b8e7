import { TestEnvironment, WorkflowExecutionError } from "@eventual/testing";
import { HOUR, MINUTE, SECOND, T0, businessEvents, eventsOf, expectValidHistory } from "./helpers";
import {
  alarm,
  badDuration,
  badTime,
  clocks,
  dice,
  pastAlarm,
  sleeper,
  stamp,
  zeroSleep,
} from "./fixtures/timers.workflow";

const workflowsPath = require.resolve("./fixtures/timers.workflow");

describe("duration()", () => {
  it("sleeps exactly the given time on the virtual clock, and not a millisecond less", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(sleeper, { amount: 1, unit: "hours" });

    await env.tick(HOUR - 1, "milliseconds");
    expect(handle.state().status).toBe("running");
    await env.tick(1, "millisecond");

    expect(handle.state().status).toBe("completed");
    expect(await handle.result()).toEqual({ before: T0, after: T0 + HOUR });
    const [started] = eventsOf(handle, "TimerStarted");
    expect(started.data.fireAt).toBe(T0 + HOUR);
    const [fired] = eventsOf(handle, "TimerFired");
    expect(fired.timestamp).toBe(T0 + HOUR);
    expect(fired.data.seq).toBe(started.data.seq);
    expect(businessEvents(handle)).toEqual([
      "WorkflowStarted",
      "TimerStarted",
      "TimerFired",
      "WorkflowCompleted",
    ]);
    expectValidHistory(handle);
  });

  it("takes seconds when no unit is given, and understands days", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const seconds = await env.start(sleeper, { amount: 30 });
    const days = await env.start(sleeper, { amount: 2, unit: "days" });

    expect(await seconds.result()).toEqual({ before: T0, after: T0 + 30 * SECOND });
    expect(await days.result()).toEqual({ before: T0, after: T0 + 48 * HOUR });
    expectValidHistory(seconds, days);
  });

  it("duration(0) is due at once: no tick is needed", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    env.mockActivity(stamp).succeed("stamped");
    const handle = await env.start(zeroSleep, undefined);

    expect(handle.state().status).toBe("completed");
    expect(await handle.result()).toBe("stamped");
    expect(env.now().getTime()).toBe(T0);
    expectValidHistory(handle);
  });

  it("a negative duration fails the workflow with a message naming the value", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(badDuration, undefined);

    const error = await handle.result().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkflowExecutionError);
    expect((error as WorkflowExecutionError).status).toBe("failed");
    expect((error as WorkflowExecutionError).cause?.message).toMatch(/-5 minutes/);
    expectValidHistory(handle);
  });
});

describe("time()", () => {
  it("waits until an ISO string moment, then until a Date", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(alarm, "2025-01-03T09:30:00Z");

    await env.tickUntil("2025-01-03T09:29:59.999Z");
    expect(handle.state().status).toBe("running");

    expect(await handle.result()).toEqual({
      first: "2025-01-03T09:30:00.000Z",
      second: "2025-01-03T09:31:00.000Z",
    });
    expect(eventsOf(handle, "TimerStarted").map((e) => e.data.fireAt)).toEqual([
      Date.parse("2025-01-03T09:30:00Z"),
      Date.parse("2025-01-03T09:31:00Z"),
    ]);
    expectValidHistory(handle);
  });

  it("a moment in the past fires at once, without moving the clock", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const mock = env.mockActivity(stamp).succeed("ok");
    const handle = await env.start(pastAlarm, undefined);

    // No tick: the timers were already due.
    expect(handle.state().status).toBe("completed");
    expect(mock.calls).toEqual([["after past alarms"]]);
    expect(await handle.result()).toBe(T0);
    expect(env.now().getTime()).toBe(T0);
    expect(eventsOf(handle, "TimerFired").map((e) => e.timestamp)).toEqual([T0, T0]);
    expectValidHistory(handle);
  });

  it("an unreadable moment fails the workflow with WorkflowUsageError naming time()", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(badTime, undefined);

    const error = (await handle.result().catch((e: unknown) => e)) as WorkflowExecutionError;
    expect(error).toBeInstanceOf(WorkflowExecutionError);
    expect(error.cause?.message).toBe("time() needs a Date or an ISO-8601 string, got not a date");
    expect(handle.history().at(-1)).toMatchObject({
      type: "WorkflowFailed",
      data: { failure: { type: "WorkflowUsageError" } },
    });
    expectValidHistory(handle);
  });
});

describe("the workflow clock", () => {
  it("Date.now(), new Date() and Date() read the virtual time at which each workflow task started", async () => {
    const env = await TestEnvironment.create({ workflowsPath, startTime: "2026-03-04T05:06:07Z" });
    const start = Date.parse("2026-03-04T05:06:07Z");
    const handle = await env.start(clocks, undefined);
    await env.tick(2, "hours");
    await env.tick(17, "minutes");
    await handle.signal("poke");

    const { seen, fixed, parsed, utc } = await handle.result();
    const at = [start, start + 90 * MINUTE, start + 2 * HOUR + 17 * MINUTE];
    expect(seen.map((s) => s.now)).toEqual(at);
    expect(seen.map((s) => s.date)).toEqual(at);
    expect(seen.map((s) => s.iso)).toEqual(at.map((t) => new Date(t).toISOString()));
    expect(seen.map((s) => s.str)).toEqual(at.map((t) => new Date(t).toString()));
    expect(seen.every((s) => s.isDate)).toBe(true);
    expect(fixed).toBe(Date.parse("2030-05-06T07:08:09Z"));
    expect(parsed).toBe(Date.parse("2030-05-06T07:08:09Z"));
    expect(utc).toBe(Date.UTC(2030, 0, 1));
    // The clock is the task's start, recorded in history.
    const started = eventsOf(handle, "WorkflowTaskStarted").map((e) => e.timestamp);
    expect(started).toEqual(at);
    expectValidHistory(handle);
  });
});

describe("Math.random()", () => {
  it("gives the same numbers when a run is replayed from scratch", async () => {
    const env = await TestEnvironment.create({ workflowsPath, maxCachedRuns: 0 });
    const handle = await env.start(dice, undefined);
    const loggedFirst = JSON.parse(handle.logs()[0].message) as number[];

    const { first, second } = await handle.result();
    // The last task replayed the first draws; they must match what the live task logged.
    expect(first).toEqual(loggedFirst);
    expect(new Set([...first, second]).size).toBe(4);
    for (const n of [...first, second]) {
      expect(n).toBeGreaterThanOrEqual(0);
      expect(n).toBeLessThan(1);
    }
    expectValidHistory(handle);
  });

  it("is the same for the same run whether or not the run stays cached, and differs between runs", async () => {
    const replaying = await TestEnvironment.create({ workflowsPath, maxCachedRuns: 0 });
    const cached = await TestEnvironment.create({ workflowsPath });
    const handles = [
      await replaying.start(dice, undefined, { workflowId: "dice" }),
      await cached.start(dice, undefined, { workflowId: "dice" }),
      await cached.start(dice, undefined, { workflowId: "dice-2" }),
    ];
    const [a, b, other] = await Promise.all(handles.map((h) => h.result()));

    expect(a).toEqual(b);
    expect(other.first).not.toEqual(a.first);
    expectValidHistory(...handles);
  });
});
