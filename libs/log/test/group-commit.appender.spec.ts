import { GroupCommitAppender, type OutgoingRecord } from "@eventual/log";

const record = (key: string): OutgoingRecord => ({ topic: "t", key, value: key });

/** A log whose appends take a while, recording what each carried and how many overlapped. */
function slowLog(fail?: (records: OutgoingRecord[]) => boolean) {
  const calls: string[][] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  return {
    calls,
    maxInFlight: () => maxInFlight,
    append: async (records: OutgoingRecord[]) => {
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      calls.push(records.map((r) => r.key));
      await new Promise((resolve) => setTimeout(resolve, 10));
      inFlight--;
      if (fail?.(records)) throw new Error("produce failed");
    },
  };
}

describe("GroupCommitAppender", () => {
  it("keeps one append in flight and coalesces the calls that arrived meanwhile", async () => {
    const log = slowLog();
    const batcher = new GroupCommitAppender(log.append);
    await Promise.all(["a", "b", "c", "d"].map((key) => batcher.append([record(key)])));
    expect(log.maxInFlight()).toBe(1);
    expect(log.calls).toEqual([["a"], ["b", "c", "d"]]);
  });

  it("caps a batch by records and fails only the callers of a failed batch", async () => {
    const log = slowLog((records) => records.some((r) => r.key === "c"));
    const batcher = new GroupCommitAppender(log.append, 2);
    const results = await Promise.allSettled(["a", "b", "c", "d", "e"].map((key) => batcher.append([record(key)])));
    expect(log.calls).toEqual([["a"], ["b", "c"], ["d", "e"]]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "rejected", "fulfilled", "fulfilled"]);
  });
});
