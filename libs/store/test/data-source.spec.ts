import { randomBytes } from "node:crypto";
import { createDataSource, dropSchema, runMigrations } from "@eventual/store";

describe("runMigrations", () => {
  it("lets several services migrate one fresh schema at once, and is idempotent", async () => {
    const schema = `test_${randomBytes(6).toString("hex")}`;
    // A pool of one proves the lock and the migrations share a connection.
    const sources = [1, 2, 3].map(() =>
      createDataSource({ url: process.env.DATABASE_URL!, schema, poolSize: 1 }),
    );
    try {
      await Promise.all(sources.map((ds) => ds.initialize()));
      await Promise.all(sources.map((ds) => runMigrations(ds)));
      await runMigrations(sources[0]);
      const applied: Array<{ name: string }> = await sources[0].query(
        `SELECT name FROM store_migrations`,
      );
      expect(applied.map((m) => m.name)).toEqual(["InitialSchema1732500000000"]);
      const tables: Array<{ table_name: string }> = await sources[0].query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name`,
        [schema],
      );
      expect(tables.map((t) => t.table_name)).toEqual([
        "history_events",
        "projection_offsets",
        "store_migrations",
        "timers",
        "workflow_executions",
      ]);
    } finally {
      await dropSchema(sources[0]).catch(() => undefined);
      await Promise.all(sources.map((ds) => (ds.isInitialized ? ds.destroy() : undefined)));
    }
  });

  it("refuses a schema name that would need quoting", () => {
    expect(() => createDataSource({ url: "postgres://x", schema: 'a"; DROP' })).toThrow(
      /invalid schema name/,
    );
  });
});
