import { ApplicationError, DEFAULT_START_TO_CLOSE_MS } from "@eventual/sdk";
import { TestEnvironment } from "@eventual/testing";
import { SECOND, T0, eventsOf, expectValidHistory } from "./helpers";
import {
  aborts,
  add,
  arithmetic,
  beating,
  bounded,
  callActivity,
  charge,
  flaky,
  format,
  fragile,
  gate,
  slow,
} from "./fixtures/activities.workflow";

const workflowsPath = require.resolve("./fixtures/activities.workflow");

describe("activities returning values", () => {
  it("passes every argument and returns the value, sync and async handlers alike", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(arithmetic, undefined);

    expect(await handle.result()).toEqual({
      sum: 42,
      formatted: { text: "widget x42", tags: ["a", "b"] },
    });
    const scheduled = eventsOf(handle, "ActivityTaskScheduled");
    expect(scheduled.map((e) => [e.data.activityType, e.data.input, e.data.attempt])).toEqual([
      ["add", [2, 40], 1],
      ["format", ["widget", 42, ["b", "a"]], 1],
    ]);
    expect(eventsOf(handle, "ActivityTaskCompleted").map((e) => e.data.result)).toEqual([
      42,
      { text: "widget x42", tags: ["a", "b"] },
    ]);
    // No limit given: the default start-to-close applies, on the workflow's queue.
    expect(scheduled[0].data.options).toEqual({
      taskQueue: "default",
      startToCloseTimeoutMs: DEFAULT_START_TO_CLOSE_MS,
    });
    expectValidHistory(handle);
  });

  it("mocks record each attempt's arguments and replace the result", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const addMock = env.mockActivity(add).succeedOnce(-1).succeed(1000);
    // A mock with no behaviour runs the real handler, and still records the calls.
    const formatMock = env.mockActivity(format);
    const handle = await env.start(arithmetic, undefined);

    expect(await handle.result()).toEqual({
      sum: -1,
      formatted: { text: "widget x-1", tags: ["a", "b"] },
    });
    expect(addMock.calls).toEqual([[2, 40]]);
    expect(formatMock.calls).toEqual([["widget", -1, ["b", "a"]]]);
    expectValidHistory(handle);
  });

  it("outside a workflow, calling an activity just runs its handler", async () => {
    await expect(add(1, 2)).resolves.toBe(3);
    await expect(format("x", 1, [])).resolves.toEqual({ text: "x x1", tags: [] });
  });
});

