/**
 * How many of a group's partitions one member should own: an even split, the first
 * `partitions % members` members (in member-id order) owning one more. Every member computes
 * the same split from the same member list, and the shares add up to exactly the partition
 * count, so members that each move toward their own share converge on a full, balanced
 * assignment without talking to each other.
 *
 * @example
 * fairShare(["a", "b", "c"], "a", 4); // 2 — "b" and "c" get 1 each
 */
export function fairShare(liveMembers: readonly string[], self: string, partitions: number): number {
  const sorted = [...liveMembers].sort();
  const index = sorted.indexOf(self);
  if (index < 0) throw new RangeError(`member ${self} is not among the live members ${sorted.join(", ")}`);
  return Math.floor(partitions / sorted.length) + (index < partitions % sorted.length ? 1 : 0);
}
