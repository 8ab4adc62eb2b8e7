import { RecentStarts } from "../src/commands/recent-starts";

describe("RecentStarts", () => {
  it("remembers an id for its time to live, and only the newest ones beyond its size", () => {
    let now = 0;
    const recent = new RecentStarts(1_000, 2, () => now);
    recent.add("a");
    now = 500;
    recent.add("b");
    expect(recent.has("a")).toBe(true);
    expect(recent.has("nobody")).toBe(false);
    now = 1_000;
    expect(recent.has("a")).toBe(false);
    expect(recent.has("b")).toBe(true);
    recent.add("c");
    recent.add("d");
    expect([recent.has("b"), recent.has("c"), recent.has("d")]).toEqual([false, true, true]);
  });
});