describe("activity retries", () => {
  it("a failed attempt is retried after the backoff, in virtual time, and the retry is attempt 2", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const mock = env.mockActivity(flaky).failOnce(new Error("connection reset")).invokeReal();
    const handle = await env.start(callActivity, { name: "flaky" });

    const [failed] = eventsOf(handle, "ActivityTaskFailed");
    expect(failed.data).toMatchObject({
      attempt: 1,
      nextAttemptAt: T0 + SECOND,
      failure: { type: "Error", message: "connection reset" },
    });
    await env.tick(999, "milliseconds");
    expect(mock.calls).toHaveLength(1);
    expect(handle.state().status).toBe("running");

    await env.tick(1, "millisecond");
    expect(mock.calls).toHaveLength(2);
    expect(await handle.result()).toEqual({ ok: true, value: { attempt: 2 } });
    const scheduled = eventsOf(handle, "ActivityTaskScheduled");
    expect(scheduled.map((e) => [e.data.attempt, e.timestamp])).toEqual([
      [1, T0],
      [2, T0 + SECOND],
    ]);
    expect(eventsOf(handle, "ActivityTaskCompleted")[0].data.attempt).toBe(2);
    expectValidHistory(handle);
  });

  it("stops after maximumAttempts with an ActivityFailure carrying the last error and attempt, backing off exponentially", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const mock = env
      .mockActivity(charge)
      .fail(new ApplicationError("card network down", { type: "NetworkDown" }));
    const handle = await env.start(callActivity, { name: "charge", args: [25] });

    const result = await handle.result();
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({
        name: "ActivityFailure",
        message: 'activity "charge" failed after 3 attempts: card network down',
        activityType: "charge",
        attempt: 3,
        instanceOf: ["EventualError", "ActivityFailure"],
        cause: expect.objectContaining({
          name: "ApplicationError",
          type: "NetworkDown",
          message: "card network down",
          nonRetryable: false,
        }),
      }),
    });
    expect(mock.calls).toEqual([[25], [25], [25]]);
    // 1 s, then 2 s (coefficient 2).
    expect(eventsOf(handle, "ActivityTaskScheduled").map((e) => e.timestamp)).toEqual([
      T0,
      T0 + SECOND,
      T0 + 3 * SECOND,
    ]);
    expect(eventsOf(handle, "ActivityTaskFailed").map((e) => e.data.nextAttemptAt)).toEqual([
      T0 + SECOND,
      T0 + 3 * SECOND,
      undefined,
    ]);
    expectValidHistory(handle);
  });

  it("a non-retryable ApplicationError fails at once, keeping its type, details and the attempt", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const mock = env
      .mockActivity(flaky)
      .fail(ApplicationError.nonRetryable("card declined", "CardDeclined", { code: 51 }));
    const handle = await env.start(callActivity, { name: "flaky" });

    expect(await handle.result()).toEqual({
      ok: false,
      error: {
        name: "ActivityFailure",
        // The activity's name is asserted in its own (failing) test below: the worker loses it.
        message: expect.stringMatching(/^activity "\w+" failed after 1 attempt: card declined$/),
        activityType: expect.any(String),
        attempt: 1,
        instanceOf: ["EventualError", "ActivityFailure"],
        cause: {
          name: "ApplicationError",
          message: "card declined",
          type: "CardDeclined",
          nonRetryable: true,
          details: { code: 51 },
          instanceOf: ["EventualError", "ApplicationError"],
        },
      },
    });
    expect(mock.calls).toHaveLength(1);
    expect(eventsOf(handle, "ActivityTaskFailed")[0].data).toMatchObject({
      attempt: 1,
      failure: { type: "CardDeclined", nonRetryable: true },
    });
    expect(eventsOf(handle, "ActivityTaskFailed")[0].data.nextAttemptAt).toBeUndefined();
    expectValidHistory(handle);
  });

  it("a non-retryable error thrown by real activity code is not retried either", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    env.mockActivity(add).invoke(() => {
      throw ApplicationError.nonRetryable("negative amounts are refused", "Refused");
    });
    const handle = await env.start(callActivity, { name: "add", args: [-1, 1] });

    const result = await handle.result();
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.cause).toMatchObject({
      type: "Refused",
      message: "negative amounts are refused",
      nonRetryable: true,
    });
    expect(env.mockActivity(add).calls).toEqual([[-1, 1]]);
    expectValidHistory(handle);
  });

  it("retry.nonRetryableErrorTypes stops retries for the listed types only", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const mock = env
      .mockActivity(fragile)
      .failOnce(ApplicationError.retryable("try again", "Transient"))
      .failOnce(new ApplicationError("disk is gone", { type: "Fatal" }));
    const handle = await env.start(callActivity, { name: "fragile" });

    const result = await handle.result();
    expect(mock.calls).toHaveLength(2);
    expect(result).toMatchObject({
      ok: false,
      error: {
        name: "ActivityFailure",
        attempt: 2,
        cause: { type: "Fatal", message: "disk is gone" },
      },
    });
    expect(
      eventsOf(handle, "ActivityTaskFailed").map((e) => [
        e.data.failure.type,
        e.data.nextAttemptAt,
      ]),
    ).toEqual([
      ["Transient", T0 + SECOND],
      ["Fatal", undefined],
    ]);
    expectValidHistory(handle);
  });

  it("an error's class name counts as its type for nonRetryableErrorTypes", async () => {
    class Fatal extends Error {
      override name = "Fatal";
    }
    const env = await TestEnvironment.create({ workflowsPath });
    const mock = env.mockActivity(fragile).fail(new Fatal("broken"));
    const handle = await env.start(callActivity, { name: "fragile" });

    expect(await handle.result()).toMatchObject({
      ok: false,
      error: { attempt: 1, cause: { type: "Fatal", message: "broken" } },
    });
    expect(mock.calls).toHaveLength(1);
    expectValidHistory(handle);
  });
});

