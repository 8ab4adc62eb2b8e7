import { randomUUID } from "node:crypto";
import { Client, type QueryResultRow } from "pg";
import { GroupSessionLostError } from "./postgres-log.errors";
import type { ResolvedPostgresLogOptions } from "./postgres-log.options";
import { type LogTables, heldLocks } from "./postgres-log.schema";

/** A partition of the group's topics, with who (which backend) holds its ownership lock. */
export interface GroupPartition {
  topic: string;
  partition: number;
  lockId: number;
  /** Backend pid of the session owning it, or null when nobody does. */
  holderPid: number | null;
}

/**
 * One member of a consumer group, on its own session connection. Ownership is a session-level
 * advisory lock: the member holds one lock saying it is alive and one per partition it owns.
 * When the process dies its connection closes, Postgres ends the session and every lock goes
 * with it — no heartbeats, no timeouts — and the other members take the partitions over.
 *
 * The session does nothing but membership (no batches), so nothing on it waits behind a slow
 * commit; batch commits run on pooled connections and check ownership through
 * `group_partitions.generation` (see partition-fence.ts).
 *
 * @example
 * const member = await PartitionOwnership.join(options, tables, "history", ["history.commands"], onLost);
 * const partitions = await member.partitions();
 * if (await member.tryTake(partitions[0].lockId)) { ... }
 * await member.leave();
 */
export class PartitionOwnership {
  private ended = false;

  private constructor(
    private readonly client: Client,
    private readonly tables: LogTables,
    readonly groupId: string,
    private readonly topics: string[],
    readonly memberId: string,
    /** Backend pid of the session: what `pg_locks` shows as the holder of our locks. */
    readonly pid: number,
  ) {}

