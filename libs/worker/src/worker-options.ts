import type { Activity } from "@eventual/sdk";

/**
 * How a worker connects and how much it runs at once.
 *
 * @example
 * const worker = await Worker.create({ address: "127.0.0.1:7233", taskQueue: "main", workflowsPath: require.resolve("./workflows") });
 */
export interface WorkerOptions {
  /** `host:port` of the gateway. */
  address: string;
  /** The queue this worker serves, for workflow and activity tasks alike. */
  taskQueue: string;
  /** The module defining the workflows (bundled into the sandbox) and, usually, the activities. */
  workflowsPath: string;
  /** Activities besides those the workflows module defines (or when they live elsewhere). */
  activities?: Array<Activity<any[], any>>;
  /** Name reported with every task, default `<hostname>:<pid>`. */
  identity?: string;
  /** Activity attempts running at once (default 100). */
  maxConcurrentActivities?: number;
  /** Concurrent activity-task long polls (default 10; at most `maxConcurrentActivities`). */
  activityPollers?: number;
  /** Concurrent workflow-task long polls (default 10: each waits on the network far longer than its activation runs). Activations themselves run one at a time. */
  workflowPollers?: number;
  /** Runs kept in the replay cache (default 1,000). */
  maxCachedWorkflows?: number;
  /** On shutdown, how long running activities may finish before they are cancelled (default 10 s). */
  shutdownGraceMs?: number;
  /** Long-poll deadline (default 60 s). */
  pollTimeoutMs?: number;
  /** Structured log sink; default writes JSON lines to stderr. */
  log?: (level: "info" | "warn" | "error", message: string, fields?: Record<string, unknown>) => void;
}

export const WORKER_DEFAULTS = {
  maxConcurrentActivities: 100,
  workflowPollers: 10,
  activityPollers: 10,
  maxCachedWorkflows: 1_000,
  shutdownGraceMs: 10_000,
  pollTimeoutMs: 60_000,
};

/** Options with every default filled in. */
export type ResolvedWorkerOptions = WorkerOptions & typeof WORKER_DEFAULTS & { identity: string };

export function defaultWorkerLog(level: "info" | "warn" | "error", message: string, fields: Record<string, unknown> = {}): void {
  process.stderr.write(JSON.stringify({ time: new Date().toISOString(), level, component: "worker", message, ...fields }) + "\n");
}
