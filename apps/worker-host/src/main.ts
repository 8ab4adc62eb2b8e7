import { JsonLogger, runServiceProcess } from "@eventual/service-kit";
import { Worker } from "@eventual/worker";
import { readWorkerHostConfig } from "./worker.config";

/**
 * A worker as its own process, hosting a module of workflows and activities:
 * `EVENTUAL_ADDRESS=127.0.0.1:7233 WORKER_WORKFLOWS_PATH=examples/stack.workflows.ts node -r @swc-node/register apps/worker-host/src/main.ts`.
 * Ready once the module is loaded and bundled; SIGTERM stops polling, lets running activities
 * finish within the grace period and reports what it finished.
 */
const config = readWorkerHostConfig();
runServiceProcess(
  "worker",
  async (logger) => {
    const worker = await Worker.create({
      address: config.address,
      taskQueue: config.taskQueue,
      workflowsPath: config.workflowsPath,
      maxConcurrentActivities: config.maxConcurrentActivities,
      workflowPollers: config.workflowPollers,
      activityPollers: config.activityPollers,
      maxCachedWorkflows: config.maxCachedWorkflows,
      shutdownGraceMs: config.shutdownGraceMs,
      pollTimeoutMs: config.pollTimeoutMs,
      identity: config.identity,
      log: (level, message, fields) => logger[level](message, fields),
    });
    const running = worker.run();
    running.catch((error: unknown) => {
      logger.error("worker stopped polling", { error: String((error as Error)?.stack ?? error) });
      process.exit(1);
    });
    logger.info("worker polling", { address: config.address, taskQueue: config.taskQueue, workflows: config.workflowsPath });
    return { ready: () => true, stop: () => worker.shutdown() };
  },
  { healthPort: config.healthPort, logger: new JsonLogger("worker", config.logLevel) },
);
