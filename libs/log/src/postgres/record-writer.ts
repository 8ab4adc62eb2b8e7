import type { PoolClient } from "pg";
import { UnknownTopicError } from "../log-errors";
import type { LogTables } from "./postgres-log.schema";

/** A record whose partition is decided (from its key, or given). */
export interface PlacedRecord {
  topic: string;
  partition: number;
  key: string;
  value: string;
  headers: Record<string, string>;
}

/**
 * Appends records inside the caller's transaction and announces them, on commit, to listening
 * consumers. Offsets come from each partition's `next_offset`, read with `FOR UPDATE`: the row
 * lock serializes appends to a partition until the appending transaction ends, so offsets are
 * dense and become visible strictly in order (a later offset is never visible before an
 * earlier one that will still appear — a consumer would skip it). Rows are locked in one
 * statement sorted by (topic, partition), so transactions writing several partitions always
 * lock them in the same order and cannot deadlock.
 *
 * @example
 * await inTransaction(pool, (client) => appendRecords(client, tables, [{ topic, partition: 0, key, value, headers: {} }]));
 */
export async function appendRecords(client: PoolClient, tables: LogTables, records: PlacedRecord[]): Promise<void> {
  if (records.length === 0) return;
  const targets = new Map<string, { topic: string; partition: number }>();
  for (const { topic, partition } of records) targets.set(`${partition}:${topic}`, { topic, partition });
  const wanted = [...targets.values()];
  const { rows } = await client.query<{ topic: string; partition: number; next_offset: string }>(
    `SELECT p.topic, p."partition", p.next_offset
       FROM ${tables.partitions} p
       JOIN unnest($1::text[], $2::int[]) AS t(topic, "partition") ON p.topic = t.topic AND p."partition" = t."partition"
      ORDER BY p.topic, p."partition"
      FOR UPDATE OF p`,
    [wanted.map((t) => t.topic), wanted.map((t) => t.partition)],
  );
  const next = new Map<string, bigint>();
  for (const row of rows) next.set(`${row.partition}:${row.topic}`, BigInt(row.next_offset));
  // The adapter checks topics and partition ranges first; a missing row means the topic went away.
  const missing = wanted.find((t) => !next.has(`${t.partition}:${t.topic}`));
  if (missing) throw new UnknownTopicError(missing.topic);

  const offsets = records.map((record) => {
    const key = `${record.partition}:${record.topic}`;
    const offset = next.get(key)!;
    next.set(key, offset + 1n);
    return offset;
  });
  const bumped = [...next].map(([key, offset]) => ({ ...targets.get(key)!, offset }));
  // One round trip: bump the partitions, insert the records, queue one notification per
  // partition (Postgres sends them only if and when the transaction commits).
  await client.query(
    `WITH bumped AS (
       UPDATE ${tables.partitions} p SET next_offset = n.next_offset
         FROM unnest($1::text[], $2::int[], $3::bigint[]) AS n(topic, "partition", next_offset)
        WHERE p.topic = n.topic AND p."partition" = n."partition"
     ), inserted AS (
       INSERT INTO ${tables.records} (topic, "partition", "offset", key, value, headers, appended_at_ms)
       SELECT r.topic, r."partition", r."offset", r.key, r.value, r.headers::jsonb, $10::bigint
         FROM unnest($4::text[], $5::int[], $6::bigint[], $7::text[], $8::text[], $9::text[]) AS r(topic, "partition", "offset", key, value, headers)
     )
     SELECT pg_notify($11, n."partition" || ':' || n.topic) FROM unnest($1::text[], $2::int[]) AS n(topic, "partition")`,
    [
      bumped.map((b) => b.topic),
      bumped.map((b) => b.partition),
      bumped.map((b) => b.offset),
      records.map((r) => r.topic),
      records.map((r) => r.partition),
      offsets,
      records.map((r) => r.key),
      records.map((r) => r.value),
      records.map((r) => JSON.stringify(r.headers)),
      Date.now(),
      tables.appendedChannel,
    ],
  );
}
