import { ApplicationError } from "@eventual/sdk";
import { TestEnvironment, WorkflowExecutionError } from "@eventual/testing";
import { HOUR, MINUTE, SECOND, T0, eventsOf, expectValidHistory } from "./helpers";
import {
  chatty,
  everything,
  failing,
  greet,
  introspect,
  limited,
  queued,
} from "./fixtures/context.workflow";

const workflowsPath = require.resolve("./fixtures/context.workflow");

describe("workflowInfo()", () => {
  it("gives the id, run id, type, queue and start time, the same in every task and in the handler's context", async () => {
    const env = await TestEnvironment.create({ workflowsPath, startTime: "2025-06-01T12:00:00Z" });
    const handle = await env.start(introspect, null, {
      workflowId: "who-am-i",
      taskQueue: "inspection",
    });

    const result = await handle.result();
    const runId = eventsOf(handle, "WorkflowStarted")[0].data.runId;
    const info = {
      workflowId: "who-am-i",
      runId,
      workflowType: "introspect",
      taskQueue: "inspection",
      startTime: "2025-06-01T12:00:00.000Z",
    };
    expect(result).toEqual({
      info,
      startTimeIsDate: true,
      laterIsSame: true,
      context: { ...info, sameLogger: true },
    });
    expectValidHistory(handle);
  });
});

describe("workflow options", () => {
  it("the definition's taskQueue is used unless the start overrides it", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const byDefault = await env.start(queued, undefined);
    const overridden = await env.start(queued, undefined, { taskQueue: "override" });
    expect(await byDefault.result()).toBe("special");
    expect(await overridden.result()).toBe("override");
    expect(eventsOf(byDefault, "WorkflowStarted")[0].data.taskQueue).toBe("special");
    expectValidHistory(byDefault, overridden);
  });

  it("the definition's executionTimeout ends the run as timed-out", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(limited, undefined);

    await expect(handle.result()).rejects.toMatchObject({
      name: "WorkflowExecutionError",
      status: "timed-out",
      message: `Workflow ${handle.workflowId} ended timed-out`,
    });
    expect(handle.history().at(-1)).toMatchObject({
      type: "WorkflowTimedOut",
      timestamp: T0 + HOUR,
    });
    expectValidHistory(handle);
  });

  it("a start's executionTimeout overrides the definition's", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(limited, undefined, { executionTimeout: "5 minutes" });

    await expect(handle.result()).rejects.toMatchObject({ status: "timed-out" });
    expect(handle.history().at(-1)).toMatchObject({
      type: "WorkflowTimedOut",
      timestamp: T0 + 5 * MINUTE,
    });
    expectValidHistory(handle);
  });
});

describe("log and console in workflows", () => {
  const expectedLogs = [
    { level: "info", message: "hello ana", timestamp: T0 },
    { level: "info", message: 'payload {"n":1,"list":[1,2]}', timestamp: T0 },
    { level: "info", message: "heard psst", timestamp: T0 + 30 * MINUTE },
    { level: "warn", message: "tick 1", timestamp: T0 + HOUR },
    { level: "debug", message: "debugging 1", timestamp: T0 + HOUR },
    { level: "warn", message: "tick 2", timestamp: T0 + 2 * HOUR },
    { level: "debug", message: "debugging 2", timestamp: T0 + 2 * HOUR },
    { level: "warn", message: "tick 3", timestamp: T0 + 3 * HOUR },
    { level: "debug", message: "debugging 3", timestamp: T0 + 3 * HOUR },
    { level: "error", message: "Error: not really", timestamp: T0 + 3 * HOUR },
    { level: "error", message: "bye", timestamp: T0 + 3 * HOUR },
  ];

  async function runChatty(maxCachedRuns?: number) {
    const env = await TestEnvironment.create({
      workflowsPath,
      ...(maxCachedRuns === undefined ? {} : { maxCachedRuns }),
    });
    const handle = await env.start(chatty, "ana");
    await env.tick(30, "minutes");
    await handle.signal("say", "psst");
    expect(await handle.result()).toBe("quiet now");
    expectValidHistory(handle);
    return handle;
  }

  it("each line appears once, with its level and the task's time, when the run stays cached", async () => {
    expect((await runChatty()).logs()).toEqual(expectedLogs);
  });

  it("each line appears once even when every task replays the run from the start", async () => {
    const handle = await runChatty(0);
    // Six tasks each replayed everything before them; not one line was repeated.
    expect(eventsOf(handle, "WorkflowTaskCompleted")).toHaveLength(6);
    expect(handle.logs()).toEqual(expectedLogs);
  });
});

