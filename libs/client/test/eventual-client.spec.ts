import { useWorkflowServer } from "./fixtures/workflow-server.fixture";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("EventualClient commands round-trip over a real gRPC server", () => {
  const ctx = useWorkflowServer({ metadata: { authorization: "Bearer test-token" } });
  const { start } = ctx;

  it("startWorkflow sends every field, with durations in ms and the policy as its enum", async () => {
    const result = await ctx.client.startWorkflow({
      workflowId: "order-7",
      workflowType: "processOrder",
      taskQueue: "orders",
      input: { sku: "A1", qty: 2, note: null, tags: ["x"] },
      requestId: "req-1",
      idReusePolicy: "allow-duplicate-failed-only",
      executionTimeout: "1 day",
      taskTimeout: { amount: 30, unit: "seconds" },
    });
    expect(result).toEqual({ runId: "run-1", started: true });
    expect(ctx.service.received.StartWorkflow).toEqual([
      {
        workflowId: "order-7",
        workflowType: "processOrder",
        taskQueue: "orders",
        input: { json: '{"sku":"A1","qty":2,"note":null,"tags":["x"]}' },
        requestId: "req-1",
        idReusePolicy: "ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY",
        executionTimeoutMs: 86_400_000,
        taskTimeoutMs: 30_000,
      },
    ]);
    expect(ctx.service.metadata[0]).toMatchObject({ authorization: "Bearer test-token" });
  });

  it("startWorkflow leaves unset options at the API's defaults and makes up a request id", async () => {
    await ctx.client.startWorkflow({ workflowId: "w", workflowType: "t", taskQueue: "q" });
    const [sent] = ctx.service.received.StartWorkflow as Array<Record<string, unknown>>;
    expect(sent).toEqual({
      workflowId: "w",
      workflowType: "t",
      taskQueue: "q",
      input: null,
      requestId: expect.stringMatching(UUID),
      idReusePolicy: "ID_REUSE_POLICY_UNSPECIFIED",
      executionTimeoutMs: 0,
      taskTimeoutMs: 0,
    });
  });

  it("startWorkflow reports a repeated request as not started, with the first run's id", async () => {
    const first = await start("order-7", { requestId: "same" });
    const again = await start("order-7", { requestId: "same" });
    expect(again).toEqual({ runId: first.runId, started: false });
  });

  it("signalWorkflow, cancelWorkflow and terminateWorkflow send their fields", async () => {
    await start();
    await ctx.client.signalWorkflow({
      workflowId: "order-7",
      signalName: "approve",
      input: { by: "ann" },
      requestId: "sig-1",
    });
    await ctx.client.signalWorkflow({ workflowId: "order-7", signalName: "poke" });
    await ctx.client.cancelWorkflow({
      workflowId: "order-7",
      reason: "changed mind",
      requestId: "cancel-1",
    });
    await ctx.client.terminateWorkflow({ workflowId: "order-7", reason: "stuck" });
    expect(ctx.service.received.SignalWorkflow).toEqual([
      {
        workflowId: "order-7",
        signalName: "approve",
        input: { json: '{"by":"ann"}' },
        requestId: "sig-1",
      },
      {
        workflowId: "order-7",
        signalName: "poke",
        input: null,
        requestId: expect.stringMatching(UUID),
      },
    ]);
    expect(ctx.service.received.CancelWorkflow).toEqual([
      { workflowId: "order-7", reason: "changed mind", requestId: "cancel-1" },
    ]);
    expect(ctx.service.received.TerminateWorkflow).toEqual([
      { workflowId: "order-7", reason: "stuck" },
    ]);
    expect((await ctx.client.describeWorkflow({ workflowId: "order-7" })).status).toBe(
      "terminated",
    );
  });

  it("keeps null, strings and numbers intact in payloads, and null apart from no input", async () => {
    for (const [id, input, json] of [
      ["n", null, "null"],
      ["s", "ann@example.com", '"ann@example.com"'],
      ["z", 0, "0"],
    ] as const) {
      await start(id, { input });
      expect((ctx.service.received.StartWorkflow?.at(-1) as { input: unknown }).input).toEqual({
        json,
      });
      const [started] = await ctx.client.getFullWorkflowHistory({ workflowId: id });
      expect(started.type === "WorkflowStarted" && started.data.input).toBe(input);
    }
  });
});
