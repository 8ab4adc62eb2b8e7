import type { Command } from "commander";
import { parseDurationOption } from "./cli-arguments";
import type { CliContext } from "./cli-context";
import { withGateway } from "./gateway-session";
import { reportOutcome } from "./workflow-outcome";

interface ResultOptions {
  run?: string;
  timeout?: string;
  json?: boolean;
}

/**
 * `eventual workflow result ID [--run RUN] [--timeout 30s] [--json]`: waits for the run to
 * close (without a limit unless --timeout gives one), prints the result as JSON and exits 0;
 * a run that failed, was cancelled, terminated or timed out is one line on stderr and exit 1.
 *
 * @example
 * eventual workflow result greet-ana --timeout 30s
 * // ["hello ana (1)","hello ana (2)"]
 */
export function registerWorkflowResultCommand(workflow: Command, ctx: CliContext): void {
  workflow
    .command("result")
    .description("wait for a run to close and print its result")
    .argument("<workflow-id>", "the workflow id")
    .option("--run <run-id>", "a specific run (default: the latest)")
    .option("--timeout <duration>", "give up after this long, e.g. 30s or 5m (default: wait)")
    .option("--json", "print the outcome {workflowId, runId, status, result | failure} as JSON")
    .action(async (workflowId: string, options: ResultOptions, command: Command) => {
      const timeoutMs =
        options.timeout === undefined ? null : parseDurationOption("--timeout", options.timeout);
      const runId = options.run;
      await withGateway(
        ctx,
        command,
        {
          workflowId,
          runId,
          ...(options.timeout === undefined ? {} : { waitedFor: options.timeout }),
        },
        async (client) => {
          const outcome = await client.getWorkflowResult(
            { workflowId, runId },
            { timeout: timeoutMs },
          );
          reportOutcome(ctx, workflowId, outcome, options.json === true);
        },
      );
    });
}
