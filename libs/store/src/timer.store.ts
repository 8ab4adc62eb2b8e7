import type { DataSource, EntityManager } from "typeorm";
import { isoTime } from "./sql-time";

/** A durable timer: the `StartTimer` effect's data. `fireAt` is ms since the epoch. */
export interface DurableTimer {
  workflowId: string;
  runId: string;
  timerId: string;
  fireAt: number;
}

/**
 * Durable timers in Postgres for the timers service (DESIGN §2). Firing is at least once:
 * `claimDue` deletes a timer only after the caller has produced its TimerFired, and the
 * core dedupes a second fire by timer id (DESIGN §3.3). Several instances may claim at once;
 * `FOR UPDATE SKIP LOCKED` hands each due timer to one of them.
 *
 * @example
 * const timers = new TimerStore(dataSource);
 * await timers.upsert({ workflowId: "w1", runId: "r1", timerId: "user/1", fireAt: Date.now() + 60_000 });
 * await timers.claimDue(Date.now(), 100, (due) => log.append(due.map(toTimerFiredRecord)));
 */
export class TimerStore {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Arms a timer, or moves it when the id exists: the core re-arms heartbeat timeouts under
   * the same id. If an instance is firing the timer right now, this waits for it and then
   * arms the timer afresh, so a re-arm is never lost.
   *
   * @example
   * await timers.upsert({ workflowId: "w1", runId: "r1", timerId: "activity/3/1/heartbeat", fireAt });
   */
  async upsert(timer: DurableTimer, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).query(
      `INSERT INTO timers (workflow_id, run_id, timer_id, fire_at) VALUES ($1, $2, $3, $4::timestamptz)
       ON CONFLICT (workflow_id, run_id, timer_id) DO UPDATE SET fire_at = EXCLUDED.fire_at`,
      [timer.workflowId, timer.runId, timer.timerId, isoTime(timer.fireAt)],
    );
  }

  /**
   * Removes a timer; a no-op when it already fired or never existed.
   *
   * @example
   * await timers.cancel("w1", "r1", "user/1");
   */
  async cancel(
    workflowId: string,
    runId: string,
    timerId: string,
    manager?: EntityManager,
  ): Promise<void> {
    await (manager ?? this.dataSource.manager).query(
      `DELETE FROM timers WHERE workflow_id = $1 AND run_id = $2 AND timer_id = $3`,
      [workflowId, runId, timerId],
    );
  }

  /**
   * Claims up to `limit` timers due at `now` (earliest first), passes them to `fire`, and
   * deletes them once `fire` resolves — all in one transaction holding row locks. Timers
   * locked by another instance are skipped, not waited for. If `fire` throws, the
   * transaction rolls back and the timers stay for the next claim. Returns how many fired.
   *
   * @example
   * const fired = await timers.claimDue(Date.now(), 100, async (due) => { await produceTimerFired(due); });
   */
  async claimDue(
    now: number,
    limit: number,
    fire: (due: DurableTimer[]) => Promise<void>,
  ): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      const rows: Array<{ workflow_id: string; run_id: string; timer_id: string; fire_at: Date }> =
        await m.query(
          `SELECT workflow_id, run_id, timer_id, fire_at FROM timers WHERE fire_at <= $1::timestamptz
         ORDER BY fire_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
          [isoTime(now), limit],
        );
      if (rows.length === 0) return 0;
      const due = rows.map((r) => ({
        workflowId: r.workflow_id,
        runId: r.run_id,
        timerId: r.timer_id,
        fireAt: r.fire_at.getTime(),
      }));
      await fire(due);
      // The rows stay locked until commit, so nothing moved them since the select.
      await m.query(
        `DELETE FROM timers t USING jsonb_to_recordset($1::jsonb) AS x(workflow_id text, run_id text, timer_id text)
         WHERE t.workflow_id = x.workflow_id AND t.run_id = x.run_id AND t.timer_id = x.timer_id`,
        [
          JSON.stringify(
            rows.map(({ workflow_id, run_id, timer_id }) => ({ workflow_id, run_id, timer_id })),
          ),
        ],
      );
      return rows.length;
    });
  }

  /**
   * When the earliest timer is due (ms since the epoch), or undefined when none is armed.
   * The service sleeps until then (capped, since another instance may add an earlier one).
   *
   * @example
   * const at = await timers.nextDueAt(); const sleepMs = at === undefined ? 1000 : Math.min(1000, at - Date.now());
   */
  async nextDueAt(): Promise<number | undefined> {
    const [row]: Array<{ fire_at: Date | null }> = await this.dataSource.query(
      `SELECT min(fire_at) AS fire_at FROM timers`,
    );
    return row?.fire_at ? row.fire_at.getTime() : undefined;
  }
}
