import * as fs from "node:fs";

/** Memory of one process, from /proc (Linux). */
export interface ProcessMemory {
  pid: number;
  command: string;
  /** Resident set now, bytes. */
  rssBytes: number;
  /** Peak resident set since the process started (VmHWM), bytes. */
  peakRssBytes: number;
}

/**
 * The process and all its descendants with their current and peak RSS — how the benchmark
 * reports the memory of every service, the broker's JVM and Postgres included. Empty where
 * /proc does not exist.
 *
 * @example
 * for (const p of processTreeMemory(stack.service("history").child.pid!)) console.log(p.command, p.peakRssBytes);
 */
export function processTreeMemory(rootPid: number): ProcessMemory[] {
  const found: ProcessMemory[] = [];
  const visit = (pid: number) => {
    const status = read(`/proc/${pid}/status`);
    if (!status) return;
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0) * 1024;
    const command = (read(`/proc/${pid}/cmdline`) ?? "").split("\0").filter(Boolean).join(" ");
    found.push({ pid, command, rssBytes: kb("VmRSS"), peakRssBytes: kb("VmHWM") });
    for (const child of children(pid)) visit(child);
  };
  visit(rootPid);
  return found;
}

function children(pid: number): number[] {
  const tasks = fs.existsSync(`/proc/${pid}/task`) ? fs.readdirSync(`/proc/${pid}/task`) : [];
  return tasks.flatMap((task) => (read(`/proc/${pid}/task/${task}/children`) ?? "").split(" ").filter(Boolean).map(Number));
}

function read(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}
