import { setMaxListeners } from "node:events";
import * as os from "node:os";
import { WorkerApiClient } from "@eventual/client";
import { activities as registeredActivities } from "@eventual/sdk";
import { ActivityTaskPoller } from "./activity-task.poller";
import { bundleWorkflows } from "./workflow-bundler";
import { WorkflowCache } from "./workflow-cache";
import { WorkflowTaskPoller } from "./workflow-task.poller";
import { type ResolvedWorkerOptions, WORKER_DEFAULTS, type WorkerOptions, defaultWorkerLog } from "./worker-options";

/**
 * Hosts user code: polls the gateway for workflow tasks (replayed in the sandbox, with a cache
 * of running workflows) and activity tasks (run here, with heartbeats and cancellation).
 *
 * @example
 * const worker = await Worker.create({ address: "127.0.0.1:7233", taskQueue: "main", workflowsPath: require.resolve("./workflows") });
 * process.on("SIGTERM", () => worker.shutdown());
 * await worker.run();
 */
export class Worker {
  private readonly stopping = new AbortController();
  private readonly api: WorkerApiClient;
  private readonly activityPoller: ActivityTaskPoller;
  private readonly workflowPollers: WorkflowTaskPoller[];
  private running?: Promise<void>;

  private constructor(private readonly options: ResolvedWorkerOptions) {
    // Every poller and every long poll listens on this one signal; more than Node's default 10
    // is expected, not a leak.
    setMaxListeners(0, this.stopping.signal);
    const log = options.log ?? defaultWorkerLog;
    this.api = new WorkerApiClient({ address: options.address });
    const cache = new WorkflowCache(bundleWorkflows(options.workflowsPath), options.maxCachedWorkflows);
    const extra = new Map((options.activities ?? []).map((a) => [a.name, a]));
    const settings = { taskQueue: options.taskQueue, identity: options.identity, pollTimeoutMs: options.pollTimeoutMs };
    this.workflowPollers = Array.from({ length: options.workflowPollers }, () => new WorkflowTaskPoller(this.api, cache, settings, log));
    this.activityPoller = new ActivityTaskPoller(
      this.api,
      (name) => extra.get(name) ?? registeredActivities.get(name),
      { ...settings, maxConcurrent: options.maxConcurrentActivities, pollers: options.activityPollers },
      log,
    );
  }

  static async create(options: WorkerOptions): Promise<Worker> {
    // Loading the module here registers its activities in this realm, where they run; the
    // bundle (made once) is what each workflow's sandbox evaluates.
    await import(options.workflowsPath);
    return new Worker({ ...WORKER_DEFAULTS, identity: `${os.hostname()}:${process.pid}`, ...stripUndefined(options) });
  }

  /** Polls until `shutdown()`; resolves when everything in flight has been reported. */
  run(): Promise<void> {
    this.running ??= Promise.all([
      ...this.workflowPollers.map((p) => p.run(this.stopping.signal)),
      this.activityPoller.run(this.stopping.signal),
    ]).then(() => undefined);
    return this.running;
  }

  /** Stops polling, lets running activities finish (or cancels them after the grace period), and closes the connection. */
  async shutdown(): Promise<void> {
    this.stopping.abort();
    await this.running;
    await this.activityPoller.drain(this.options.shutdownGraceMs);
    this.api.close();
  }
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
