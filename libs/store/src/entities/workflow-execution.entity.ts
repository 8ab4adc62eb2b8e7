import { Check, Column, Entity, Index, PrimaryColumn } from "typeorm";

/** Every status a run can have in the read model: running, or how it closed. */
export const EXECUTION_STATUSES = [
  "running",
  "completed",
  "failed",
  "cancelled",
  "terminated",
  "timed-out",
  "continued-as-new",
] as const;

export type ExecutionStatus = (typeof EXECUTION_STATUSES)[number];

/**
 * One workflow run as the gateway lists and describes it (DESIGN §2, projector). A read
 * model only: it is derived from history.events by `HistoryProjection` and rebuilt by
 * replaying the log, so every column comes from an event, never from the clock.
 *
 * @example
 * const run = await dataSource.getRepository(WorkflowExecutionEntity).findOneBy({ runId: "r1" });
 */
@Entity({ name: "workflow_executions" })
// Names match the migration so TypeORM's schema diff against the migrated database is empty.
@Index("workflow_executions_list_idx", ["workflowType", "status", "startTime", "runId"])
@Index("workflow_executions_workflow_id_idx", ["workflowId", "startTime"])
@Index("workflow_executions_start_time_idx", ["startTime", "runId"])
@Check(
  "workflow_executions_status_check",
  `status IN ('running', 'completed', 'failed', 'cancelled', 'terminated', 'timed-out', 'continued-as-new')`,
)
export class WorkflowExecutionEntity {
  @PrimaryColumn({
    name: "run_id",
    type: "text",
    primaryKeyConstraintName: "workflow_executions_pkey",
  })
  runId!: string;

  @Column({ name: "workflow_id", type: "text" })
  workflowId!: string;

  @Column({ name: "workflow_type", type: "text" })
  workflowType!: string;

  @Column({ name: "task_queue", type: "text" })
  taskQueue!: string;

  @Column({ name: "status", type: "text" })
  status!: ExecutionStatus;

  /** The WorkflowStarted event's timestamp. */
  @Column({ name: "start_time", type: "timestamptz" })
  startTime!: Date;

  /** The close event's timestamp; null while running. */
  @Column({ name: "close_time", type: "timestamptz", nullable: true })
  closeTime!: Date | null;

  @Column({ name: "result", type: "jsonb", nullable: true })
  result!: unknown;

  @Column({ name: "failure", type: "jsonb", nullable: true })
  failure!: unknown;

  /** Highest event id seen: the history has no gaps, so this is its length. */
  @Column({ name: "history_length", type: "int" })
  historyLength!: number;

  @Column({ name: "parent_workflow_id", type: "text", nullable: true })
  parentWorkflowId!: string | null;

  @Column({ name: "parent_run_id", type: "text", nullable: true })
  parentRunId!: string | null;
}
