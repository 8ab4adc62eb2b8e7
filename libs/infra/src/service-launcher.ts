import { type ChildProcess, spawn } from "node:child_process";
import * as path from "node:path";
import * as readline from "node:readline";

const WORKSPACE = path.resolve(__dirname, "../../..");

/** A service process started from its `main.ts`, for end-to-end and fault tests and the dev stack. */
export interface LaunchedService {
  readonly name: string;
  readonly child: ChildProcess;
  /** Every log line so far (parsed JSON, or `{ raw, stream }` for other output). */
  readonly logs: Array<Record<string, unknown>>;
  /** Port of /health/live and /health/ready. */
  readonly healthPort: number;
  /** Resolves with the exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
  /** SIGTERM and wait: graceful shutdown. */
  stop(): Promise<number | null>;
  /** SIGKILL and wait: a crash at an arbitrary instant. */
  kill(): Promise<number | null>;
}

export interface LaunchOptions {
  /** Path of the entry relative to the workspace, e.g. `apps/history/src/main.ts`. */
  entry: string;
  env: Record<string, string>;
  /** How long to wait for /health/ready (default 60 s). */
  readyTimeoutMs?: number;
  /** Extra Node flags, e.g. `["--cpu-prof", "--cpu-prof-dir=/tmp/prof"]` to profile the service. */
  nodeArgs?: string[];
  /** Each log line as it arrives (for a console or a test's diagnostics). */
  onLog?: (line: Record<string, unknown>) => void;
}

/**
 * Starts a service as its own OS process (`node -r @swc-node/register <entry>`) and resolves
 * once its /health/ready answers 200. The service must log `{ message: "health endpoints",
 * port }` as `runServiceProcess` does.
 *
 * @example
 * const history = await launchService("history", { entry: "apps/history/src/main.ts", env: { KAFKA_BROKERS } });
 * await history.kill(); // SIGKILL: nothing graceful
 */
export async function launchService(name: string, options: LaunchOptions): Promise<LaunchedService> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), "-r", "@swc-node/register", options.entry], {
    cwd: WORKSPACE,
    env: { ...process.env, SWC_NODE_PROJECT: path.join(WORKSPACE, "tsconfig.base.json"), ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: Array<Record<string, unknown>> = [];
  // Structured logs go to stderr; stdout carries what user code prints (an activity's output).
  for (const [stream, input] of [["stderr", child.stderr!], ["stdout", child.stdout!]] as const) {
    readline.createInterface({ input }).on("line", (text) => {
      let line: Record<string, unknown>;
      try {
        line = JSON.parse(text) as Record<string, unknown>;
      } catch {
        line = { raw: text, stream };
      }
      logs.push(line);
      options.onLog?.(line);
    });
  }
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  let healthPort: number | undefined;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${name} exited before it was ready; its last lines: ${JSON.stringify(logs.slice(-5))}`);
    }
    healthPort ??= logs.find((l) => l.message === "health endpoints")?.port as number | undefined;
    if (healthPort !== undefined && (await isReady(healthPort))) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  if (healthPort === undefined || !(await isReady(healthPort))) {
    child.kill("SIGKILL");
    throw new Error(`${name} was not ready within ${options.readyTimeoutMs ?? 60_000} ms; its last lines: ${JSON.stringify(logs.slice(-5))}`);
  }
  const signal = (sig: NodeJS.Signals) => async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(sig);
    return exited;
  };
  return { name, child, logs, healthPort, exited, stop: signal("SIGTERM"), kill: signal("SIGKILL") };
}

async function isReady(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/health/ready`)).status === 200;
  } catch {
    return false;
  }
}
