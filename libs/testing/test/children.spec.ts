import { TestEnvironment } from "@eventual/testing";
import { HOUR, MINUTE, SECOND, T0, businessEvents, eventsOf, expectValidHistory } from "./helpers";
import { double, explode, napper, parent } from "./fixtures/children.workflow";

const workflowsPath = require.resolve("./fixtures/children.workflow");

describe("child workflows", () => {
  it("resolve with the child's result; the child gets a stable default id and the parent's queue", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(
      parent,
      { kind: "value", n: 21 },
      { workflowId: "p", taskQueue: "orders" },
    );

    expect(await handle.result()).toEqual({
      result: { doubled: 42, workflowId: "p/1", taskQueue: "orders" },
    });
    expect(env.now().getTime()).toBe(T0 + MINUTE);
    expect(businessEvents(handle)).toEqual([
      "WorkflowStarted",
      "ChildWorkflowInitiated",
      "ChildWorkflowStarted",
      "ChildWorkflowCompleted",
      "WorkflowCompleted",
    ]);
    expect(eventsOf(handle, "ChildWorkflowInitiated")[0].data).toMatchObject({
      workflowId: "p/1",
      workflowType: "double",
      input: 21,
      taskQueue: "orders",
      parentClosePolicy: "terminate",
    });

    const child = env.handle<{ doubled: number }>("p/1");
    expect(await child.result()).toMatchObject({ doubled: 42 });
    const parentRun = eventsOf(handle, "WorkflowStarted")[0].data.runId;
    expect(eventsOf(child, "WorkflowStarted")[0].data).toMatchObject({
      workflowType: "double",
      parent: { workflowId: "p", runId: parentRun, seq: 1 },
    });
    expectValidHistory(handle, child);
  });

  it("take a workflowId option", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(parent, { kind: "named", n: 4, workflowId: "my-child" });

    expect(await handle.result()).toEqual({
      result: { doubled: 8, workflowId: "my-child", taskQueue: "default" },
    });
    const child = env.handle("my-child");
    expect(child.state().status).toBe("completed");
    expect(eventsOf(handle, "ChildWorkflowCompleted")[0].data).toMatchObject({
      workflowId: "my-child",
      result: { doubled: 8 },
    });
    expectValidHistory(handle, child);
  });

  it("a failing child rejects with ChildWorkflowFailure whose cause is the child's error", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(parent, { kind: "fail" }, { workflowId: "p" });

    const result = await handle.result();
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({
        name: "ChildWorkflowFailure",
        message: 'child workflow "explode" (p/1) failed: child went wrong',
        workflowId: "p/1",
        workflowType: "explode",
        instanceOf: ["EventualError", "ChildWorkflowFailure"],
        cause: {
          name: "ApplicationError",
          message: "child went wrong",
          type: "ChildBoom",
          nonRetryable: false,
          details: { why: "test" },
          instanceOf: ["EventualError", "ApplicationError"],
        },
      }),
    });
    const child = env.handle("p/1");
    await expect(child.result()).rejects.toMatchObject({
      name: "WorkflowExecutionError",
      status: "failed",
      cause: { message: "child went wrong", type: "ChildBoom" },
    });
    expect(eventsOf(handle, "ChildWorkflowFailed")[0].data.failure).toMatchObject({
      type: "ChildBoom",
      message: "child went wrong",
    });
    expectValidHistory(handle, child);
  });

  it("ChildWorkflowFailure names the child's workflow type", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(parent, { kind: "fail" }, { workflowId: "p" });

    expect(await handle.result()).toMatchObject({
      ok: false,
      error: { workflowId: "p/1", workflowType: "explode" },
    });
    expectValidHistory(handle, env.handle("p/1"));
  });

  it("a child cancelled from outside rejects with ChildWorkflowFailure caused by CancelledError", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(parent, { kind: "cancelled" });
    await env.cancel("napper-to-cancel");

    expect(await handle.result()).toMatchObject({
      ok: false,
      error: {
        name: "ChildWorkflowFailure",
        workflowId: "napper-to-cancel",
        cause: { name: "CancelledError", instanceOf: ["EventualError", "CancelledError"] },
      },
    });
    expect(env.handle("napper-to-cancel").state().status).toBe("cancelled");
    expectValidHistory(handle, env.handle("napper-to-cancel"));
  });

  it("a child past its execution timeout (definition or call option) rejects with ChildWorkflowFailure caused by Timeout", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const fromDefinition = await env.start(parent, { kind: "timeout" }, { workflowId: "a" });
    const fromCall = await env.start(
      parent,
      { kind: "timeout", options: { executionTimeout: "30 seconds" } },
      { workflowId: "b" },
    );

    expect(await fromCall.result()).toMatchObject({
      ok: false,
      error: {
        name: "ChildWorkflowFailure",
        cause: { name: "Timeout", instanceOf: ["EventualError", "Timeout"] },
      },
    });
    expect(eventsOf(fromCall, "ChildWorkflowTimedOut")[0].timestamp).toBe(T0 + 30 * SECOND);
    expect(await fromDefinition.result()).toMatchObject({
      ok: false,
      error: { name: "ChildWorkflowFailure", cause: { name: "Timeout" } },
    });
    expect(eventsOf(fromDefinition, "ChildWorkflowTimedOut")[0].timestamp).toBe(T0 + 10 * MINUTE);
    expect(env.handle("a/1").state().status).toBe("timed-out");
    expectValidHistory(fromDefinition, fromCall, env.handle("a/1"), env.handle("b/1"));
  });

  it("a second child with a running child's id fails to start", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(parent, { kind: "same-id" });

    const { first, second } = (await handle.result()) as { first: string; second: unknown };
    expect(first).toBe("slept 1h");
    expect(second).toMatchObject({
      ok: false,
      error: {
        name: "ChildWorkflowFailure",
        workflowId: "twin",
        cause: { type: "WorkflowAlreadyStartedError" },
      },
    });
    expectValidHistory(handle, env.handle("twin"));
  });

  it("a child still running when its parent completes is terminated by default", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(parent, { kind: "race" }, { workflowId: "p" });

    expect(await handle.result()).toBe("parent gave up");
    const child = env.handle("p/1");
    expect(child.state().status).toBe("terminated");
    expect(child.history().at(-1)).toMatchObject({
      type: "WorkflowTerminated",
      data: { reason: "parent workflow p closed (completed)" },
    });
    expectValidHistory(handle, child);
  });

  it("parentClosePolicy 'abandon' lets the child run on", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(parent, {
      kind: "race",
      options: { parentClosePolicy: "abandon", workflowId: "stray" },
    });

    expect(await handle.result()).toBe("parent gave up");
    const child = env.handle<string>("stray");
    expect(child.state().status).toBe("running");
    expect(await child.result()).toBe("slept 24h");
    expect(env.now().getTime()).toBe(T0 + 24 * HOUR);
    expectValidHistory(handle, child);
  });

  it("can be started directly by the test environment too", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const doubled = await env.start(double, 5);
    const exploded = await env.start(explode, "alone");
    const napped = await env.start(napper, 2);
    expect(await doubled.result()).toMatchObject({ doubled: 10 });
    await expect(exploded.result()).rejects.toMatchObject({
      cause: { message: "alone", type: "ChildBoom" },
    });
    expect(await napped.result()).toBe("slept 2h");
    expectValidHistory(doubled, exploded, napped);
  });
});
