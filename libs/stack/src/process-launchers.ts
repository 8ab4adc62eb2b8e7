import { type LaunchedService, launchService } from "@eventual/infra";

/** A worker process hosting a module of workflows and activities (apps/worker-host). */
export interface StackWorkerSpec {
  /** Module path (relative to the workspace or absolute). */
  workflowsPath: string;
  taskQueue?: string;
  /** Extra `WORKER_*` settings, e.g. `{ WORKER_MAX_CONCURRENT_ACTIVITIES: "32" }`. */
  env?: Record<string, string>;
}

/** How a process of the stack is launched, whatever it runs. */
export interface ProcessLaunchOptions {
  /** Name in logs and errors (default per launcher). */
  name?: string;
  /** `LOG_LEVEL` (default info: the launcher reads the readiness line). */
  logLevel?: "debug" | "info";
  /** Extra Node flags, e.g. `["--cpu-prof"]`. */
  nodeArgs?: string[];
  /** Each log line as it arrives. */
  onLog?: (line: Record<string, unknown>) => void;
  /** How long the process may take to become ready (default 120 s: SWC compiles on start). */
  readyTimeoutMs?: number;
}

/**
 * Starts one of the stack's processes from its entry: LOG_LEVEL (info unless told, since the
 * launcher reads the readiness line), Node flags, log lines and the ready timeout, the same way
 * for services, workers and the embedded platform.
 */
export function launchStackProcess(name: string, entry: string, env: Record<string, string>, options: ProcessLaunchOptions = {}): Promise<LaunchedService> {
  return launchService(name, {
    entry,
    env: { LOG_LEVEL: options.logLevel ?? "info", ...env },
    nodeArgs: options.nodeArgs,
    onLog: options.onLog,
    readyTimeoutMs: options.readyTimeoutMs ?? 120_000,
  });
}

/**
 * Starts a worker process (apps/worker-host) polling the gateway at `address`.
 *
 * @example
 * const worker = await launchWorkerProcess("127.0.0.1:7233", { workflowsPath: "examples/stack.workflows.ts" });
 * await worker.stop();
 */
export function launchWorkerProcess(address: string, spec: StackWorkerSpec, options: ProcessLaunchOptions = {}): Promise<LaunchedService> {
  return launchStackProcess(
    options.name ?? "worker",
    "apps/worker-host/src/main.ts",
    { EVENTUAL_ADDRESS: address, WORKER_WORKFLOWS_PATH: spec.workflowsPath, WORKER_TASK_QUEUE: spec.taskQueue ?? "main", ...spec.env },
    options,
  );
}

/** Where and how the embedded platform process keeps its data and serves. */
export interface EmbeddedProcessSpec {
  dataDir: string;
  /** The gateway's port (keep it across restarts so workers and clients keep their address). */
  port: number;
  /** Partitions of every topic (default 4). */
  partitions?: number;
  /** Extra `EVENTUAL_*` settings. */
  env?: Record<string, string>;
}

/**
 * Starts the embedded platform (apps/embedded) as its own process, on its own embedded
 * Postgres under `dataDir`: what `eventual dev` runs, as a process a test can SIGKILL.
 *
 * @example
 * const platform = await launchEmbeddedProcess({ dataDir, port: await freePort() });
 * await platform.kill(); // its Postgres is stopped by the platform's watchdog
 */
export function launchEmbeddedProcess(spec: EmbeddedProcessSpec, options: ProcessLaunchOptions = {}): Promise<LaunchedService> {
  return launchStackProcess(
    options.name ?? "embedded",
    "apps/embedded/src/main.ts",
    { EVENTUAL_DATA_DIR: spec.dataDir, EVENTUAL_PORT: String(spec.port), EVENTUAL_PARTITIONS: String(spec.partitions ?? 4), ...spec.env },
    options,
  );
}
