import * as fs from "node:fs";
import * as path from "node:path";
import { isRunning } from "@eventual/infra";

/** Another live process runs an embedded platform on the same data directory. */
export class DataDirInUseError extends Error {
  override readonly name = "DataDirInUseError";
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `${dataDir} is in use by another embedded platform (pid ${pid}). Stop that one, or choose another data directory; ` +
        `if no such process exists, delete ${path.join(dataDir, LOCK_FILE)}`,
    );
  }
}

export interface DataDirLock {
  release(): void;
}

const LOCK_FILE = "embedded.pid";
/** Directories locked by this process: its own pid in the file cannot tell a second platform here from a dead predecessor. */
const heldHere = new Set<string>();

/**
 * Claims the data directory for this process: `<dataDir>/embedded.pid` holds our pid.
 *
 * Why: a restart must stop a Postgres left running on the directory by a crashed predecessor,
 * and must never stop the Postgres of a platform that is still alive. The lock tells the two
 * apart — a pid that is gone (or our own, as after a container restart, unless this process
 * holds the lock already) is a dead owner's.
 *
 * @example
 * const lock = lockDataDir("/home/me/.eventual"); // throws DataDirInUseError if another platform runs there
 * ...
 * lock.release();
 */
export function lockDataDir(dataDir: string): DataDirLock {
  if (heldHere.has(dataDir)) throw new DataDirInUseError(dataDir, process.pid);
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 1; !claim(file); attempt++) {
    const owner = Number(fs.readFileSync(file, "utf8").trim());
    if (Number.isSafeInteger(owner) && owner > 0 && owner !== process.pid && isRunning(owner)) throw new DataDirInUseError(dataDir, owner);
    if (attempt === 3) throw new Error(`could not claim ${file}: another process keeps recreating it`);
    // A dead owner's lock (a crash, a SIGKILL): ours now.
    fs.rmSync(file, { force: true });
  }
  heldHere.add(dataDir);
  return {
    release: () => {
      heldHere.delete(dataDir);
      try {
        if (Number(fs.readFileSync(file, "utf8").trim()) === process.pid) fs.rmSync(file, { force: true });
      } catch {
        // Already gone: nothing to release.
      }
    },
  };
}

/** Creates the lock file with our pid unless it exists ("wx": of two processes starting at once, one wins). */
function claim(file: string): boolean {
  try {
    fs.writeFileSync(file, `${process.pid}\n`, { flag: "wx" });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}