describe("activity timeouts", () => {
  it("an attempt that never reports fails with a start-to-close Timeout when the limit runs out", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    env.mockActivity(slow).timeout();
    const handle = await env.start(callActivity, { name: "slow" });

    await env.tick(29, "seconds");
    expect(handle.state().status).toBe("running");
    await env.tick(1, "second");
    expect(await handle.result()).toEqual({
      ok: false,
      error: expect.objectContaining({
        name: "ActivityFailure",
        attempt: 1,
        cause: {
          name: "Timeout",
          message: expect.stringMatching(/^activity "\w+" timed out \(start-to-close\)$/),
          timeoutType: "start-to-close",
          instanceOf: ["EventualError", "Timeout"],
        },
      }),
    });
    expect(
      eventsOf(handle, "ActivityTaskTimedOut").map((e) => [e.data.timeoutType, e.timestamp]),
    ).toEqual([["start-to-close", T0 + 30 * SECOND]]);
    expectValidHistory(handle);
  });

  it("an attempt that stops heartbeating fails with HeartbeatTimeout (a kind of Timeout)", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    env.mockActivity(beating).timeout();
    const handle = await env.start(callActivity, { name: "beating" });

    const result = await handle.result();
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({
        name: "ActivityFailure",
        attempt: 1,
        cause: {
          name: "HeartbeatTimeout",
          message: expect.stringMatching(/^activity "\w+" timed out \(heartbeat\)$/),
          timeoutType: "heartbeat",
          instanceOf: ["EventualError", "Timeout", "HeartbeatTimeout"],
        },
      }),
    });
    expect(env.now().getTime()).toBe(T0 + 10 * SECOND);
    expect(eventsOf(handle, "ActivityTaskTimedOut")[0].data.timeoutType).toBe("heartbeat");
    expectValidHistory(handle);
  });

  it("a timed-out attempt is retried like a failed one, until schedule-to-close ends it", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const mock = env.mockActivity(bounded).timeout();
    const handle = await env.start(callActivity, { name: "bounded" });

    const result = await handle.result();
    // Attempt 1: 0-10 s, retry at 11 s; attempt 2: 11-21 s, retry at 23 s; attempt 3 is cut at 25 s.
    expect(mock.calls).toHaveLength(3);
    expect(result).toMatchObject({
      ok: false,
      error: {
        name: "ActivityFailure",
        attempt: 3,
        cause: { name: "Timeout", timeoutType: "schedule-to-close" },
      },
    });
    expect(
      eventsOf(handle, "ActivityTaskTimedOut").map((e) => [e.data.timeoutType, e.timestamp - T0]),
    ).toEqual([
      ["start-to-close", 10 * SECOND],
      ["start-to-close", 21 * SECOND],
      ["schedule-to-close", 25 * SECOND],
    ]);
    expectValidHistory(handle);
  });
});

describe("the activity named in ActivityFailure", () => {
  // A first attempt's ActivityTaskScheduled is consumed by the command matcher; the name must
  // still reach the failure the workflow sees.
  it("names the activity when its first attempt fails for good", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    env.mockActivity(flaky).fail(ApplicationError.nonRetryable("card declined", "CardDeclined"));
    const handle = await env.start(callActivity, { name: "flaky" });

    expect(await handle.result()).toMatchObject({
      ok: false,
      error: {
        activityType: "flaky",
        message: 'activity "flaky" failed after 1 attempt: card declined',
      },
    });
  });

  it("names the activity when its only attempt times out", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    env.mockActivity(slow).timeout();
    const handle = await env.start(callActivity, { name: "slow" });

    expect(await handle.result()).toMatchObject({
      ok: false,
      error: {
        activityType: "slow",
        cause: { message: 'activity "slow" timed out (start-to-close)' },
      },
    });
  });
});

describe("per-call options with .with()", () => {
  it("override the definition's timeout and keep its retry policy", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    env.mockActivity(slow).timeout();
    const handle = await env.start(callActivity, {
      name: "slow",
      options: { startToCloseTimeout: "5s" },
    });

    expect(await handle.result()).toMatchObject({
      ok: false,
      error: { attempt: 1, cause: { timeoutType: "start-to-close" } },
    });
    expect(env.now().getTime()).toBe(T0 + 5 * SECOND);
    expect(eventsOf(handle, "ActivityTaskScheduled")[0].data.options).toEqual({
      taskQueue: "default",
      startToCloseTimeoutMs: 5_000,
      retry: { maximumAttempts: 1 },
    });
    expectValidHistory(handle);
  });

  it("override the retry policy field by field", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const mock = env.mockActivity(charge).fail(new Error("nope"));
    const handle = await env.start(callActivity, {
      name: "charge",
      args: [1],
      options: {
        retry: { maximumAttempts: 2, initialInterval: "1 minute" },
        taskQueue: "payments",
      },
    });

    expect(await handle.result()).toMatchObject({
      ok: false,
      error: { attempt: 2, cause: { message: "nope" } },
    });
    expect(mock.calls).toHaveLength(2);
    expect(eventsOf(handle, "ActivityTaskScheduled").map((e) => e.timestamp - T0)).toEqual([
      0,
      60 * SECOND,
    ]);
    expect(eventsOf(handle, "ActivityTaskScheduled")[0].data.options).toEqual({
      taskQueue: "payments",
      startToCloseTimeoutMs: DEFAULT_START_TO_CLOSE_MS,
      retry: { maximumAttempts: 2, initialIntervalMs: 60_000 },
    });
    expectValidHistory(handle);
  });

  it("do not change the activity they were made from", async () => {
    const quick = slow.with({ startToCloseTimeout: "1s" });
    expect(quick.name).toBe("slow");
    expect(quick.options).toEqual(slow.options);
    expect(slow.options).toEqual({ startToCloseTimeout: "30s", retry: { maximumAttempts: 1 } });
    await expect(quick()).resolves.toBe("done");
  });

  it("bad options fail the call with a WorkflowUsageError naming the activity and field", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(callActivity, {
      name: "add",
      args: [1, 1],
      options: { startToCloseTimeout: "soon" },
    });

    expect(await handle.result()).toMatchObject({
      ok: false,
      error: {
        name: "WorkflowUsageError",
        message: expect.stringMatching(
          /^activity "add": startToCloseTimeout: Cannot read duration "soon"/,
        ),
      },
    });
    expect(eventsOf(handle, "ActivityTaskScheduled")).toHaveLength(0);
    expectValidHistory(handle);
  });
});

