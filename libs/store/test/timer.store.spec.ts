import { TimerStore, type DurableTimer } from "@eventual/store";
import { openTestStore, type TestStore } from "@eventual/store";

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0, 0);

function timer(timerId: string, fireAt: number, runId = "r1"): DurableTimer {
  return { workflowId: "w1", runId, timerId, fireAt };
}

/** A promise and the function that resolves it, for holding a callback open. */
function gate(): { opened: Promise<void>; open(): void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

const ids = (timers: DurableTimer[]) => timers.map((t) => t.timerId).sort();

describe("TimerStore", () => {
  let store: TestStore;
  let timers: TimerStore;

  beforeAll(async () => {
    store = await openTestStore();
    timers = new TimerStore(store.dataSource);
  });
  afterAll(() => store?.close());
  beforeEach(() => store.dataSource.query("DELETE FROM timers"));

  it("fires a due timer once, with its exact fire time, and reports the next due time", async () => {
    await timers.upsert(timer("user/1", NOW - 5));
    await timers.upsert(timer("user/2", NOW + 60_123));
    expect(await timers.nextDueAt()).toBe(NOW - 5);
    const fired: DurableTimer[] = [];
    expect(await timers.claimDue(NOW, 10, async (due) => void fired.push(...due))).toBe(1);
    expect(fired).toEqual([timer("user/1", NOW - 5)]);
    expect(
      await timers.claimDue(NOW, 10, async () => Promise.reject(new Error("nothing is due"))),
    ).toBe(0);
    expect(await timers.nextDueAt()).toBe(NOW + 60_123);
  });

  it("moves a timer when armed again under the same id", async () => {
    await timers.upsert(timer("activity/1/1/heartbeat", NOW - 1_000));
    await timers.upsert(timer("activity/1/1/heartbeat", NOW + 30_000));
    expect(await timers.claimDue(NOW, 10, async () => undefined)).toBe(0);
    expect(await timers.nextDueAt()).toBe(NOW + 30_000);
  });

  it("cancels a timer, and ignores cancelling one that is gone", async () => {
    await timers.upsert(timer("user/1", NOW - 1));
    await timers.upsert(timer("user/1", NOW - 1, "r2"));
    await timers.cancel("w1", "r1", "user/1");
    await timers.cancel("w1", "r1", "user/1");
    const fired: DurableTimer[] = [];
    await timers.claimDue(NOW, 10, async (due) => void fired.push(...due));
    expect(fired).toEqual([timer("user/1", NOW - 1, "r2")]);
    expect(await timers.nextDueAt()).toBeUndefined();
  });

  it("keeps a timer whose fire callback threw, for the next claim", async () => {
    await timers.upsert(timer("user/1", NOW - 1));
    await expect(
      timers.claimDue(NOW, 10, async () => Promise.reject(new Error("broker down"))),
    ).rejects.toThrow("broker down");
    const fired: DurableTimer[] = [];
    expect(await timers.claimDue(NOW, 10, async (due) => void fired.push(...due))).toBe(1);
    expect(ids(fired)).toEqual(["user/1"]);
  });

  it("never hands the same timer to two concurrent claims (SKIP LOCKED)", async () => {
    const all = Array.from({ length: 10 }, (_, i) => timer(`user/${i}`, NOW - 1_000 + i));
    for (const t of all) await timers.upsert(t);
    const firstHolds = gate();
    const firstClaimed = gate();
    const first: DurableTimer[] = [];
    const second: DurableTimer[] = [];
    // The first claim takes the five earliest and holds their locks while "producing".
    const firstClaim = timers.claimDue(NOW, 5, async (due) => {
      first.push(...due);
      firstClaimed.open();
      await firstHolds.opened;
    });
    await firstClaimed.opened;
    // The second claim skips the locked rows instead of waiting for them.
    expect(await timers.claimDue(NOW, 10, async (due) => void second.push(...due))).toBe(5);
    firstHolds.open();
    expect(await firstClaim).toBe(5);
    expect(ids(first)).toEqual(ids(all.slice(0, 5)));
    expect(ids(second)).toEqual(ids(all.slice(5)));
    expect(await timers.nextDueAt()).toBeUndefined();
  });

  it("keeps a re-arm that arrives while the timer is being fired", async () => {
    await timers.upsert(timer("activity/1/1/heartbeat", NOW - 1));
    const holds = gate();
    const claimed = gate();
    const claim = timers.claimDue(NOW, 10, async () => {
      claimed.open();
      await holds.opened;
    });
    await claimed.opened;
    let rearmed = false;
    const rearm = timers
      .upsert(timer("activity/1/1/heartbeat", NOW + 30_000))
      .then(() => (rearmed = true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(rearmed).toBe(false); // waiting on the claim's row lock
    holds.open();
    await Promise.all([claim, rearm]);
    expect(await timers.nextDueAt()).toBe(NOW + 30_000);
  });
});
