import type { Pool } from "pg";
import { murmur2 } from "../partitioner";
import { inTransaction } from "./sql-transaction";

/**
 * Names of the log's objects in one schema, quoted and ready to splice into SQL (the schema
 * name is validated by `resolveOptions`, so splicing is safe), plus the channels and the
 * advisory-lock key space derived from it.
 */
export interface LogTables {
  schema: string;
  topics: string;
  partitions: string;
  records: string;
  groupPartitions: string;
  groupMembers: string;
  /** NOTIFY channel announcing appends; payload `<partition>:<topic>`. */
  appendedChannel: string;
  /** NOTIFY channel announcing joins, leaves and released partitions; payload the group id. */
  membersChannel: string;
  /**
   * First key of every advisory lock the log takes (`pg_advisory_lock(lockSpace, id)`), so logs
   * in different schemas of one database do not take each other's locks. Ids come from the
   * schema's `lock_ids` sequence (0 is the schema set-up lock).
   */
  lockSpace: number;
}

/**
 * @example
 * logTables("eventual_log").records; // '"eventual_log"."records"'
 */
export function logTables(schema: string): LogTables {
  const q = (name: string) => `"${schema}"."${name}"`;
  return {
    schema,
    topics: q("topics"),
    partitions: q("partitions"),
    records: q("records"),
    groupPartitions: q("group_partitions"),
    groupMembers: q("group_members"),
    appendedChannel: `${schema}_appended`,
    membersChannel: `${schema}_members`,
    lockSpace: murmur2(new TextEncoder().encode(`eventual-log/${schema}`)) & 0x7fffffff,
  };
}

/**
 * Creates the log's schema and tables if missing. Concurrent `CREATE ... IF NOT EXISTS` can
 * still fail on the catalog's unique indexes, so set-up runs under a transaction-level
 * advisory lock: processes starting together take turns, and all but the first find
 * everything in place.
 *
 * Tables:
 * - `topics`: name → partition count.
 * - `partitions`: one row per partition with `next_offset`. Appenders `SELECT ... FOR UPDATE`
 *   the rows of the partitions they write (in sorted order, so no deadlock) and bump it; the
 *   row lock is held until commit, so appends to a partition commit in offset order and a
 *   reader can never see offset N+1 while N is still to come.
 * - `records`: the log itself, keyed by (topic, partition, offset). No foreign key to
 *   `partitions`: every insert already holds that row's lock, a key check would only add work.
 * - `group_partitions`: per (group, topic, partition) the committed offset, the owner's
 *   generation (bumped by each new owner; a commit must match it: the zombie fence) and the id
 *   of the advisory lock whose holder owns the partition.
 * - `group_members`: one row per running member with the id of the advisory lock its session
 *   holds; a row whose lock nobody holds is a dead member.
 *
 * @example
 * await ensureSchema(pool, logTables("eventual_log"));
 */
export async function ensureSchema(pool: Pool, tables: LogTables): Promise<void> {
  const s = `"${tables.schema}"`;
  await inTransaction(pool, async (client) => {
    await client.query("SELECT pg_advisory_xact_lock($1, 0)", [tables.lockSpace]);
    await client.query(`
      CREATE SCHEMA IF NOT EXISTS ${s};
      CREATE TABLE IF NOT EXISTS ${tables.topics} (
        topic text PRIMARY KEY,
        partitions integer NOT NULL CHECK (partitions > 0),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE IF NOT EXISTS ${tables.partitions} (
        topic text NOT NULL REFERENCES ${tables.topics} (topic),
        "partition" integer NOT NULL,
        next_offset bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (topic, "partition")
      );
      CREATE TABLE IF NOT EXISTS ${tables.records} (
        topic text NOT NULL,
        "partition" integer NOT NULL,
        "offset" bigint NOT NULL,
        key text NOT NULL,
        value text NOT NULL,
        headers jsonb NOT NULL,
        appended_at_ms bigint NOT NULL,
        PRIMARY KEY (topic, "partition", "offset")
      );
      CREATE SEQUENCE IF NOT EXISTS ${s}.lock_ids AS integer;
      CREATE TABLE IF NOT EXISTS ${tables.groupPartitions} (
        group_id text NOT NULL,
        topic text NOT NULL,
        "partition" integer NOT NULL,
        committed_offset bigint NOT NULL DEFAULT 0,
        generation bigint NOT NULL DEFAULT 0,
        owner_id text,
        lock_id integer NOT NULL UNIQUE DEFAULT nextval('${s}.lock_ids'),
        PRIMARY KEY (group_id, topic, "partition")
      );
      CREATE TABLE IF NOT EXISTS ${tables.groupMembers} (
        group_id text NOT NULL,
        member_id text NOT NULL,
        lock_id integer NOT NULL UNIQUE DEFAULT nextval('${s}.lock_ids'),
        joined_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (group_id, member_id)
      );
    `);
  });
}

/**
 * A `held` common table expression: the advisory locks of this log's key space held right now,
 * as (lock_id, pid). `pg_locks` shows a two-key advisory lock as classid = first key,
 * objid = second, objsubid = 2. MATERIALIZED so `pg_locks` (which inspects the whole lock
 * table) is read once per statement, not once per joined row.
 *
 * @example
 * await db.query(`WITH ${heldLocks("$1")} SELECT ... LEFT JOIN held h ON h.lock_id = gp.lock_id`, [tables.lockSpace]);
 */
export function heldLocks(lockSpaceParam: string): string {
  return `held AS MATERIALIZED (
    SELECT l.objid::bigint AS lock_id, l.pid FROM pg_locks l
     WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
       AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
       AND l.classid::bigint = ${lockSpaceParam}::bigint
  )`;
}
