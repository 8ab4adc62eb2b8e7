import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { isRunning, readPostmasterLock } from "@eventual/infra";
import { crashTargetWhileInFlight, expectedJourney } from "./fixtures/crash-scenario";
import { embeddedCrashTarget, useEmbeddedSystem } from "./fixtures/embedded-system";

const COUNT = 50;

/**
 * SIGKILL the whole embedded platform with 50 workflows in flight (timers and activities) and
 * start it again on the same data directory. Its Postgres outlives the kill; the new process
 * must stop that orphan, reuse the cluster, and resume every workflow from what Postgres holds:
 * each completes, each history gap-free with every activity completion and timer firing once.
 */
describe("crash: the embedded platform killed with 50 workflows in flight", () => {
  const system = useEmbeddedSystem("crashembedded");
  const postgresDir = () => path.join(system.get().dataDir, "postgres");

  it("resumes every workflow on the same data directory, losing nothing and doubling nothing", async () => {
    const embedded = system.get();
    const target = embeddedCrashTarget(embedded);
    let orphan: number | undefined;
    const outcome = await crashTargetWhileInFlight(
      {
        ...target,
        kill: async () => {
          orphan = embedded.postgresPid();
          // The watchdog would stop the orphan within a second; without it the restart itself
          // must cope with a Postgres still running on the data directory (the worst case).
          killWatchdogOf(embedded.platform().child.pid!);
          await target.kill();
          expect(isRunning(orphan!)).toBe(true);
        },
      },
      "embedded",
      COUNT,
    );
    process.stderr.write(`crash of the embedded platform: ${JSON.stringify({ closedAtKill: outcome.closedAtKill, firedAtKill: outcome.firedAtKill, timelineMs: outcome.timeline })}\n`);
    expect(outcome.closedAtKill).toBeLessThan(COUNT);
    expect(outcome.firedAtKill).toBeGreaterThan(0);
    expect(outcome.results.filter((r) => r.status !== "completed")).toEqual([]);
    for (const r of outcome.results) expect(r.result).toEqual(expectedJourney(r.workflowId));
    expect(outcome.problems).toEqual([]);

    // The orphan is gone, and a new Postgres runs on the same cluster.
    expect(isRunning(orphan!)).toBe(false);
    const now = readPostmasterLock(postgresDir())?.pid;
    expect(now).toBeDefined();
    expect(now).not.toBe(orphan);
  }, 600_000);

  it("leaves no Postgres behind when it stops", async () => {
    const embedded = system.get();
    const postgres = embedded.postgresPid()!;
    expect(await embedded.platform().stop()).toBe(0);
    expect(isRunning(postgres)).toBe(false);
    expect(readPostmasterLock(postgresDir())).toBeUndefined();
  }, 60_000);

  it("leaves no Postgres behind when it is killed: its watchdog stops it", async () => {
    const embedded = system.get();
    await embedded.restart();
    const postgres = embedded.postgresPid()!;
    await embedded.kill();
    const deadline = Date.now() + 10_000;
    while (isRunning(postgres) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(isRunning(postgres)).toBe(false);
    expect(readPostmasterLock(postgresDir())).toBeUndefined();
  }, 180_000);
});

/** The platform's Postgres watchdog: a detached `sh` waiting for the platform's pid to go. */
function killWatchdogOf(platformPid: number): void {
  const pids = execFileSync("pgrep", ["-f", `while kill -0 ${platformPid} `], { encoding: "utf8" }).trim().split("\n").filter(Boolean);
  expect(pids).toHaveLength(1);
  process.kill(Number(pids[0]), "SIGKILL");
}
