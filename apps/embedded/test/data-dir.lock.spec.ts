import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { DataDirInUseError } from "@eventual/embedded";
import { lockDataDir } from "../src/data-dir.lock";

describe("lockDataDir", () => {
  let dir: string;
  const lockFile = () => path.join(dir, "embedded.pid");
  beforeEach(() => (dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "lock-spec-")), "data")));
  afterEach(() => fs.rmSync(path.dirname(dir), { recursive: true, force: true }));

  it("creates the directory, claims it with our pid and releases it", () => {
    const lock = lockDataDir(dir);
    expect(fs.readFileSync(lockFile(), "utf8").trim()).toBe(String(process.pid));
    lock.release();
    expect(fs.existsSync(lockFile())).toBe(false);
  });

  it("refuses a directory a live process holds, naming it", async () => {
    const other = spawn("sleep", ["30"]);
    try {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(lockFile(), `${other.pid}\n`);
      expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
      expect(() => lockDataDir(dir)).toThrow(`in use by another embedded platform (pid ${other.pid})`);
    } finally {
      other.kill("SIGKILL");
    }
  });

  it("takes over the lock of a dead owner (a crash)", async () => {
    const dead = spawn(process.execPath, ["-e", "0"]);
    await new Promise((resolve) => dead.once("exit", resolve));
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(lockFile(), `${dead.pid}\n`);
    lockDataDir(dir).release();
    expect(fs.existsSync(lockFile())).toBe(false);
  });
});

describe("lockDataDir within one process", () => {
  it("refuses a second platform on a directory this process holds", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lock-spec-"));
    try {
      const lock = lockDataDir(dir);
      expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
      lock.release();
      lockDataDir(dir).release();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
