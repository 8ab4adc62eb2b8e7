import { HistoryProjection, ProjectionWatcher, WorkflowQueries, openTestStore, type TestStore, untilProjected } from "@eventual/store";
import { asLog, HistoryDriver, T0 } from "./history-fixtures";

/** The projector announces what it committed; the gateway's waits wake on it instead of polling. */
describe("ProjectionWatcher: woken by the projector's commits", () => {
  let store: TestStore;
  let watcher: ProjectionWatcher;
  let other: TestStore;

  beforeAll(async () => {
    store = await openTestStore();
    other = await openTestStore();
    watcher = await ProjectionWatcher.start({ url: store.url, schema: store.schema });
  });
  afterAll(async () => {
    await watcher?.close();
    await store?.close();
    await other?.close();
  });

  const project = async (target: TestStore, driver: HistoryDriver) => {
    // A consumer per workflow: each driver's log starts at offset 0.
    const projection = new HistoryProjection(target.dataSource, `projector-${driver.workflowId}`);
    for (const batch of asLog(driver.messages, 1, 100)) await projection.applyBatch(batch);
  };
  /** Whether `wait` resolved before a bound far longer than a notification's round trip. */
  const wokeBefore = async (wait: Promise<void>, ms: number) => {
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<boolean>((r) => (timer = setTimeout(() => r(false), ms)));
    try {
      return await Promise.race([wait.then(() => true), bound]);
    } finally {
      clearTimeout(timer);
    }
  };

  it("wakes the waits on the workflows a commit touched, and only those", async () => {
    const touched = watcher.watch("w-touched", 60_000);
    const untouched = watcher.watch("w-untouched", 60_000);
    await project(store, new HistoryDriver("w-touched", T0).start("w-touched-1"));
    expect(await wokeBefore(touched.changed, 10_000)).toBe(true);
    expect(await wokeBefore(untouched.changed, 300)).toBe(false);
    touched.dispose();
    untouched.dispose();
    expect(watcher.waiting).toBe(0);
  });

  it("does not hear commits to another schema's read models", async () => {
    const wait = watcher.watch("w-elsewhere", 60_000);
    await project(other, new HistoryDriver("w-elsewhere", T0).start("w-elsewhere-1"));
    expect(await wokeBefore(wait.changed, 500)).toBe(false);
    wait.dispose();
  });

  it("ends a wait at its bound when nothing happens, and on dispose", async () => {
    await expect(watcher.watch("w-quiet", 50).changed).resolves.toBeUndefined();
    const disposed = watcher.watch("w-quiet", 60_000);
    disposed.dispose();
    await expect(disposed.changed).resolves.toBeUndefined();
  });

  it("wakes every wait when closed, so no reader hangs on a stopping gateway", async () => {
    const closing = await ProjectionWatcher.start({ url: store.url, schema: store.schema });
    const wait = closing.watch("w-any", 60_000);
    await closing.close();
    await expect(wait.changed).resolves.toBeUndefined();
    wait.dispose();
  });

  it("untilProjected looks again when the projector reports the workflow, and gives up at its bound", async () => {
    const queries = new WorkflowQueries(store.dataSource);
    let looks = 0;
    const look = async () => (looks++, queries.describeWorkflow("w-late"));
    const waiting = untilProjected(watcher, "w-late", look, { timeoutMs: 60_000, recheckMs: 60_000 });
    await new Promise((r) => setTimeout(r, 100));
    await project(store, new HistoryDriver("w-late", T0).start("w-late-1"));
    expect(await waiting).toMatchObject({ workflowId: "w-late", runId: "w-late-1" });
    expect(looks).toBe(2);
    expect(await untilProjected(watcher, "w-never", () => queries.describeWorkflow("w-never"), { timeoutMs: 50 })).toBeUndefined();
    // Without a watcher it looks once.
    expect(await untilProjected(undefined, "w-never", () => queries.describeWorkflow("w-never"), { timeoutMs: 60_000 })).toBeUndefined();
  });
});
