import { historyProblems } from "@eventual/core";
import { untilFound, useSystemStack } from "./fixtures/system-stack";

/**
 * The platform as a user runs it: history, projector, timers, matching, the gateway and a worker
 * each their own OS process, talking over Kafka, Postgres and gRPC; this test is only a client.
 */
describe("end to end: services, a worker process and a client", () => {
  const system = useSystemStack("e2e");

  it("runs the reminder (durable timers and activities returning values) to its result", async () => {
    const { client } = system.get();
    const { runId, started } = await client.startWorkflow({ workflowId: "greet-ana", workflowType: "greeter", taskQueue: "main", input: "ana" });
    expect(started).toBe(true);
    const result = await client.getWorkflowResult({ workflowId: "greet-ana" }, { timeout: "60s" });
    expect(result).toEqual({ runId, status: "completed", result: ["hello ana (1)", "hello ana (2)"] });

    const history = await client.getFullWorkflowHistory({ workflowId: "greet-ana", runId });
    expect(historyProblems(history)).toEqual([]);
    expect(history.map((e) => e.eventId)).toEqual(history.map((_, i) => i + 1));
    expect(history.filter((e) => e.type === "TimerFired")).toHaveLength(2);
    const completed = history.flatMap((e) => (e.type === "ActivityTaskCompleted" ? [e.data.result] : []));
    expect(completed).toEqual(["hello ana (1)", "hello ana (2)"]);
  }, 90_000);

  it("wakes a waiting workflow with a signal, and Describe shows it running, then completed", async () => {
    const { client } = system.get();
    const { runId } = await client.startWorkflow({ workflowId: "wait-1", workflowType: "waiter", taskQueue: "main" });
    const running = await untilFound(() => client.describeWorkflow({ workflowId: "wait-1" }));
    expect(running).toMatchObject({ workflowId: "wait-1", runId, workflowType: "waiter", taskQueue: "main", status: "running" });
    expect(running.closeTimeMs).toBeUndefined();

    await untilFound(() => client.signalWorkflow({ workflowId: "wait-1", signalName: "go", input: { by: "ben" } }));
    const result = await client.getWorkflowResult({ workflowId: "wait-1" }, { timeout: "60s" });
    expect(result).toEqual({ runId, status: "completed", result: "released by ben" });

    const closed = await client.describeWorkflow({ workflowId: "wait-1" });
    expect(closed).toMatchObject({ status: "completed", result: "released by ben" });
    expect(closed.closeTimeMs).toBeGreaterThanOrEqual(closed.startTimeMs);
    const history = await client.getFullWorkflowHistory({ workflowId: "wait-1" });
    expect(closed.historyLength).toBe(history.length);
    const signals = history.filter((e) => e.type === "SignalReceived");
    expect(signals).toHaveLength(1);
    expect(signals[0]).toMatchObject({ data: { signalName: "go", input: { by: "ben" } } });
  }, 90_000);

  it("runs a child workflow and hands its result to the parent", async () => {
    const { client } = system.get();
    const order = { id: "order-9", items: [{ sku: "tea", qty: 2 }, { sku: "cup", qty: 5 }] };
    const { runId } = await client.startWorkflow({ workflowId: "checkout-9", workflowType: "checkout", taskQueue: "main", input: order });
    const result = await client.getWorkflowResult({ workflowId: "checkout-9" }, { timeout: "60s" });
    expect(result).toEqual({ runId, status: "completed", result: { order: "order-9", lines: 2, total: 21 } });

    const child = await client.describeWorkflow({ workflowId: "order-9/price" });
    expect(child).toMatchObject({ workflowType: "priceOrder", status: "completed", result: { lines: 2, total: 21 } });
    const parentHistory = await client.getFullWorkflowHistory({ workflowId: "checkout-9" });
    expect(historyProblems(parentHistory)).toEqual([]);
    expect(parentHistory.map((e) => e.type)).toEqual(expect.arrayContaining(["ChildWorkflowStarted", "ChildWorkflowCompleted"]));
    expect(parentHistory.find((e) => e.type === "ChildWorkflowCompleted")).toMatchObject({ data: { workflowId: "order-9/price", runId: child.runId, result: { lines: 2, total: 21 } } });
    const childHistory = await client.getFullWorkflowHistory({ workflowId: "order-9/price" });
    expect(historyProblems(childHistory)).toEqual([]);
    expect(childHistory[0]).toMatchObject({ type: "WorkflowStarted", data: { parent: { workflowId: "checkout-9", runId } } });
  }, 90_000);

  it("lists workflows by type and status, and pages through a history", async () => {
    const { client } = system.get();
    const since = Date.now() - 1;
    await Promise.all(["a", "b", "c"].map((name) => client.startWorkflow({ workflowId: `list-${name}`, workflowType: "greeter", taskQueue: "main", input: name })));
    await client.startWorkflow({ workflowId: "list-wait", workflowType: "waiter", taskQueue: "main" });
    await Promise.all(["a", "b", "c"].map((name) => client.getWorkflowResult({ workflowId: `list-${name}` }, { timeout: "60s" })));

    const greeters = await client.listWorkflows({ workflowType: "greeter", status: "completed", startTimeFrom: since });
    expect(greeters.executions.map((e) => e.workflowId).sort()).toEqual(["list-a", "list-b", "list-c"]);
    expect(greeters.executions.every((e) => e.status === "completed" && e.historyLength > 0)).toBe(true);
    const waiting = await untilFound(async () => {
      const page = await client.listWorkflows({ status: "running", startTimeFrom: since });
      if (!page.executions.some((e) => e.workflowId === "list-wait")) throw Object.assign(new Error("list-wait not listed yet"), { code: "NOT_FOUND" });
      return page;
    });
    expect(waiting.executions.map((e) => e.workflowId)).toEqual(["list-wait"]);
    const firstTwo = await client.listWorkflows({ workflowType: "greeter", startTimeFrom: since, pageSize: 2 });
    expect(firstTwo.executions).toHaveLength(2);
    const rest = await client.listWorkflows({ workflowType: "greeter", startTimeFrom: since, pageSize: 2, pageToken: firstTwo.nextPageToken });
    expect([...firstTwo.executions, ...rest.executions].map((e) => e.workflowId).sort()).toEqual(["list-a", "list-b", "list-c"]);
    expect(rest.nextPageToken).toBeUndefined();

    const whole = await client.getFullWorkflowHistory({ workflowId: "list-a" });
    const paged = await client.getFullWorkflowHistory({ workflowId: "list-a", pageSize: 3 });
    expect(paged).toEqual(whole);
    const first = await client.getWorkflowHistory({ workflowId: "list-a", pageSize: 3 });
    expect(first.events.map((e) => e.eventId)).toEqual([1, 2, 3]);
    expect(first.nextPageToken).toBeDefined();
    expect(whole[whole.length - 1].type).toBe("WorkflowCompleted");
  }, 120_000);
});
