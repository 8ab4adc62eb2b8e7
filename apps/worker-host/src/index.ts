/**
 * @eventual/worker-host — a worker as its own process, configured from the environment
 * (main.ts); the config reader is exported for deployment checks.
 */
export { readWorkerHostConfig, type WorkerHostConfig } from "./worker.config";
