import { randomBytes } from "node:crypto";
import { ensureInfrastructure, type RunningInfrastructure } from "@eventual/infra";
import type { DataSource } from "typeorm";
import { createDataSource, dropSchema, runMigrations } from "./data-source";

export interface TestStore {
  dataSource: DataSource;
  /** The schema the tables live in, for a service process started against the same store. */
  schema: string;
  /** The database URL (without the schema). */
  url: string;
  /** Drops the test's schema and closes the pool (and stops Postgres if this file started it). */
  close(): Promise<void>;
}

/**
 * A migrated store in a schema of its own (`test_<random>`), so test files can share one
 * database, run in parallel and leave nothing behind. Uses DATABASE_URL when set (as under
 * `npm test`), otherwise starts Postgres (and Kafka) through @eventual/infra.
 */
export async function openTestStore(poolSize = 10): Promise<TestStore> {
  let infra: RunningInfrastructure | undefined;
  let url = process.env.DATABASE_URL;
  if (!url) {
    infra = await ensureInfrastructure();
    url = infra.env.DATABASE_URL;
  }
  const schema = `test_${randomBytes(6).toString("hex")}`;
  const dataSource = createDataSource({ url, schema, poolSize });
  await dataSource.initialize();
  await runMigrations(dataSource);
  return {
    dataSource,
    schema,
    url,
    close: async () => {
      await dropSchema(dataSource);
      await dataSource.destroy();
      await infra?.stop();
    },
  };
}

/** Every row of a table ordered by its primary key, as JSON text: equal dumps mean equal tables. */
export async function dumpTable(
  dataSource: DataSource,
  table: string,
  orderBy: string,
): Promise<string> {
  const rows: Array<{ row: string }> = await dataSource.query(
    `SELECT row_to_json(t)::text AS row FROM ${table} t ORDER BY ${orderBy}`,
  );
  return rows.map((r) => r.row).join("\n");
}

/** Dumps of both read models and the offsets. */
export async function dumpReadModels(dataSource: DataSource): Promise<Record<string, string>> {
  return {
    workflow_executions: await dumpTable(dataSource, "workflow_executions", "run_id"),
    history_events: await dumpTable(dataSource, "history_events", "run_id, event_id"),
    projection_offsets: await dumpTable(
      dataSource,
      "projection_offsets",
      `consumer, topic, "partition"`,
    ),
  };
}
