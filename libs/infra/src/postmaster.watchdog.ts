import { spawn } from "node:child_process";

/** A running watchdog; `stop` ends it (call it before stopping Postgres yourself). */
export interface PostmasterWatchdog {
  stop(): void;
}

/**
 * Stops a Postgres server when this process dies, however it dies.
 *
 * Why: Postgres runs as a child of this process and outlives a SIGKILL (or OOM kill) of it,
 * holding its port, memory and data directory. Node runs nothing after SIGKILL, so the
 * guard is a separate, tiny process: a detached shell (its own session, so a Ctrl-C or a
 * kill of our process group leaves it be) that checks once a second whether we still exist
 * and, once we do not, asks the postmaster for a fast shutdown (SIGINT). It costs one `sh`
 * and one `sleep` a second. Not on Windows (no `sh`); there the next start's
 * `stopPostmaster` cleans up instead.
 *
 * @example
 * const watchdog = watchPostmaster(postmasterPid);
 * ...
 * watchdog.stop();
 * await stopPostmaster(dataDir);
 */
export function watchPostmaster(postmasterPid: number, ownerPid: number = process.pid): PostmasterWatchdog {
  if (process.platform === "win32") return { stop: () => undefined };
  const script = `while kill -0 ${ownerPid} 2>/dev/null; do sleep 1; done; kill -INT ${postmasterPid} 2>/dev/null; exit 0`;
  const child = spawn("sh", ["-c", script], { detached: true, stdio: "ignore" });
  // An error spawning sh leaves us without the guard, which only costs the clean-up on crash.
  child.on("error", () => undefined);
  child.unref();
  return {
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    },
  };
}
