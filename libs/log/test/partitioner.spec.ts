import { murmur2, partitionFor } from "@eventual/log";

describe("partitionFor", () => {
  // Reference values from Kafka's murmur2 as the @platformatic/kafka client computes it, which
  // follows the Java client's Utils.murmur2.
  it.each([
    ["", 275646681],
    ["a", -1563381124],
    ["ab", 316155434],
    ["abc", 479470107],
    ["abcd", -1323649548],
    ["order-42", 501153024],
    ["workflow/é/ü", -774376464],
    ["x".repeat(101), 1782836068],
  ])("hashes %j like Kafka's murmur2", (key, expected) => {
    expect(murmur2(new TextEncoder().encode(key))).toBe(expected);
  });

  it("maps a key to the same partition every time, within range", () => {
    for (const count of [1, 3, 12]) {
      for (let i = 0; i < 200; i++) {
        const p = partitionFor(`wf-${i}`, count);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThan(count);
        expect(partitionFor(`wf-${i}`, count)).toBe(p);
      }
    }
  });

  it("spreads keys over the partitions", () => {
    const counts = new Array(4).fill(0);
    for (let i = 0; i < 4000; i++) counts[partitionFor(`workflow-${i}`, 4)]++;
    for (const n of counts) expect(n).toBeGreaterThan(800);
  });

  it("refuses a partition count below 1", () => {
    expect(() => partitionFor("k", 0)).toThrow(/partitionCount must be a whole number >= 1/);
  });
});
