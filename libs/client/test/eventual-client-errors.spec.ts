import * as grpc from "@grpc/grpc-js";
import { EventualClient, EventualClientError } from "@eventual/client";
import { closedPort } from "./fixtures/grpc-test-server";
import { useWorkflowServer } from "./fixtures/workflow-server.fixture";

/** The EventualClientError a promise rejects with (failing the test if it resolves or throws something else). */
async function failureOf(promise: Promise<unknown>): Promise<EventualClientError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EventualClientError);
  return error as EventualClientError;
}

describe("EventualClient errors", () => {
  const ctx = useWorkflowServer();
  const start = (workflowId: string) =>
    ctx.client.startWorkflow({ workflowId, workflowType: "t", taskQueue: "q" });

  it("INVALID_ARGUMENT from the server keeps its code and the message naming the field", async () => {
    const error = await failureOf(start(""));
    expect(error).toMatchObject({
      name: "EventualClientError",
      code: "INVALID_ARGUMENT",
      message: "workflow_id is required",
      details: "workflow_id is required",
      method: "StartWorkflow",
    });
    expect(error.grpcCode).toBe(grpc.status.INVALID_ARGUMENT);
  });

  it("NOT_FOUND from the server", async () => {
    const error = await failureOf(
      ctx.client.signalWorkflow({ workflowId: "nobody", signalName: "s" }),
    );
    expect(error).toMatchObject({
      code: "NOT_FOUND",
      message: "workflow nobody has no open run",
      method: "SignalWorkflow",
    });
    const describe = await failureOf(
      ctx.client.describeWorkflow({ workflowId: "w", runId: "run-9" }),
    );
    expect(describe).toMatchObject({
      code: "NOT_FOUND",
      message: "workflow w run run-9 not found",
    });
  });

  it("ALREADY_EXISTS from the server, for a second start while the run is open", async () => {
    await start("w");
    const error = await failureOf(start("w"));
    expect(error).toMatchObject({
      code: "ALREADY_EXISTS",
      message: "workflow w is already running (run run-1)",
    });
  });

  it("trailing metadata of a failed call is kept", async () => {
    ctx.service.override("TerminateWorkflow", (_call, callback) => {
      const metadata = new grpc.Metadata();
      metadata.set("retry-after-ms", "250");
      callback({
        code: grpc.status.RESOURCE_EXHAUSTED,
        details: "too many terminations",
        metadata,
      });
    });
    const error = await failureOf(ctx.client.terminateWorkflow({ workflowId: "w" }));
    expect(error).toMatchObject({
      code: "RESOURCE_EXHAUSTED",
      message: "too many terminations",
      metadata: { "retry-after-ms": "250" },
    });
  });

  it("DEADLINE_EXCEEDED when a run stays open past getWorkflowResult's deadline", async () => {
    await start("w");
    const started = Date.now();
    const error = await failureOf(
      ctx.client.getWorkflowResult({ workflowId: "w" }, { timeout: 200 }),
    );
    expect(error.code).toBe("DEADLINE_EXCEEDED");
    expect(error.message).toContain("GetWorkflowResult");
    expect(error.message).toContain("deadline");
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("DEADLINE_EXCEEDED from the client's default timeout and from an absolute deadline", async () => {
    ctx.service.hang.add("DescribeWorkflow");
    const quick = new EventualClient({ address: ctx.server.address, defaultTimeout: "150ms" });
    try {
      expect((await failureOf(quick.describeWorkflow({ workflowId: "w" }))).code).toBe(
        "DEADLINE_EXCEEDED",
      );
    } finally {
      quick.close();
    }
    const error = await failureOf(
      ctx.client.describeWorkflow({ workflowId: "w" }, { deadline: new Date(Date.now() + 100) }),
    );
    expect(error.code).toBe("DEADLINE_EXCEEDED");
  });

  it("UNAVAILABLE with a message naming the address when nothing listens there", async () => {
    const address = `127.0.0.1:${await closedPort()}`;
    const offline = new EventualClient({ address });
    try {
      const started = Date.now();
      const error = await failureOf(
        offline.startWorkflow({ workflowId: "w", workflowType: "t", taskQueue: "q" }),
      );
      expect(error.code).toBe("UNAVAILABLE");
      expect(error.message).toContain(`the Eventual server at ${address} is unavailable`);
      expect(error.message).toContain("check that it is running");
      expect(error.details).toMatch(/ECONNREFUSED|No connection established/);
      // Fails fast: does not sit out the 10 s default deadline.
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      offline.close();
    }
  });

  it("CANCELLED when the caller aborts, before or during the call", async () => {
    await start("w");
    const controller = new AbortController();
    const pending = ctx.client.getWorkflowResult(
      { workflowId: "w" },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 50);
    const error = await failureOf(pending);
    expect(error).toMatchObject({
      code: "CANCELLED",
      message: "GetWorkflowResult was cancelled by the caller",
    });
    expect(
      (
        await failureOf(
          ctx.client.describeWorkflow({ workflowId: "w" }, { signal: controller.signal }),
        )
      ).code,
    ).toBe("CANCELLED");
  });

  it("INVALID_ARGUMENT without a call for input the client cannot encode", async () => {
    const badDuration = await failureOf(
      ctx.client.startWorkflow({
        workflowId: "w",
        workflowType: "t",
        taskQueue: "q",
        executionTimeout: "5 fortnights",
      }),
    );
    expect(badDuration.code).toBe("INVALID_ARGUMENT");
    expect(badDuration.message).toMatch(/^executionTimeout: .*5 fortnights/);

    const bigint = await failureOf(
      ctx.client.signalWorkflow({ workflowId: "w", signalName: "s", input: { n: 1n } }),
    );
    expect(bigint).toMatchObject({ code: "INVALID_ARGUMENT", method: "SignalWorkflow" });
    expect(bigint.message).toMatch(/^input: is not JSON-serializable/);

    const badTime = await failureOf(
      ctx.client.listWorkflows({ startTimeFrom: new Date("nonsense") }),
    );
    expect(badTime.message).toMatch(/^startTimeFrom: must be a time/);

    expect(ctx.service.received).toEqual({});
  });

  it("INTERNAL for a reply the client cannot read, naming the field", async () => {
    ctx.service.override("GetWorkflowHistory", (_call, callback) =>
      callback(null, {
        events: [
          { eventId: 1, timestampMs: 1, type: "WorkflowStarted", dataJson: "{}" },
          { eventId: 2, timestampMs: 2, type: "Bogus", dataJson: "{}" },
        ],
      }),
    );
    const error = await failureOf(ctx.client.getWorkflowHistory({ workflowId: "w" }));
    expect(error).toMatchObject({
      code: "INTERNAL",
      message:
        'GetWorkflowHistory returned a malformed reply: events[1].type: unknown event type "Bogus"',
    });

    ctx.service.override("DescribeWorkflow", (_call, callback) =>
      callback(null, { execution: { workflowId: "w", result: { json: "{oops" } } }),
    );
    const describe = await failureOf(ctx.client.describeWorkflow({ workflowId: "w" }));
    expect(describe.code).toBe("INTERNAL");
    expect(describe.message).toContain("execution.status: status is not set");
  });

  it("FAILED_PRECONDITION for a call on a closed client", async () => {
    ctx.client.close();
    const error = await failureOf(ctx.client.describeWorkflow({ workflowId: "w" }));
    expect(error).toMatchObject({
      code: "FAILED_PRECONDITION",
      message: "DescribeWorkflow: this client is closed",
    });
  });

  it("INVALID_ARGUMENT naming the option for a malformed timeout", async () => {
    expect(
      () => new EventualClient({ address: ctx.server.address, defaultTimeout: "soon" }),
    ).toThrow(/^defaultTimeout: Cannot read duration "soon"/);
    const error = await failureOf(
      ctx.client.describeWorkflow({ workflowId: "w" }, { timeout: -5 }),
    );
    expect(error).toMatchObject({ code: "INVALID_ARGUMENT", method: "DescribeWorkflow" });
    expect(error.message).toMatch(/^timeout: /);
  });
});
