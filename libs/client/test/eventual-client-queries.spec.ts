import { historyProblems } from "@eventual/core";
import { useWorkflowServer } from "./fixtures/workflow-server.fixture";

describe("EventualClient queries round-trip over a real gRPC server", () => {
  const ctx = useWorkflowServer();
  const { start } = ctx;

  it("describeWorkflow returns a running run with times in ms and no outcome", async () => {
    const { runId } = await start();
    const execution = await ctx.client.describeWorkflow({ workflowId: "order-7", runId });
    expect(execution).toEqual({
      workflowId: "order-7",
      runId,
      workflowType: "processOrder",
      taskQueue: "orders",
      status: "running",
      startTimeMs: 1_700_000_001_000,
      historyLength: 2,
    });
    expect(ctx.service.received.DescribeWorkflow).toEqual([{ workflowId: "order-7", runId }]);
  });

  it("describeWorkflow returns a completed run's result and a failed run's whole failure", async () => {
    await start("ok");
    ctx.service.closeRun("ok", "WORKFLOW_EXECUTION_STATUS_COMPLETED", {
      result: { json: '{"total":42.5,"items":[1,2]}' },
    });
    expect(await ctx.client.describeWorkflow({ workflowId: "ok" })).toMatchObject({
      status: "completed",
      closeTimeMs: expect.any(Number),
      result: { total: 42.5, items: [1, 2] },
    });

    await start("bad");
    const cause = {
      type: "TypeError",
      message: "x is undefined",
      stack: "",
      nonRetryable: false,
      details: null,
      cause: null,
    };
    ctx.service.closeRun("bad", "WORKFLOW_EXECUTION_STATUS_FAILED", {
      failure: {
        type: "ApplicationError",
        message: "card declined",
        stack: "Error: card declined\n    at pay",
        nonRetryable: true,
        details: { json: '{"code":"D1"}' },
        cause,
      },
    });
    const failed = await ctx.client.describeWorkflow({ workflowId: "bad" });
    expect(failed.status).toBe("failed");
    expect(failed.result).toBeUndefined();
    expect(failed.failure).toEqual({
      type: "ApplicationError",
      message: "card declined",
      stack: "Error: card declined\n    at pay",
      nonRetryable: true,
      details: { code: "D1" },
      cause: { type: "TypeError", message: "x is undefined" },
    });
  });

  it("getWorkflowHistory returns the core's HistoryEvents page by page", async () => {
    const { runId } = await start("order-7", { requestId: "r", executionTimeout: 60_000 });
    await ctx.client.signalWorkflow({
      workflowId: "order-7",
      signalName: "approve",
      input: [1, "two"],
      requestId: "s1",
    });

    const first = await ctx.client.getWorkflowHistory({
      workflowId: "order-7",
      runId,
      pageSize: 2,
    });
    expect(ctx.service.received.GetWorkflowHistory).toEqual([
      { workflowId: "order-7", runId, pageSize: 2, pageToken: "" },
    ]);
    expect(first.nextPageToken).toBe("2");
    expect(first.events[0]).toEqual({
      eventId: 1,
      timestamp: 1_700_000_002_000,
      type: "WorkflowStarted",
      data: {
        workflowId: "order-7",
        runId,
        workflowType: "processOrder",
        taskQueue: "orders",
        input: { sku: "A1", qty: 2 },
        requestId: "r",
        taskTimeoutMs: 10_000,
        executionTimeoutMs: 60_000,
      },
    });
    const second = await ctx.client.getWorkflowHistory({
      workflowId: "order-7",
      pageSize: 2,
      pageToken: first.nextPageToken,
    });
    expect(second.nextPageToken).toBeUndefined();
    expect(second.events).toEqual([
      {
        eventId: 3,
        timestamp: expect.any(Number),
        type: "SignalReceived",
        data: { signalName: "approve", input: [1, "two"], requestId: "s1" },
      },
    ]);

    const all = await ctx.client.getFullWorkflowHistory({ workflowId: "order-7", pageSize: 1 });
    expect(all.map((e) => e.type)).toEqual([
      "WorkflowStarted",
      "WorkflowTaskScheduled",
      "SignalReceived",
    ]);
    expect(historyProblems(all)).toEqual([]);
  });

  it("listWorkflows sends its filters and returns executions page by page", async () => {
    await start("a");
    await start("b", { workflowType: "reminder" });
    await start("c");
    ctx.service.closeRun("c", "WORKFLOW_EXECUTION_STATUS_COMPLETED", { result: { json: "1" } });

    const running = await ctx.client.listWorkflows({
      workflowType: "processOrder",
      status: "running",
    });
    expect(running.executions.map((e) => e.workflowId)).toEqual(["a"]);
    expect(running.nextPageToken).toBeUndefined();

    const from = new Date(1_700_000_003_500);
    const page1 = await ctx.client.listWorkflows({
      startTimeFrom: from,
      startTimeTo: 1_800_000_000_000,
      pageSize: 1,
    });
    expect(page1.executions.map((e) => [e.workflowId, e.status])).toEqual([["c", "completed"]]);
    expect(page1.executions[0].result).toBe(1);
    const page2 = await ctx.client.listWorkflows({
      startTimeFrom: from,
      startTimeTo: 1_800_000_000_000,
      pageSize: 1,
      pageToken: page1.nextPageToken,
    });
    expect(page2.executions.map((e) => e.workflowId)).toEqual(["b"]);
    expect(page2.nextPageToken).toBeUndefined();

    expect(ctx.service.received.ListWorkflows?.[1]).toEqual({
      workflowType: "",
      status: "WORKFLOW_EXECUTION_STATUS_UNSPECIFIED",
      startTimeFromMs: 1_700_000_003_500,
      startTimeToMs: 1_800_000_000_000,
      pageSize: 1,
      pageToken: "",
    });
    expect((await ctx.client.listWorkflows()).executions).toHaveLength(3);
  });

  it("getWorkflowResult waits for the run to close and returns its result", async () => {
    const { runId } = await start();
    const pending = ctx.client.getWorkflowResult<{ ok: boolean }>(
      { workflowId: "order-7" },
      { timeout: "10s" },
    );
    setTimeout(
      () =>
        ctx.service.closeRun("order-7", "WORKFLOW_EXECUTION_STATUS_COMPLETED", {
          result: { json: '{"ok":true}' },
        }),
      100,
    );
    expect(await pending).toEqual({ runId, status: "completed", result: { ok: true } });
  });

  it("getWorkflowResult returns failures and other closed statuses as answers, not errors", async () => {
    await start("f");
    ctx.service.closeRun("f", "WORKFLOW_EXECUTION_STATUS_FAILED", {
      failure: {
        type: "Boom",
        message: "no",
        stack: "",
        nonRetryable: false,
        details: null,
        cause: null,
      },
    });
    expect(await ctx.client.getWorkflowResult({ workflowId: "f" })).toEqual({
      runId: "run-1",
      status: "failed",
      failure: { type: "Boom", message: "no" },
    });

    const { runId } = await start("t");
    await ctx.client.terminateWorkflow({ workflowId: "t" });
    expect(await ctx.client.getWorkflowResult({ workflowId: "t", runId })).toEqual({
      runId,
      status: "terminated",
    });
    expect(ctx.service.received.GetWorkflowResult?.[1]).toEqual({ workflowId: "t", runId });
  });
});
