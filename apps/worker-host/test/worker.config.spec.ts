import * as path from "node:path";
import { readWorkerHostConfig } from "../src/worker.config";

describe("worker host config", () => {
  it("needs the workflows module and defaults the rest", () => {
    expect(() => readWorkerHostConfig({})).toThrow("WORKER_WORKFLOWS_PATH is not set");
    const config = readWorkerHostConfig({ WORKER_WORKFLOWS_PATH: "examples/stack.workflows.ts" }, "/srv/app");
    expect(config).toMatchObject({
      address: "127.0.0.1:7233",
      workflowsPath: path.resolve("/srv/app", "examples/stack.workflows.ts"),
      taskQueue: "main",
      maxConcurrentActivities: 100,
      workflowPollers: 10,
      activityPollers: 10,
      maxCachedWorkflows: 1_000,
      shutdownGraceMs: 10_000,
      pollTimeoutMs: 60_000,
      identity: undefined,
      healthPort: 0,
      logLevel: "info",
    });
  });

  it("names the variable that is malformed", () => {
    const base = { WORKER_WORKFLOWS_PATH: "w.ts" };
    expect(() => readWorkerHostConfig({ ...base, WORKER_MAX_CONCURRENT_ACTIVITIES: "0" })).toThrow("WORKER_MAX_CONCURRENT_ACTIVITIES must be >= 1, got 0");
    expect(() => readWorkerHostConfig({ ...base, WORKER_POLL_TIMEOUT_MS: "soon" })).toThrow('WORKER_POLL_TIMEOUT_MS must be a whole number, got "soon"');
    expect(() => readWorkerHostConfig({ ...base, LOG_LEVEL: "loud" })).toThrow("LOG_LEVEL must be debug, info, warn or error");
  });
});
