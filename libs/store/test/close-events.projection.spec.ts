import { HistoryProjection, WorkflowQueries } from "@eventual/store";
import { asLog, HistoryDriver, T0 } from "./history-fixtures";
import { openTestStore, type TestStore } from "@eventual/store";

describe("HistoryProjection: close events, parents, joined transactions", () => {
  let store: TestStore;
  let queries: WorkflowQueries;

  beforeAll(async () => {
    store = await openTestStore();
    queries = new WorkflowQueries(store.dataSource);
  });
  afterAll(() => store?.close());

  async function project(driver: HistoryDriver): Promise<void> {
    const projection = new HistoryProjection(store.dataSource, `projector-${driver.workflowId}`);
    for (const batch of asLog(driver.messages, 1, 100)) await projection.applyBatch(batch);
  }

  /** The close event's timestamp, i.e. what close_time must hold. */
  const closedAt = (driver: HistoryDriver) =>
    driver.messages[driver.messages.length - 1].event.timestamp;

  it("records a completion with a null result as a null result", async () => {
    const driver = new HistoryDriver("nulls", T0).start("nulls-1").complete(null);
    await project(driver);
    const run = await queries.describeWorkflow("nulls");
    expect(run).toMatchObject({ status: "completed", result: null, closeTime: closedAt(driver) });
    expect(run?.failure).toBeUndefined();
    // JSON null, not SQL NULL: "completed with null" differs from "no result yet".
    const [row] = await store.dataSource.query(
      `SELECT result IS NULL AS missing, jsonb_typeof(result) AS kind FROM workflow_executions WHERE run_id = 'nulls-1'`,
    );
    expect(row).toEqual({ missing: false, kind: "null" });
  });

  it("records termination with its reason", async () => {
    const driver = new HistoryDriver("term", T0)
      .start("term-1")
      .send({ type: "TerminateWorkflow", data: { reason: "ops said so" } });
    await project(driver);
    expect(await queries.describeWorkflow("term")).toMatchObject({
      status: "terminated",
      failure: { type: "TerminatedError", message: "ops said so" },
      closeTime: closedAt(driver),
    });
  });

  it("records cancellation", async () => {
    const driver = new HistoryDriver("cancel", T0).start("cancel-1").task([]);
    driver.send({ type: "RequestCancelWorkflow", data: { reason: "user", requestId: "c1" } });
    driver.task([{ type: "CancelWorkflow", data: { details: { by: "ann" } } }]);
    await project(driver);
    expect(await queries.describeWorkflow("cancel")).toMatchObject({
      status: "cancelled",
      failure: { type: "CancelledError", details: { by: "ann" } },
      closeTime: closedAt(driver),
    });
  });

  it("records continue-as-new with the new run id", async () => {
    const driver = new HistoryDriver("can", T0).start("can-1");
    const state = driver.state;
    if (state.status !== "running" || state.workflowTask.status !== "scheduled")
      throw new Error("no task");
    const scheduledEventId = state.workflowTask.scheduledEventId;
    driver.send({
      type: "WorkflowTaskStarted",
      data: { runId: "can-1", scheduledEventId, identity: "w" },
    });
    driver.send({
      type: "CompleteWorkflowTask",
      data: {
        runId: "can-1",
        scheduledEventId,
        identity: "w",
        commands: [{ type: "ContinueAsNew", data: { input: 2 } }],
        newRunId: "can-2",
      },
    });
    await project(driver);
    expect(await queries.describeWorkflow("can")).toMatchObject({
      status: "continued-as-new",
      result: { newRunId: "can-2" },
    });
  });

  it("records an execution timeout", async () => {
    const driver = new HistoryDriver("slow", T0).start("slow-1", "order", {
      executionTimeoutMs: 5_000,
    });
    driver.send({ type: "TimerFired", data: { runId: "slow-1", timerId: "workflow/timeout" } });
    await project(driver);
    expect(await queries.describeWorkflow("slow")).toMatchObject({
      status: "timed-out",
      failure: { type: "TimeoutError" },
      closeTime: closedAt(driver),
      historyLength: driver.messages.length,
    });
  });

  it("records a child's parent", async () => {
    const parent = { workflowId: "parent", runId: "parent-1", seq: 3 };
    const driver = new HistoryDriver("child", T0).start("child-1", "order", { parent });
    await project(driver);
    expect(await queries.describeWorkflow("child")).toMatchObject({
      parent: { workflowId: "parent", runId: "parent-1" },
    });
  });

  it("joins a transaction the caller holds, and rolls back with it", async () => {
    const driver = new HistoryDriver("joined", T0).start("joined-1");
    const projection = new HistoryProjection(store.dataSource, "projector-joined");
    const [batch] = asLog(driver.messages, 1, 100);
    await expect(
      store.dataSource.transaction(async (manager) => {
        await projection.applyBatch(batch, manager);
        throw new Error("the caller's work failed");
      }),
    ).rejects.toThrow("the caller's work failed");
    expect(await queries.describeWorkflow("joined")).toBeUndefined();
    expect(await projection.startOffset(batch.topic, batch.partition)).toBeUndefined();
    await store.dataSource.transaction((manager) => projection.applyBatch(batch, manager));
    expect(await queries.describeWorkflow("joined")).toMatchObject({ status: "running" });
  });
});
