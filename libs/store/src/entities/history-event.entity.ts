import { Column, Entity, PrimaryColumn } from "typeorm";

/**
 * One history event of one run, as history.events carried it. `data` is the event's `data`
 * unchanged, so `{ eventId, timestamp, type, data }` rebuilds the core's `HistoryEvent`.
 *
 * @example
 * const events = await dataSource.getRepository(HistoryEventEntity).find({ where: { runId }, order: { eventId: "ASC" } });
 */
@Entity({ name: "history_events" })
export class HistoryEventEntity {
  @PrimaryColumn({ name: "run_id", type: "text", primaryKeyConstraintName: "history_events_pkey" })
  runId!: string;

  @PrimaryColumn({ name: "event_id", type: "int", primaryKeyConstraintName: "history_events_pkey" })
  eventId!: number;

  @Column({ name: "workflow_id", type: "text" })
  workflowId!: string;

  @Column({ name: "type", type: "text" })
  type!: string;

  /** The event's own timestamp (set by history from the command's `now`). */
  @Column({ name: "timestamp", type: "timestamptz" })
  timestamp!: Date;

  @Column({ name: "data", type: "jsonb" })
  data!: unknown;
}
