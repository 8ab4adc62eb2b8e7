import "reflect-metadata";
import { DataSource, MigrationExecutor, type DataSourceOptions } from "typeorm";
import { STORE_ENTITIES } from "./entities";
import { STORE_MIGRATIONS } from "./migrations/initial-schema.migration";

export interface StoreDataSourceOptions {
  /** `postgres://user:password@host:port/database` */
  url: string;
  /**
   * Postgres schema holding the tables (default `public`). Tests use one per file so they
   * can run side by side in one database and drop everything afterwards.
   */
  schema?: string;
  /** Pool size (default 10). */
  poolSize?: number;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * TypeORM options for the store's entities and migrations. Every pooled connection gets
 * `search_path` = the schema, so the hand-written SQL of the projection, queries and timers
 * needs no schema prefix. Also what a NestJS service hands to `TypeOrmModule.forRoot`.
 *
 * @example
 * TypeOrmModule.forRootAsync({ useFactory: () => storeDataSourceOptions({ url: process.env.DATABASE_URL! }) })
 */
export function storeDataSourceOptions(options: StoreDataSourceOptions): DataSourceOptions {
  const schema = options.schema ?? "public";
  if (!SCHEMA_NAME.test(schema)) {
    throw new Error(
      `invalid schema name ${JSON.stringify(schema)}: use lower-case letters, digits and _`,
    );
  }
  return {
    type: "postgres",
    url: options.url,
    schema,
    entities: STORE_ENTITIES,
    migrations: STORE_MIGRATIONS,
    migrationsTableName: "store_migrations",
    synchronize: false,
    migrationsRun: false,
    poolSize: options.poolSize ?? 10,
    extra: { options: `-c search_path=${schema}` },
  };
}

/**
 * A data source (not yet initialised) over `storeDataSourceOptions`.
 *
 * @example
 * const ds = createDataSource({ url: process.env.DATABASE_URL!, schema: "eventual" });
 * await ds.initialize();
 * await runMigrations(ds);
 */
export function createDataSource(options: StoreDataSourceOptions): DataSource {
  return new DataSource(storeDataSourceOptions(options));
}

/**
 * Creates the schema if missing and applies pending migrations, all or nothing. Services
 * starting together may all call it: a Postgres advisory lock lets one migrate while the
 * others wait and then find nothing pending.
 *
 * @example
 * await runMigrations(ds); // idempotent: a second call applies nothing
 */
export async function runMigrations(dataSource: DataSource): Promise<void> {
  const schema = schemaOf(dataSource);
  // One connection for lock and migrations, so a pool of one cannot deadlock on itself.
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  const lock = [`eventual-store-migrations:${schema}`];
  try {
    await runner.query(`SELECT pg_advisory_lock(hashtext($1))`, lock);
    await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = "all";
    await executor.executePendingMigrations();
  } finally {
    await runner.query(`SELECT pg_advisory_unlock(hashtext($1))`, lock).catch(() => undefined);
    await runner.release();
  }
}

/**
 * Drops the data source's schema with everything in it (tests clean up with this).
 *
 * @example
 * afterAll(async () => { await dropSchema(ds); await ds.destroy(); });
 */
export async function dropSchema(dataSource: DataSource): Promise<void> {
  const schema = schemaOf(dataSource);
  if (schema === "public") throw new Error("refusing to drop the public schema");
  await dataSource.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
}

function schemaOf(dataSource: DataSource): string {
  const schema = (dataSource.options as { schema?: string }).schema ?? "public";
  if (!SCHEMA_NAME.test(schema)) throw new Error(`invalid schema name ${JSON.stringify(schema)}`);
  return schema;
}
