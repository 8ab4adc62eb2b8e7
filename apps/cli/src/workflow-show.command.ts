import type { Command } from "commander";
import { type CliContext, printLine } from "./cli-context";
import { EventTimeline } from "./event-timeline.formatter";
import { formatExecutionDetails } from "./execution-details.formatter";
import { withGateway } from "./gateway-session";

interface ShowOptions {
  run?: string;
  json?: boolean;
}

/**
 * `eventual workflow show ID [--run RUN] [--json]`: a run's status block, then its history as a
 * timeline, one line per event (id, time since start, type, what happened).
 *
 * @example
 * eventual workflow show greet-ana
 * // Workflow    greet-ana
 * // ...
 * // History
 * //    1  +0.000s     WorkflowStarted             greeter on "main", input "ana"
 */
export function registerWorkflowShowCommand(workflow: Command, ctx: CliContext): void {
  workflow
    .command("show")
    .description("show a run's status and its history as a timeline")
    .argument("<workflow-id>", "the workflow id")
    .option("--run <run-id>", "a specific run (default: the latest)")
    .option("--json", "print {execution, events} as JSON")
    .action(async (workflowId: string, options: ShowOptions, command: Command) => {
      const runId = options.run;
      await withGateway(ctx, command, { workflowId, runId }, async (client) => {
        const execution = await client.describeWorkflow({ workflowId, runId });
        // Pinned to the described run: without --run, a new run could start between the calls.
        const events = await client.getFullWorkflowHistory({ workflowId, runId: execution.runId });
        if (options.json) return printLine(ctx, JSON.stringify({ execution, events }));
        for (const line of formatExecutionDetails(execution, { timeZone: ctx.timeZone })) {
          printLine(ctx, line);
        }
        printLine(ctx);
        printLine(ctx, "History");
        const timeline = new EventTimeline({
          startTimeMs: execution.startTimeMs,
          timeZone: ctx.timeZone,
        });
        for (const line of timeline.lines(events)) printLine(ctx, line);
      });
    });
}
