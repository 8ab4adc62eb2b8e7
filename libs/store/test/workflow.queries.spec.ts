import {
  HistoryProjection,
  InvalidQueryError,
  WorkflowQueries,
  type WorkflowExecutionView,
} from "@eventual/store";
import {
  asLog,
  completedOrder,
  failedOrder,
  HistoryDriver,
  sleepingOrder,
  T0,
} from "./history-fixtures";
import { openTestStore, type TestStore } from "@eventual/store";

const MINUTE = 60_000;

describe("WorkflowQueries", () => {
  let store: TestStore;
  let queries: WorkflowQueries;
  const drivers: HistoryDriver[] = [];

  beforeAll(async () => {
    store = await openTestStore();
    queries = new WorkflowQueries(store.dataSource);
    // 30 runs over types and outcomes; runs come in pairs sharing a start time, so ties on
    // start_time must be broken by run id for paging to stay exact.
    for (let i = 0; i < 30; i++) {
      const startAt = T0 + Math.floor(i / 2) * MINUTE;
      const id = `wf-${String(i).padStart(2, "0")}`;
      const make = [completedOrder, failedOrder, sleepingOrder][i % 3];
      const driver = make(id, `run-${id}`, startAt);
      if (i % 5 === 0)
        driver.messages.forEach((m) =>
          m.event.type === "WorkflowStarted" ? (m.event.data.workflowType = "invoice") : undefined,
        );
      drivers.push(driver);
    }
    // A workflow id with three runs: describe without a run id returns the latest start.
    for (const [n, at] of [
      [1, T0 + 100 * MINUTE],
      [3, T0 + 300 * MINUTE],
      [2, T0 + 200 * MINUTE],
    ] as const) {
      drivers.push(completedOrder("repeat", `repeat-run-${n}`, at));
    }
    const projection = new HistoryProjection(store.dataSource, "projector");
    for (const batch of asLog(
      drivers.flatMap((d) => d.messages),
      4,
      50,
    ))
      await projection.applyBatch(batch);
  });
  afterAll(() => store?.close());

  /** Every page of a listing, checking each token leads to the next. */
  async function listAll(
    filter: Omit<Parameters<WorkflowQueries["listWorkflows"]>[0], "pageToken">,
  ): Promise<WorkflowExecutionView[]> {
    const all: WorkflowExecutionView[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await queries.listWorkflows({
        ...filter,
        ...(token ? { pageToken: token } : {}),
      });
      expect(page.items.length).toBeLessThanOrEqual(filter.pageSize);
      if (page.nextPageToken) expect(page.items.length).toBe(filter.pageSize);
      all.push(...page.items);
      token = page.nextPageToken;
      expect(++pages).toBeLessThan(100);
    } while (token);
    return all;
  }

  const newestFirst = (a: WorkflowExecutionView, b: WorkflowExecutionView) =>
    b.startTime - a.startTime || (a.runId < b.runId ? 1 : a.runId > b.runId ? -1 : 0);

  it("describes a run, or the latest run of a workflow id", async () => {
    expect(await queries.describeWorkflow("repeat")).toMatchObject({
      runId: "repeat-run-3",
      status: "completed",
    });
    expect(await queries.describeWorkflow("repeat", "repeat-run-1")).toMatchObject({
      runId: "repeat-run-1",
    });
    expect(await queries.describeWorkflow("repeat", "run-wf-00")).toBeUndefined();
    expect(await queries.describeWorkflow("nope")).toBeUndefined();
  });

  it("lists every run exactly once, newest first, whatever the page size", async () => {
    const expected = drivers
      .map(
        (d) =>
          ({ runId: d.runId, startTime: d.messages[0].event.timestamp }) as WorkflowExecutionView,
      )
      .sort(newestFirst)
      .map((r) => r.runId);
    expect(new Set(expected).size).toBe(33);
    for (const pageSize of [1, 2, 4, 7, 33]) {
      expect((await listAll({ pageSize })).map((r) => r.runId)).toEqual(expected);
    }
  });

  it("filters by type, status and start time range", async () => {
    const all = await listAll({ pageSize: 1000 });
    const invoices = await listAll({ workflowType: "invoice", pageSize: 2 });
    expect(invoices.map((r) => r.runId)).toEqual(
      all.filter((r) => r.workflowType === "invoice").map((r) => r.runId),
    );
    expect(invoices).toHaveLength(6);

    const failedOrders = await listAll({ workflowType: "order", status: "failed", pageSize: 3 });
    expect(failedOrders.length).toBeGreaterThan(0);
    expect(failedOrders.map((r) => r.runId)).toEqual(
      all.filter((r) => r.workflowType === "order" && r.status === "failed").map((r) => r.runId),
    );

    const running = await listAll({ status: "running", pageSize: 4 });
    expect(running.map((r) => r.runId)).toEqual(
      all.filter((r) => r.status === "running").map((r) => r.runId),
    );

    // [from, to): the bound is on the WorkflowStarted timestamp.
    const from = all.find((r) => r.runId === "run-wf-10")!.startTime;
    const to = all.find((r) => r.runId === "run-wf-20")!.startTime;
    const window = await listAll({ startTimeFrom: from, startTimeTo: to, pageSize: 3 });
    expect(window.map((r) => r.runId)).toEqual(
      all.filter((r) => r.startTime >= from && r.startTime < to).map((r) => r.runId),
    );
    expect(window.map((r) => r.runId)).toContain("run-wf-10");
    expect(window.map((r) => r.runId)).not.toContain("run-wf-20");
  });

  it("walks a run's history page by page, each event exactly once", async () => {
    const driver = drivers[0];
    const events = driver.messages.map((m) => m.event);
    for (const pageSize of [1, 3, events.length, events.length + 1]) {
      const seen: number[] = [];
      let page = await queries.getHistoryPage(driver.runId, pageSize);
      seen.push(...page.items.map((e) => e.eventId));
      while (page.nextPageToken) {
        page = await queries.getHistoryPage(driver.runId, pageSize, page.nextPageToken);
        expect(page.items.length).toBeGreaterThan(0);
        seen.push(...page.items.map((e) => e.eventId));
      }
      expect(seen).toEqual(events.map((e) => e.eventId));
    }
    expect(await queries.getHistoryPage("no-such-run", 10)).toEqual({ items: [] });
  });

  it("reads a run's history through a workflow task's start, and nothing before that start is projected", async () => {
    const driver = drivers[0];
    const events = driver.messages.map((m) => m.event);
    const starts = events.filter((e) => e.type === "WorkflowTaskStarted");
    expect(starts.length).toBeGreaterThan(0);
    for (const start of starts) {
      const scheduledEventId = (start.data as { scheduledEventId: number }).scheduledEventId;
      const read = await queries.historyThroughTaskStart(driver.runId, scheduledEventId);
      expect(read.map((e) => e.eventId)).toEqual(events.filter((e) => e.eventId <= start.eventId).map((e) => e.eventId));
    }
    expect(await queries.historyThroughTaskStart(driver.runId, 9_999)).toEqual([]);
    expect(await queries.historyThroughTaskStart("no-such-run", 2)).toEqual([]);
  });

  it("rejects tokens from another run or filter, garbled tokens and bad page sizes", async () => {
    const history = await queries.getHistoryPage(drivers[0].runId, 1);
    await expect(
      queries.getHistoryPage(drivers[1].runId, 1, history.nextPageToken),
    ).rejects.toThrow(InvalidQueryError);
    const list = await queries.listWorkflows({ status: "running", pageSize: 1 });
    await expect(
      queries.listWorkflows({ status: "failed", pageSize: 1, pageToken: list.nextPageToken }),
    ).rejects.toThrow(/another filter/);
    await expect(queries.getHistoryPage(drivers[0].runId, 1, list.nextPageToken)).rejects.toThrow(
      /does not belong/,
    );
    await expect(
      queries.listWorkflows({ pageSize: 1, pageToken: "%%%not-a-token" }),
    ).rejects.toMatchObject({ field: "pageToken" });
    await expect(queries.listWorkflows({ pageSize: 0 })).rejects.toMatchObject({
      field: "pageSize",
    });
    await expect(queries.getHistoryPage("r", 1001)).rejects.toMatchObject({ field: "pageSize" });
    await expect(
      queries.listWorkflows({ pageSize: 5, status: "sleeping" as never }),
    ).rejects.toMatchObject({ field: "status" });
  });
});
