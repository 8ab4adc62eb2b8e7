import { historyProblems } from "@eventual/core";
import { Worker } from "@eventual/worker";
import { seen } from "./fixtures/worker.workflows";
import { InMemoryGateway } from "./support/in-memory-gateway";

const workflowsPath = require.resolve("./fixtures/worker.workflows");

describe("Worker over real gRPC", () => {
  let gateway: InMemoryGateway;
  let worker: Worker;
  let running: Promise<void>;
  const logs: Array<{ level: string; message: string }> = [];

  beforeAll(async () => {
    gateway = new InMemoryGateway();
    await gateway.start();
    worker = await Worker.create({
      address: gateway.address,
      taskQueue: "main",
      workflowsPath,
      pollTimeoutMs: 2_000,
      shutdownGraceMs: 1_000,
      log: (level, message) => logs.push({ level, message }),
    });
    running = worker.run();
  });

  afterAll(async () => {
    await worker.shutdown();
    await running;
    await gateway.stop();
  });

  it("runs a workflow with timers and activities to its result", async () => {
    const id = gateway.startWorkflow("greeter", "ana");
    const closed = await gateway.closed(id);
    expect(closed).toMatchObject({ status: "completed", result: ["hello ana (1)", "hello ana (2)", "hello ana (3)"] });
    expect(seen.greeted.filter((g) => g.startsWith("ana#"))).toEqual(["ana#1", "ana#2", "ana#3"]);
    const history = gateway.histories.get(closed.status !== "none" ? closed.runId : "")!;
    expect(historyProblems(history)).toEqual([]);
    expect(history.filter((e) => e.type === "TimerFired")).toHaveLength(3);
    expect(history.filter((e) => e.type === "ActivityTaskCompleted")).toHaveLength(3);
  });

  it("resends an activity result the gateway could not take (UNAVAILABLE) instead of dropping it", async () => {
    gateway.unavailableReports = 2;
    const id = gateway.startWorkflow("greeter", "resend");
    // The activities have a 5-minute start-to-close: without resending, the first result
    // would be lost and the workflow stuck for minutes.
    const closed = await gateway.closed(id);
    expect(closed).toMatchObject({ status: "completed", result: ["hello resend (1)", "hello resend (2)", "hello resend (3)"] });
    expect(gateway.refusedReports).toBe(2);
    const history = gateway.histories.get(closed.status !== "none" ? closed.runId : "")!;
    expect(history.filter((e) => e.type === "ActivityTaskCompleted")).toHaveLength(3);
    expect(seen.greeted.filter((g) => g.startsWith("resend#"))).toEqual(["resend#1", "resend#2", "resend#3"]);
    expect(logs.filter((l) => l.message === "activity result not delivered; retrying")).toHaveLength(2);
  });

  it("runs many workflows at once", async () => {
    const ids = Array.from({ length: 10 }, (_, i) => gateway.startWorkflow("greeter", `p${i}`));
    const results = await Promise.all(ids.map((id) => gateway.closed(id)));
    expect(results.map((r) => r.status)).toEqual(new Array(10).fill("completed"));
  });

  it("cancels a heartbeating activity when its workflow is cancelled", async () => {
    const id = gateway.startWorkflow("cancellable", "job-1");
    for (let i = 0; i < 100 && !seen.cancelled.length; i++) {
      const state = gateway.state(id);
      if (state.status === "running" && Object.values(state.activities).some((a) => a.status === "started")) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    gateway.cancel(id);
    const closed = await gateway.closed(id);
    expect(closed.status).toBe("cancelled");
    for (let i = 0; i < 100 && !seen.cancelled.includes("job-1"); i++) await new Promise((r) => setTimeout(r, 20));
    expect(seen.cancelled).toContain("job-1");
  });

  it("reports a workflow task it cannot run as failed, naming the cause", async () => {
    const id = gateway.startWorkflow("no-such-workflow", null);
    for (let i = 0; i < 100; i++) {
      const state = gateway.state(id);
      const history = state.status === "running" ? gateway.histories.get(state.runId) ?? [] : [];
      const failed = history.find((e) => e.type === "WorkflowTaskFailed");
      if (failed) {
        expect(failed.data).toMatchObject({ cause: "worker-failure", failure: { type: "WorkflowNotRegisteredError", message: expect.stringContaining('No workflow named "no-such-workflow"') } });
        return;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error("no WorkflowTaskFailed recorded");
  });
});
