import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

/** The first lines of a data directory's `postmaster.pid`: who runs Postgres on it. */
export interface PostmasterLock {
  pid: number;
  /** The port it listens on (line 4), when the server got that far. */
  port?: number;
}

/** What `stopPostmaster` found and did. */
export type PostmasterCleanup = "none" | "stale-lock" | "stopped";

export interface StopPostmasterOptions {
  /** How long a fast shutdown (SIGINT) may take before an immediate one (SIGQUIT); default 15 s. */
  fastTimeoutMs?: number;
  /** How long the immediate shutdown may take before SIGKILL; default 5 s. */
  immediateTimeoutMs?: number;
}

/** The postmaster did not go away even after SIGKILL. */
export class PostmasterStuckError extends Error {
  override readonly name = "PostmasterStuckError";
  constructor(dataDir: string, pid: number) {
    super(`Postgres (pid ${pid}) on ${dataDir} is still running after SIGINT, SIGQUIT and SIGKILL; stop it by hand (kill -9 ${pid}) and start again`);
  }
}

/**
 * Reads `<dataDir>/postmaster.pid`; undefined when there is none (no server, or one that shut
 * down cleanly — Postgres removes the file then).
 *
 * @example
 * readPostmasterLock("/var/lib/eventual/postgres"); // { pid: 4242, port: 54012 }
 */
export function readPostmasterLock(dataDir: string): PostmasterLock | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const lines = text.split("\n");
  const pid = Number(lines[0]);
  if (!Number.isSafeInteger(pid) || pid <= 0) return undefined;
  const port = Number(lines[3]);
  return { pid, ...(Number.isSafeInteger(port) && port > 0 ? { port } : {}) };
}

/**
 * Stops whatever Postgres runs on `dataDir` and makes the directory startable again.
 *
 * Why this exists: the embedded platform's Postgres is a child process, and a child survives
 * its parent's SIGKILL (or OOM kill). The orphan keeps the data directory locked, so the next
 * start on the same directory would fail. Its pid is in `postmaster.pid`; this sends it SIGINT
 * (fast shutdown: sessions end, a checkpoint is written), then SIGQUIT (immediate shutdown,
 * crash recovery on the next start) and SIGKILL if it lingers, and waits until it is gone.
 *
 * A lock file whose pid is dead, a zombie, or a process that is not Postgres (the pid was
 * reused after a reboot or in a fresh container) is stale: it is removed, since Postgres
 * refuses to start while the pid in it answers signals.
 *
 * Only call it when no live owner uses the directory (the embedded runtime checks its own
 * lock first): it stops the server whoever started it.
 *
 * @example
 * await stopPostmaster(path.join(dataDir, "postgres")); // "none" | "stale-lock" | "stopped"
 */
export async function stopPostmaster(dataDir: string, options: StopPostmasterOptions = {}): Promise<PostmasterCleanup> {
  const lock = readPostmasterLock(dataDir);
  if (!lock) return "none";
  if (!isRunning(lock.pid) || !isPostgres(lock.pid)) {
    removeLock(dataDir, lock.pid);
    return "stale-lock";
  }
  const steps: Array<[NodeJS.Signals, number]> = [
    ["SIGINT", options.fastTimeoutMs ?? 15_000],
    ["SIGQUIT", options.immediateTimeoutMs ?? 5_000],
    ["SIGKILL", 5_000],
  ];
  for (const [signal, timeoutMs] of steps) {
    if (!signalProcess(lock.pid, signal)) break;
    if (await exited(lock.pid, timeoutMs)) break;
  }
  if (isRunning(lock.pid)) throw new PostmasterStuckError(dataDir, lock.pid);
  // A clean shutdown removed it; after SIGKILL it is left behind, naming a dead pid.
  removeLock(dataDir, lock.pid);
  return "stopped";
}

/** True while the process exists and is not a zombie (an exited child nobody reaped yet). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists, owned by a user we may not signal.
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  return processState(pid) !== "Z";
}

/** The state letter from /proc (R, S, Z, ...); undefined where there is no /proc. */
function processState(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // "pid (comm) S ...": comm may hold spaces and parentheses, so look after the last ")".
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
  } catch {
    return undefined;
  }
}

/** Whether the pid is a Postgres server process (the postmaster's argv[0] is its binary). */
function isPostgres(pid: number): boolean {
  let command: string;
  try {
    command = fs.existsSync("/proc") ? fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0")[0] : execFileSync("ps", ["-o", "comm=", "-p", String(pid)], { encoding: "utf8" }).trim();
  } catch {
    // Gone meanwhile, or not ours to inspect: treat as Postgres, so it is waited for rather than its lock deleted.
    return isRunning(pid);
  }
  return path.basename(command).startsWith("postgres");
}

function signalProcess(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(pid, signal);
    return true;
  } catch {
    return false;
  }
}

async function exited(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isRunning(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return !isRunning(pid);
}

/** Removes postmaster.pid if it still names `pid` (a new server may have written its own meanwhile). */
function removeLock(dataDir: string, pid: number): void {
  if (readPostmasterLock(dataDir)?.pid !== pid) return;
  fs.rmSync(path.join(dataDir, "postmaster.pid"), { force: true });
}
