import { EventualClientError } from "@eventual/client";
import { eventually, useGatewayStack } from "./fixtures/gateway.stack";

/**
 * The client API end to end: EventualClient → gateway (in-process) → history.commands →
 * history (child process) → history.replies / history.events → projector (child process) →
 * Postgres → gateway queries.
 */
describe("gateway client API on real Kafka and Postgres", () => {
  const stack = useGatewayStack("gwapi");
  const start = (workflowId: string, extra: object = {}) =>
    stack.client.startWorkflow({ workflowId, workflowType: "processOrder", taskQueue: "orders", input: { sku: "A1" }, ...extra });
  const codeOf = async (call: Promise<unknown>) => {
    const error = await call.then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!(error instanceof EventualClientError)) throw new Error(`expected an EventualClientError, got ${String(error)}`);
    return { code: error.code, message: error.message };
  };

  it("starts a run and describe shows it running once the projector caught up", async () => {
    const { runId, started } = await start("order-1", { requestId: "req-1" });
    expect(started).toBe(true);
    expect(runId).toMatch(/^[0-9a-f-]{36}$/);
    const execution = await eventually(() => stack.client.describeWorkflow({ workflowId: "order-1" }), "order-1 to be projected");
    expect(execution).toMatchObject({ workflowId: "order-1", runId, workflowType: "processOrder", taskQueue: "orders", status: "running", historyLength: 2 });
  });

  it("answers a repeated request id with the same run and started=false", async () => {
    const first = await start("order-2", { requestId: "req-2" });
    const again = await start("order-2", { requestId: "req-2" });
    expect(again).toEqual({ runId: first.runId, started: false });
  });

  it("refuses another start while the run is open with ALREADY_EXISTS", async () => {
    await start("order-3", { requestId: "req-3a" });
    expect(await codeOf(start("order-3", { requestId: "req-3b" }))).toMatchObject({ code: "ALREADY_EXISTS" });
  });

  it("refuses a repeated request id with a different payload with ALREADY_EXISTS (DESIGN §3.3)", async () => {
    await start("order-reuse", { requestId: "req-reuse" });
    const reused = await codeOf(start("order-reuse", { requestId: "req-reuse", input: { amount: 999 } }));
    expect(reused).toMatchObject({ code: "ALREADY_EXISTS" });
    expect(reused.message).toContain("different workflow type, task queue or input");
  });

  it("terminates a run: GetWorkflowResult answers terminated, and a second terminate is FAILED_PRECONDITION", async () => {
    const { runId } = await start("order-4");
    await eventually(() => stack.client.describeWorkflow({ workflowId: "order-4" }), "order-4 to be projected");
    await stack.client.terminateWorkflow({ workflowId: "order-4", reason: "test" });
    expect(await stack.client.getWorkflowResult({ workflowId: "order-4" }, { timeout: "10s" })).toEqual({ runId, status: "terminated" });
    const closed = await codeOf(stack.client.terminateWorkflow({ workflowId: "order-4" }));
    expect(closed.code).toBe("FAILED_PRECONDITION");
    expect(closed.message.length).toBeGreaterThan(0);
    expect(await codeOf(stack.client.signalWorkflow({ workflowId: "order-4", signalName: "late" }))).toMatchObject({ code: "FAILED_PRECONDITION" });
  });

  it("routes the replies of many concurrent starts to their own calls", async () => {
    const ids = Array.from({ length: 40 }, (_, i) => `burst-${i}`);
    const results = await Promise.all(ids.map((id) => start(id, { requestId: `req-${id}` })));
    expect(results.every((r) => r.started)).toBe(true);
    expect(new Set(results.map((r) => r.runId)).size).toBe(ids.length);
    // Each answer belongs to its own workflow: repeating a request gives back the same run.
    const again = await Promise.all(ids.map((id) => start(id, { requestId: `req-${id}` })));
    expect(again).toEqual(results.map((r) => ({ runId: r.runId, started: false })));
  }, 30_000);

  it("gives DEADLINE_EXCEEDED when a run stays open past the call's deadline", async () => {
    await start("order-5");
    const started = Date.now();
    expect(await codeOf(stack.client.getWorkflowResult({ workflowId: "order-5" }, { timeout: 600 }))).toMatchObject({ code: "DEADLINE_EXCEEDED" });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("delivers a signal and a cancel request to a known run", async () => {
    await start("order-6");
    await eventually(() => stack.client.describeWorkflow({ workflowId: "order-6" }), "order-6 to be projected");
    await stack.client.signalWorkflow({ workflowId: "order-6", signalName: "approve", input: { by: "ann" } });
    await stack.client.cancelWorkflow({ workflowId: "order-6", reason: "changed mind" });
    const events = await eventually(async () => {
      const all = await stack.client.getFullWorkflowHistory({ workflowId: "order-6" });
      return all.some((e) => e.type === "WorkflowCancelRequested") ? all : undefined;
    }, "the cancel request in order-6's history");
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(["WorkflowStarted", "SignalReceived", "WorkflowCancelRequested"]));
  });

  it("pages through ListWorkflows and GetWorkflowHistory", async () => {
    for (const id of ["page-a", "page-b", "page-c"]) await start(id, { workflowType: "paging" });
    await eventually(async () => ((await stack.client.listWorkflows({ workflowType: "paging" })).executions.length === 3 ? true : undefined), "three paging runs");
    const first = await stack.client.listWorkflows({ workflowType: "paging", pageSize: 2 });
    expect(first.executions).toHaveLength(2);
    expect(first.nextPageToken).toBeDefined();
    const second = await stack.client.listWorkflows({ workflowType: "paging", pageSize: 2, pageToken: first.nextPageToken });
    expect(second.executions).toHaveLength(1);
    expect(second.nextPageToken).toBeUndefined();
    const ids = [...first.executions, ...second.executions].map((e) => e.workflowId).sort();
    expect(ids).toEqual(["page-a", "page-b", "page-c"]);
    expect((await stack.client.listWorkflows({ workflowType: "paging", status: "terminated" })).executions).toEqual([]);

    const page1 = await stack.client.getWorkflowHistory({ workflowId: "page-a", pageSize: 1 });
    expect(page1.events.map((e) => e.eventId)).toEqual([1]);
    const page2 = await stack.client.getWorkflowHistory({ workflowId: "page-a", pageSize: 1, pageToken: page1.nextPageToken });
    expect(page2.events.map((e) => [e.eventId, e.type])).toEqual([[2, "WorkflowTaskScheduled"]]);
    expect(page2.nextPageToken).toBeUndefined();
  });

  it("answers queries about unknown workflows with NOT_FOUND and bad page tokens with INVALID_ARGUMENT", async () => {
    expect(await codeOf(stack.client.describeWorkflow({ workflowId: "nobody" }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await codeOf(stack.client.getWorkflowHistory({ workflowId: "nobody" }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await codeOf(stack.client.listWorkflows({ pageToken: "garbage" }))).toMatchObject({ code: "INVALID_ARGUMENT", message: expect.stringContaining("page_token") });
  });
});