describe("the activity context", () => {
  it("a real activity reads activityInfo() and heartbeats", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(
      callActivity,
      { name: "inspect", args: ["probe"] },
      { workflowId: "inspector" },
    );

    const runId = eventsOf(handle, "WorkflowStarted")[0].data.runId;
    expect(await handle.result()).toEqual({
      ok: true,
      value: {
        label: "probe",
        info: {
          activityId: "1",
          activityType: "inspect",
          attempt: 1,
          workflowId: "inspector",
          runId,
          taskQueue: "io-queue",
        },
      },
    });
    expectValidHistory(handle);
  });

  it("heartbeats keep an attempt alive past its heartbeatTimeout; silence then times it out", async () => {
    const env = await TestEnvironment.create({ workflowsPath, activityWaitMs: 20 });
    const handle = await env.start(callActivity, { name: "longJob", args: [3] });

    // Each gap is shorter than the 10 s heartbeat timeout, the total is longer.
    for (let i = 0; i < 3; i++) {
      await env.tick(8, "seconds");
      expect(handle.state().status).toBe("running");
      gate.open();
    }
    expect(await handle.result()).toEqual({ ok: true, value: "finished 3 steps on attempt 1" });
    expect(eventsOf(handle, "ActivityTaskTimedOut")).toHaveLength(0);

    const silent = await env.start(callActivity, { name: "longJob", args: [2] });
    await env.tick(8, "seconds");
    gate.open();
    await env.tick(10, "seconds");
    expect(await silent.result()).toMatchObject({
      ok: false,
      error: { cause: { name: "HeartbeatTimeout" } },
    });
    // Started at 24 s, heartbeat at 32 s, then 10 s of silence (without the heartbeat: 34 s).
    expect(eventsOf(silent, "ActivityTaskTimedOut")[0].timestamp - T0).toBe(42 * SECOND);
    gate.open();
    expectValidHistory(handle, silent);
  });

  it("an activity that heartbeats until cancelled does not hold the test up", async () => {
    const env = await TestEnvironment.create({ workflowsPath, activityWaitMs: 20 });
    const handle = await env.start(callActivity, { name: "pulse" });
    expect(handle.state().status).toBe("running");

    await handle.cancel();
    expect(await handle.result()).toMatchObject({ ok: false, error: { name: "CancelledError" } });
    expectValidHistory(handle);
  });

  it("cancellationSignal() is aborted when the workflow is cancelled, and the call rejects with CancelledError", async () => {
    const env = await TestEnvironment.create({ workflowsPath, activityWaitMs: 10 });
    aborts.length = 0;
    const handle = await env.start(callActivity, { name: "waitForCancel" });
    expect(aborts).toEqual([]);
    expect(handle.state().status).toBe("running");

    await handle.cancel("user pressed stop");
    expect(aborts).toEqual([{ aborted: true, reason: "AbortError" }]);
    // This workflow catches every error, so it sees the cancellation and completes.
    expect(await handle.result()).toEqual({
      ok: false,
      error: {
        name: "CancelledError",
        message: 'activity "waitForCancel" was cancelled',
        instanceOf: ["EventualError", "CancelledError"],
      },
    });
    expect(eventsOf(handle, "ActivityTaskCancelRequested")).toHaveLength(1);
    expect(eventsOf(handle, "ActivityTaskCancelled")).toHaveLength(1);
    expectValidHistory(handle);
  });
});