describe("replaying every task from scratch (maxCachedRuns: 0)", () => {
  // One error object, so both runs record the same stack.
  const flaky = new Error("flaky");

  async function drive(maxCachedRuns?: number) {
    const env = await TestEnvironment.create({
      workflowsPath,
      ...(maxCachedRuns === undefined ? {} : { maxCachedRuns }),
    });
    env.mockActivity(greet).failOnce(flaky).invokeReal();
    const handle = await env.start(everything, "ana", { workflowId: "all-in" });
    await env.tick(10, "minutes");
    await handle.signal("note", "first");
    await env.tick(40, "minutes");
    await handle.signal("note", "second");
    await env.tick(20, "minutes");
    await handle.signal("go", "went");
    const result = await handle.result();
    const child = env.handle("all-in-helper");
    expectValidHistory(handle, child);
    return {
      result,
      history: handle.history(),
      logs: handle.logs(),
      childHistory: child.history(),
      childLogs: child.logs(),
    };
  }

  it("gives the same result, histories and logs as a cached run", async () => {
    const replayed = await drive(0);
    const cached = await drive();

    expect(replayed).toEqual(cached);
    expect(replayed.result).toMatchObject({
      noted: "noted begin",
      greeting: "hello ana",
      fromChild: 13,
      gotNotes: true,
      notes: ["first", "second"],
      raced: "went",
      now: T0 + 70 * MINUTE,
    });
    expect(replayed.logs.map((l) => l.message)).toEqual([
      `start ana ${replayed.result.luck}`,
      "note first",
      "note second",
      `end ${new Date(T0 + 70 * MINUTE).toISOString()}`,
    ]);
    expect(replayed.childLogs.map((l) => l.message)).toEqual(["helper got 3"]);
    expect(
      eventsOf(replayed.history, "ActivityTaskScheduled").map((e) => [
        e.data.activityType,
        e.data.attempt,
      ]),
    ).toEqual([
      ["note", 1],
      ["greet", 1],
      ["greet", 2],
    ]);
  });
});

describe("a workflow that throws", () => {
  async function failureOf(kind: Parameters<typeof failing>[0]) {
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(failing, kind);
    const error = (await handle.result().catch((e: unknown) => e)) as WorkflowExecutionError;
    expect(error).toBeInstanceOf(WorkflowExecutionError);
    expect(error.status).toBe("failed");
    expect(handle.state().status).toBe("failed");
    expect(eventsOf(handle, "WorkflowFailed")[0].timestamp).toBe(T0 + SECOND);
    expectValidHistory(handle);
    return {
      error,
      failure: eventsOf(handle, "WorkflowFailed")[0].data.failure,
      workflowId: handle.workflowId,
    };
  }

  it("fails with WorkflowExecutionError whose cause keeps the message", async () => {
    const { error, failure, workflowId } = await failureOf("error");
    expect(error.message).toBe(`Workflow ${workflowId} failed: kaput`);
    expect(error.cause?.message).toBe("kaput");
    expect(failure).toMatchObject({ type: "Error", message: "kaput" });
    expect(failure.stack).toContain("kaput");
  });

  it("keeps an ApplicationError's type, details and non-retryable flag", async () => {
    const { error, failure } = await failureOf("application");
    expect(failure).toMatchObject({
      type: "PaymentDeclined",
      message: "payment declined",
      nonRetryable: true,
      details: { orderId: 7 },
    });
    expect(error.cause).toBeInstanceOf(ApplicationError);
    expect(error.cause).toMatchObject({
      name: "ApplicationError",
      type: "PaymentDeclined",
      message: "payment declined",
      nonRetryable: true,
      details: { orderId: 7 },
    });
  });

  it("reports a thrown non-Error value as its text", async () => {
    const { error, failure } = await failureOf("string");
    expect(failure).toEqual({ type: "Error", message: "just a string" });
    expect(error.cause?.message).toBe("just a string");
  });

  it("names a runtime error's class", async () => {
    const { error, failure } = await failureOf("type");
    expect(failure).toMatchObject({ type: "TypeError", message: expect.stringContaining("boom") });
    expect(error.cause).toMatchObject({ type: "TypeError" });
  });
});
