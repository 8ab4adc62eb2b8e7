import type { HistoryEvent } from "@eventual/core";
import { bundleWorkflows } from "./workflow-bundler";
import { WorkflowRunExecutor } from "./workflow-run-executor";

/**
 * Replays a recorded history against the current workflow code and throws `DeterminismError`
 * if the code would now take a different path. Use it in CI with histories exported from
 * production before deploying a change.
 *
 * @example
 * replayHistory({ workflowsPath: require.resolve("./workflows"), history: JSON.parse(fs.readFileSync("h.json", "utf8")) });
 */
export function replayHistory(options: { workflowsPath: string; history: readonly HistoryEvent[] }): void {
  const executor = new WorkflowRunExecutor(bundleWorkflows(options.workflowsPath));
  executor.advance(options.history);
  executor.endOfHistory();
}
