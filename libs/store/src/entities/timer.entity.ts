import { Column, Entity, Index, PrimaryColumn } from "typeorm";

/**
 * A durable timer waiting to fire (user sleeps, activity and workflow timeouts, retry
 * backoff). The timer id is unique within a run and deterministic, so a re-armed timer
 * (e.g. a heartbeat timeout) moves the same row.
 *
 * @example
 * await dataSource.getRepository(TimerEntity).findBy({ workflowId: "w1", runId: "r1" });
 */
@Entity({ name: "timers" })
@Index("timers_fire_at_idx", ["fireAt"])
export class TimerEntity {
  @PrimaryColumn({ name: "workflow_id", type: "text", primaryKeyConstraintName: "timers_pkey" })
  workflowId!: string;

  @PrimaryColumn({ name: "run_id", type: "text", primaryKeyConstraintName: "timers_pkey" })
  runId!: string;

  @PrimaryColumn({ name: "timer_id", type: "text", primaryKeyConstraintName: "timers_pkey" })
  timerId!: string;

  @Column({ name: "fire_at", type: "timestamptz" })
  fireAt!: Date;
}