  /**
   * Opens a session and joins the group: registers the member under a fresh advisory lock,
   * creates the group's partition rows if missing, and tells the other members (NOTIFY).
   * `onLost` is called once if the session connection breaks afterwards (not after `leave`/`end`).
   */
  static async join(
    options: ResolvedPostgresLogOptions,
    tables: LogTables,
    groupId: string,
    topics: string[],
    onLost: (member: PartitionOwnership, error: unknown) => void,
  ): Promise<PartitionOwnership> {
    const memberId = randomUUID();
    // Shows in pg_stat_activity which group a session belongs to (cut to Postgres' 63 bytes).
    const applicationName = Buffer.from(`eventual-log:${groupId}`).subarray(0, 63).toString();
    const client = new Client({ connectionString: options.connectionString, application_name: applicationName, keepAlive: true });
    let member: PartitionOwnership | undefined;
    const lost = (error?: unknown) => {
      if (!member || member.ended) return;
      member.ended = true;
      onLost(member, error ?? new GroupSessionLostError(groupId, "connection ended"));
    };
    client.on("error", lost);
    client.on("end", () => lost());
    try {
      await client.connect();
      // Our locks outlive a vanished client (machine gone, cable cut) until the server notices
      // the dead connection; make that tens of seconds instead of the OS default of hours.
      // (Ignored on Unix-socket connections, where the peer's death is seen at once.)
      await client.query("SET tcp_keepalives_idle = 10; SET tcp_keepalives_interval = 5; SET tcp_keepalives_count = 3");
      await client.query("BEGIN");
      const { rows } = await client.query<{ lock_id: number; pid: number }>(
        `INSERT INTO ${tables.groupMembers} (group_id, member_id) VALUES ($1, $2) RETURNING lock_id, pg_backend_pid() AS pid`,
        [groupId, memberId],
      );
      const { lock_id: lockId, pid } = rows[0];
      // Taken before the member row commits, so a visible member row without its lock held
      // can only be a dead member's.
      const taken = await client.query<{ taken: boolean }>("SELECT pg_try_advisory_lock($1, $2) AS taken", [tables.lockSpace, lockId]);
      if (!taken.rows[0].taken) throw new Error(`advisory lock (${tables.lockSpace}, ${lockId}) of a new member is taken; is another log using schema ${tables.schema}'s key space?`);
      // Sorted, so members joining at once insert (and wait on) rows in the same order.
      await client.query(
        `INSERT INTO ${tables.groupPartitions} (group_id, topic, "partition")
         SELECT $1, t.topic, g FROM ${tables.topics} t CROSS JOIN LATERAL generate_series(0, t.partitions - 1) AS g
          WHERE t.topic = ANY($2::text[])
            AND NOT EXISTS (SELECT 1 FROM ${tables.groupPartitions} gp WHERE gp.group_id = $1 AND gp.topic = t.topic AND gp."partition" = g)
          ORDER BY t.topic, g
         ON CONFLICT DO NOTHING`,
        [groupId, topics],
      );
      await client.query("SELECT pg_notify($1, $2)", [tables.membersChannel, groupId]);
      await client.query("COMMIT");
      member = new PartitionOwnership(client, tables, groupId, topics, memberId, pid);
      return member;
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
  }

  /** Whether the session connection is gone (its locks are then released). */
  get isEnded(): boolean {
    return this.ended;
  }

  /**
   * Ids of the group's live members — those whose member lock is held — sorted. Rows of dead
   * members (their session ended without leaving) are deleted on the way.
   */
  async liveMembers(): Promise<string[]> {
    const { rows } = await this.query<{ member_id: string }>(
      `WITH ${heldLocks("$2")},
       dead AS (
         DELETE FROM ${this.tables.groupMembers} m
          WHERE m.group_id = $1 AND m.lock_id NOT IN (SELECT lock_id FROM held)
         RETURNING m.member_id
       )
       SELECT member_id FROM ${this.tables.groupMembers}
        WHERE group_id = $1 AND member_id NOT IN (SELECT member_id FROM dead)
        ORDER BY member_id`,
      [this.groupId, this.tables.lockSpace],
    );
    return rows.map((row) => row.member_id);
  }

  /** The group's partitions of this member's topics, sorted, each with the pid holding it. */
  async partitions(): Promise<GroupPartition[]> {
    const { rows } = await this.query<{ topic: string; partition: number; lock_id: number; pid: number | null }>(
      `WITH ${heldLocks("$3")}
       SELECT gp.topic, gp."partition", gp.lock_id, h.pid
         FROM ${this.tables.groupPartitions} gp LEFT JOIN held h ON h.lock_id = gp.lock_id
        WHERE gp.group_id = $1 AND gp.topic = ANY($2::text[])
        ORDER BY gp.topic, gp."partition"`,
      [this.groupId, this.topics, this.tables.lockSpace],
    );
    return rows.map((row) => ({ topic: row.topic, partition: row.partition, lockId: row.lock_id, holderPid: row.pid }));
  }

  /** Takes a partition if nobody owns it; true if it is ours now. */
  async tryTake(lockId: number): Promise<boolean> {
    const { rows } = await this.query<{ taken: boolean }>("SELECT pg_try_advisory_lock($1, $2) AS taken", [this.tables.lockSpace, lockId]);
    return rows[0].taken;
  }

  /** Gives a partition up (its worker must have stopped) and tells the others it is free. */
  async release(lockId: number): Promise<void> {
    await this.query("SELECT pg_advisory_unlock($1, $2), pg_notify($3, $4)", [this.tables.lockSpace, lockId, this.tables.membersChannel, this.groupId]);
  }

  /**
   * Leaves the group: releases every lock, deletes the member row, tells the others (the
   * notification goes out when the statement commits, after the locks are free), and ends the
   * session. Stop the partition workers first.
   */
  async leave(): Promise<void> {
    if (this.ended) return;
    try {
      await this.query(
        `WITH gone AS (DELETE FROM ${this.tables.groupMembers} WHERE group_id = $1 AND member_id = $2)
         SELECT pg_advisory_unlock_all(), pg_notify($3, $1)`,
        [this.groupId, this.memberId, this.tables.membersChannel],
      );
    } finally {
      await this.end();
    }
  }

  /** Ends the session without ceremony; Postgres releases its locks. */
  async end(): Promise<void> {
    this.ended = true;
    await this.client.end().catch(() => undefined);
  }

  private async query<R extends QueryResultRow>(text: string, values: unknown[]) {
    if (this.ended) throw new GroupSessionLostError(this.groupId, "connection ended");
    return this.client.query<R>(text, values);
  }
}
