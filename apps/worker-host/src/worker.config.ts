import * as path from "node:path";
import { EnvConfig, type LogLevel } from "@eventual/service-kit";
import { WORKER_DEFAULTS } from "@eventual/worker";

/**
 * The worker host's settings, from the environment:
 *
 * | variable | default | meaning |
 * |---|---|---|
 * | EVENTUAL_ADDRESS | 127.0.0.1:7233 | `host:port` of the gateway |
 * | WORKER_WORKFLOWS_PATH | (required) | module defining the workflows and activities (relative to the working directory) |
 * | WORKER_TASK_QUEUE | main | the task queue served |
 * | WORKER_MAX_CONCURRENT_ACTIVITIES | 100 | activity attempts running at once |
 * | WORKER_WORKFLOW_POLLERS | 10 | concurrent workflow-task long polls |
 * | WORKER_ACTIVITY_POLLERS | 10 | concurrent activity-task long polls |
 * | WORKER_MAX_CACHED_WORKFLOWS | 1000 | runs kept in the replay cache |
 * | WORKER_SHUTDOWN_GRACE_MS | 10000 | on SIGTERM, how long running activities may finish before they are cancelled |
 * | WORKER_POLL_TIMEOUT_MS | 60000 | long-poll deadline |
 * | WORKER_IDENTITY | `<hostname>:<pid>` | name reported with every task |
 * | WORKER_HEALTH_PORT | 0 (any free port) | port of /health/live and /health/ready |
 * | LOG_LEVEL | info | debug, info, warn or error |
 */
export interface WorkerHostConfig {
  address: string;
  workflowsPath: string;
  taskQueue: string;
  maxConcurrentActivities: number;
  workflowPollers: number;
  activityPollers: number;
  maxCachedWorkflows: number;
  shutdownGraceMs: number;
  pollTimeoutMs: number;
  identity: string | undefined;
  healthPort: number;
  logLevel: LogLevel;
}

export function readWorkerHostConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): WorkerHostConfig {
  const config = new EnvConfig(env);
  return {
    address: config.string("EVENTUAL_ADDRESS", "127.0.0.1:7233"),
    workflowsPath: path.resolve(cwd, config.string("WORKER_WORKFLOWS_PATH")),
    taskQueue: config.string("WORKER_TASK_QUEUE", "main"),
    maxConcurrentActivities: config.integer("WORKER_MAX_CONCURRENT_ACTIVITIES", WORKER_DEFAULTS.maxConcurrentActivities, { min: 1, max: 10_000 }),
    workflowPollers: config.integer("WORKER_WORKFLOW_POLLERS", WORKER_DEFAULTS.workflowPollers, { min: 1, max: 64 }),
    activityPollers: config.integer("WORKER_ACTIVITY_POLLERS", WORKER_DEFAULTS.activityPollers, { min: 1, max: 256 }),
    maxCachedWorkflows: config.integer("WORKER_MAX_CACHED_WORKFLOWS", WORKER_DEFAULTS.maxCachedWorkflows, { min: 0, max: 1_000_000 }),
    shutdownGraceMs: config.integer("WORKER_SHUTDOWN_GRACE_MS", WORKER_DEFAULTS.shutdownGraceMs, { min: 0, max: 3_600_000 }),
    pollTimeoutMs: config.integer("WORKER_POLL_TIMEOUT_MS", WORKER_DEFAULTS.pollTimeoutMs, { min: 1_000, max: 600_000 }),
    identity: env.WORKER_IDENTITY || undefined,
    healthPort: config.integer("WORKER_HEALTH_PORT", 0, { min: 0, max: 65_535 }),
    logLevel: config.logLevel(),
  };
}
