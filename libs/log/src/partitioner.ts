/**
 * The partition of a key, identical to Kafka's Java default partitioner (murmur2 of the UTF-8
 * key, positive, modulo the count), so records keyed by workflow id land in the same partition
 * number in every topic and in both log adapters.
 *
 * @example
 * partitionFor("order-42", 12) // same number for history.commands and history.events
 */
export function partitionFor(key: string, partitionCount: number): number {
  if (!Number.isInteger(partitionCount) || partitionCount < 1) {
    throw new RangeError(`partitionCount must be a whole number >= 1, got ${partitionCount}`);
  }
  return (murmur2(new TextEncoder().encode(key)) & 0x7fffffff) % partitionCount;
}

/** Kafka's murmur2 (seed 0x9747b28c), 32-bit. */
export function murmur2(data: Uint8Array): number {
  const length = data.length;
  const m = 0x5bd1e995;
  const r = 24;
  let h = 0x9747b28c ^ length;
  const length4 = length >>> 2;
  for (let i = 0; i < length4; i++) {
    const i4 = i * 4;
    let k = (data[i4] & 0xff) | ((data[i4 + 1] & 0xff) << 8) | ((data[i4 + 2] & 0xff) << 16) | ((data[i4 + 3] & 0xff) << 24);
    k = Math.imul(k, m);
    k ^= k >>> r;
    k = Math.imul(k, m);
    h = Math.imul(h, m);
    h ^= k;
  }
  const tail = length4 * 4;
  const rest = length % 4;
  if (rest === 3) h ^= (data[tail + 2] & 0xff) << 16;
  if (rest >= 2) h ^= (data[tail + 1] & 0xff) << 8;
  if (rest >= 1) {
    h ^= data[tail] & 0xff;
    h = Math.imul(h, m);
  }
  h ^= h >>> 13;
  h = Math.imul(h, m);
  h ^= h >>> 15;
  return h | 0;
}
