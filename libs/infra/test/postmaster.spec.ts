import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { isRunning, readPostmasterLock, stopPostmaster } from "@eventual/infra";

/**
 * The stale-lock half of the orphan handling; stopping a real orphaned Postgres is covered by
 * the embedded platform's crash test (tests/system), which SIGKILLs its parent.
 */
describe("stopPostmaster", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "postmaster-spec-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const writeLock = (pid: number) => fs.writeFileSync(path.join(dir, "postmaster.pid"), `${pid}\n${dir}\n1700000000\n54321\n/tmp\nlocalhost\n  1234 5678\nready   \n`);

  it("does nothing without a postmaster.pid", async () => {
    expect(await stopPostmaster(dir)).toBe("none");
    expect(await stopPostmaster(path.join(dir, "missing"))).toBe("none");
  });

  it("reads the pid and port", () => {
    writeLock(4242);
    expect(readPostmasterLock(dir)).toEqual({ pid: 4242, port: 54321 });
  });

  it("removes a lock whose process is gone", async () => {
    const child = spawn(process.execPath, ["-e", "0"]);
    await new Promise((resolve) => child.once("exit", resolve));
    writeLock(child.pid!);
    expect(await stopPostmaster(dir)).toBe("stale-lock");
    expect(fs.existsSync(path.join(dir, "postmaster.pid"))).toBe(false);
  });

  it("removes a lock whose pid now belongs to something else, and leaves that process alone", async () => {
    const bystander = spawn("sleep", ["30"]);
    try {
      writeLock(bystander.pid!);
      expect(await stopPostmaster(dir)).toBe("stale-lock");
      expect(fs.existsSync(path.join(dir, "postmaster.pid"))).toBe(false);
      expect(isRunning(bystander.pid!)).toBe(true);
    } finally {
      bystander.kill("SIGKILL");
    }
  });
});
