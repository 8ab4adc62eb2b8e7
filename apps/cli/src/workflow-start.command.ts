import { randomBytes } from "node:crypto";
import type { Command } from "commander";
import { parseJsonOption } from "./cli-arguments";
import { type CliContext, printLine } from "./cli-context";
import { EventTimeline } from "./event-timeline.formatter";
import { withGateway } from "./gateway-session";
import { followRun } from "./history-follower";
import { outcomeOfCloseEvent, reportOutcome } from "./workflow-outcome";

interface StartOptions {
  input?: string;
  id?: string;
  taskQueue: string;
  follow?: boolean;
  json?: boolean;
}

/**
 * `eventual workflow start TYPE [--input JSON] [--id ID] [--task-queue main] [--follow] [--json]`:
 * starts a run and prints its workflow id and run id. With --follow it then prints each
 * history event as it is recorded and ends with the result, exiting 0 only if the run
 * completed (so scripts can `eventual workflow start x --follow && next-step`).
 *
 * @example
 * eventual workflow start greeter --input '"ana"' --id greet-ana --follow
 */
export function registerWorkflowStartCommand(workflow: Command, ctx: CliContext): void {
  workflow
    .command("start")
    .description("start a workflow run")
    .argument("<type>", "the workflow's registered name, e.g. greeter")
    .option("--input <json>", `the workflow's input as JSON, e.g. '"ana"' or '{"sku":"A1"}'`)
    .option("--id <workflow-id>", "the workflow id (default: <type>-<random>)")
    .option("--task-queue <name>", "the task queue its workers poll", "main")
    .option("--follow", "print history events as they are recorded, then the result")
    .option(
      "--json",
      "print {workflowId, runId, started}; with --follow, then one JSON event per line and the outcome",
    )
    .addHelpText(
      "after",
      `
Examples:
  $ eventual workflow start greeter --input '"ana"'
  $ eventual workflow start checkout --id order-9 --input '{"id":"order-9","items":[]}' --follow`,
    )
    .action(async (type: string, options: StartOptions, command: Command) => {
      const input =
        options.input === undefined ? undefined : parseJsonOption("--input", options.input);
      // Random, not time-based: two starts in the same millisecond must not collide.
      const workflowId = options.id ?? `${type}-${randomBytes(6).toString("hex")}`;
      const json = options.json === true;
      await withGateway(ctx, command, { workflowId }, async (client) => {
        const { runId, started } = await client.startWorkflow({
          workflowId,
          workflowType: type,
          taskQueue: options.taskQueue,
          ...(input === undefined ? {} : { input }),
        });
        if (json) printLine(ctx, JSON.stringify({ workflowId, runId, started }));
        else {
          printLine(ctx, `workflow id  ${workflowId}`);
          printLine(ctx, `run id       ${runId}`);
        }
        if (!options.follow) return;

        if (!json) printLine(ctx);
        let timeline = new EventTimeline({ timeZone: ctx.timeZone });
        const { close, runId: lastRunId } = await followRun(
          client,
          { workflowId, runId },
          {
            onEvent: (event) => printLine(ctx, json ? JSON.stringify(event) : timeline.line(event)),
            onNewRun: (newRunId) => {
              timeline = new EventTimeline({ timeZone: ctx.timeZone });
              if (!json) printLine(ctx, `\ncontinued as new; following run ${newRunId}\n`);
            },
            sleep: ctx.sleep,
            now: ctx.now,
          },
        );
        if (!json) printLine(ctx);
        reportOutcome(ctx, workflowId, outcomeOfCloseEvent(close, lastRunId), json);
      });
    });
}
