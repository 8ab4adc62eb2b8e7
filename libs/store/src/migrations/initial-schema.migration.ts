import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Creates the read models, projection offsets and timers. Written by hand rather than
 * generated, so the schema (index order, constraints, types) is exactly what we reviewed;
 * `synchronize` is never used. Table names are unqualified: the data source's search_path
 * picks the schema (see `createDataSource`).
 *
 * Times are `timestamptz`: they arrive as ms since the epoch and timestamptz keeps
 * microseconds, so they round-trip exactly, while SQL, psql and range filters read them as
 * times. Values always come from events or commands, never `now()`, so a rebuild from the
 * log produces identical rows.
 *
 * @example
 * new DataSource({ ..., migrations: [InitialSchema1732500000000] }).runMigrations();
 */
export class InitialSchema1732500000000 implements MigrationInterface {
  readonly name = "InitialSchema1732500000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE workflow_executions (
        run_id             text        NOT NULL,
        workflow_id        text        NOT NULL,
        workflow_type      text        NOT NULL,
        task_queue         text        NOT NULL,
        status             text        NOT NULL,
        start_time         timestamptz NOT NULL,
        close_time         timestamptz,
        result             jsonb,
        failure            jsonb,
        history_length     integer     NOT NULL,
        parent_workflow_id text,
        parent_run_id      text,
        CONSTRAINT workflow_executions_pkey PRIMARY KEY (run_id),
        CONSTRAINT workflow_executions_status_check CHECK (status IN
          ('running', 'completed', 'failed', 'cancelled', 'terminated', 'timed-out', 'continued-as-new'))
      )`);
    // ListWorkflows filters by type and status and pages newest first; run_id breaks ties
    // of equal start times so the keyset (start_time, run_id) is total.
    await queryRunner.query(
      `CREATE INDEX workflow_executions_list_idx ON workflow_executions (workflow_type, status, start_time, run_id)`,
    );
    // Unfiltered (or status-only) listing walks this one backwards.
    await queryRunner.query(
      `CREATE INDEX workflow_executions_start_time_idx ON workflow_executions (start_time, run_id)`,
    );
    // DescribeWorkflow without a run id wants the latest run of a workflow id.
    await queryRunner.query(
      `CREATE INDEX workflow_executions_workflow_id_idx ON workflow_executions (workflow_id, start_time DESC)`,
    );

    await queryRunner.query(`
      CREATE TABLE history_events (
        run_id      text        NOT NULL,
        event_id    integer     NOT NULL,
        workflow_id text        NOT NULL,
        type        text        NOT NULL,
        "timestamp" timestamptz NOT NULL,
        data        jsonb       NOT NULL,
        CONSTRAINT history_events_pkey PRIMARY KEY (run_id, event_id)
      )`);

    await queryRunner.query(`
      CREATE TABLE projection_offsets (
        consumer    text    NOT NULL,
        topic       text    NOT NULL,
        "partition" integer NOT NULL,
        next_offset bigint  NOT NULL,
        CONSTRAINT projection_offsets_pkey PRIMARY KEY (consumer, topic, "partition")
      )`);

    await queryRunner.query(`
      CREATE TABLE timers (
        workflow_id text        NOT NULL,
        run_id      text        NOT NULL,
        timer_id    text        NOT NULL,
        fire_at     timestamptz NOT NULL,
        CONSTRAINT timers_pkey PRIMARY KEY (workflow_id, run_id, timer_id)
      )`);
    await queryRunner.query(`CREATE INDEX timers_fire_at_idx ON timers (fire_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE timers`);
    await queryRunner.query(`DROP TABLE projection_offsets`);
    await queryRunner.query(`DROP TABLE history_events`);
    await queryRunner.query(`DROP TABLE workflow_executions`);
  }
}

/** Every migration of the store, in order. */
export const STORE_MIGRATIONS = [InitialSchema1732500000000];
