import type { QueryResult, QueryResultRow } from "pg";
import type { LogRecord } from "../log-port";
import type { LogTables } from "./postgres-log.schema";

/** A pool or a client: anything that runs a query. */
export interface Queryable {
  query<R extends QueryResultRow = any>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
}

interface RecordRow {
  offset: string;
  key: string;
  value: string;
  headers: Record<string, string>;
  appended_at_ms: string;
}

/**
 * Committed records of one partition from offset `from`, at most `limit`, below `before` when
 * given, in offset order. Offsets are dense and committed in order (see record-writer.ts), so
 * what this returns never has a hole that a later read would fill.
 *
 * @example
 * const records = await readRecords(pool, tables, "history.events", 3, 120n, 500);
 */
export async function readRecords(
  db: Queryable,
  tables: LogTables,
  topic: string,
  partition: number,
  from: bigint,
  limit: number,
  before?: bigint,
): Promise<LogRecord[]> {
  const { rows } = await db.query<RecordRow>(
    `SELECT "offset", key, value, headers, appended_at_ms FROM ${tables.records}
      WHERE topic = $1 AND "partition" = $2 AND "offset" >= $3 AND ($5::bigint IS NULL OR "offset" < $5)
      ORDER BY "offset" LIMIT $4`,
    [topic, partition, from, limit, before ?? null],
  );
  return rows.map((row) => ({
    topic,
    partition,
    offset: BigInt(row.offset),
    key: row.key,
    value: row.value,
    headers: row.headers,
    timestamp: Number(row.appended_at_ms),
  }));
}

/** The partition's end: the offset its next record will get. */
export async function partitionEnd(db: Queryable, tables: LogTables, topic: string, partition: number): Promise<bigint | undefined> {
  const { rows } = await db.query<{ next_offset: string }>(`SELECT next_offset FROM ${tables.partitions} WHERE topic = $1 AND "partition" = $2`, [
    topic,
    partition,
  ]);
  return rows.length > 0 ? BigInt(rows[0].next_offset) : undefined;
}
