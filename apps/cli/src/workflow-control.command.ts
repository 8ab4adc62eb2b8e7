import type { Command } from "commander";
import { parseJsonOption } from "./cli-arguments";
import { type CliContext, printLine } from "./cli-context";
import { withGateway } from "./gateway-session";

/**
 * `eventual workflow signal ID NAME [--input JSON]` and `eventual workflow cancel ID
 * [--reason R]`: the commands that change a running workflow. Both answer once the gateway has
 * accepted the request; what the workflow does with it shows in `show` and `result`.
 *
 * @example
 * eventual workflow signal wait-1 go --input '{"by":"ben"}'
 * eventual workflow cancel wait-2 --reason "no longer needed"
 */
export function registerWorkflowControlCommands(workflow: Command, ctx: CliContext): void {
  workflow
    .command("signal")
    .description("send a signal to a running workflow")
    .argument("<workflow-id>", "the workflow id")
    .argument("<signal-name>", "the signal's name, e.g. go")
    .option("--input <json>", `the signal's payload as JSON, e.g. '{"by":"ben"}'`)
    .action(
      async (
        workflowId: string,
        signalName: string,
        options: { input?: string },
        command: Command,
      ) => {
        const input =
          options.input === undefined ? undefined : parseJsonOption("--input", options.input);
        await withGateway(ctx, command, { workflowId }, (client) =>
          client.signalWorkflow({
            workflowId,
            signalName,
            ...(input === undefined ? {} : { input }),
          }),
        );
        printLine(ctx, `sent signal "${signalName}" to workflow "${workflowId}"`);
      },
    );

  workflow
    .command("cancel")
    .description("ask a running workflow to cancel (it decides how to wind down)")
    .argument("<workflow-id>", "the workflow id")
    .option("--reason <text>", "why, recorded in its history")
    .action(async (workflowId: string, options: { reason?: string }, command: Command) => {
      await withGateway(ctx, command, { workflowId }, (client) =>
        client.cancelWorkflow({
          workflowId,
          ...(options.reason === undefined ? {} : { reason: options.reason }),
        }),
      );
      printLine(ctx, `asked workflow "${workflowId}" to cancel`);
    });
}
