import { readFileSync } from "node:fs";
import * as path from "node:path";
import { Command, CommanderError } from "commander";
import { DEFAULT_ADDRESS } from "./cli-arguments";
import { type CliContext, printErrorLine } from "./cli-context";
import { CliExit, CliFailure, CliUsageError, EXIT_OK, EXIT_USAGE, toCliError } from "./cli-errors";
import { registerDevCommand } from "./dev.command";
import { registerWorkflowControlCommands } from "./workflow-control.command";
import { registerWorkflowListCommand } from "./workflow-list.command";
import { registerWorkflowResultCommand } from "./workflow-result.command";
import { registerWorkflowShowCommand } from "./workflow-show.command";
import { registerWorkflowStartCommand } from "./workflow-start.command";

/**
 * Builds the `eventual` command tree on a context. Commander's own exits and output go through
 * the context too (`exitOverride`, `configureOutput`), so a spec can run the whole program
 * in-process; both settings are made before any subcommand exists because subcommands copy
 * them when they are created.
 *
 * @example
 * const program = buildProgram(ctx);
 * await program.parseAsync(["workflow", "list", "--status", "running"], { from: "user" });
 */
export function buildProgram(ctx: CliContext): Command {
  const program = new Command("eventual")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => ctx.stdout(text),
      writeErr: (text) => ctx.stderr(text),
      // One line per error, like the CLI's own: "error: unknown command 'lst' (Did you mean list?)".
      outputError: (text, write) => write(`${text.trimEnd().replace(/\s*\n\s*/g, " ")}\n`),
    })
    .showSuggestionAfterError(true)
    .description("Start, signal, cancel and inspect Eventual workflows, or run a local platform.")
    .version(packageVersion(), "-V, --version")
    .option(
      "--address <host:port>",
      `the Eventual gateway (default: $EVENTUAL_ADDRESS, else ${DEFAULT_ADDRESS})`,
    )
    .addHelpText(
      "after",
      `
Examples:
  $ eventual dev
  $ eventual workflow start greeter --input '"ana"' --follow
  $ eventual workflow list --status running
  $ eventual workflow show greeter-3f2a9c1b04de

Set EVENTUAL_DEBUG=1 to see stack traces.`,
    );

  const workflow = program
    .command("workflow")
    .description("start, list, inspect, signal and cancel workflow runs");
  registerWorkflowStartCommand(workflow, ctx);
  registerWorkflowListCommand(workflow, ctx);
  registerWorkflowShowCommand(workflow, ctx);
  registerWorkflowControlCommands(workflow, ctx);
  registerWorkflowResultCommand(workflow, ctx);
  registerDevCommand(program, ctx);
  return program;
}

/**
 * Runs `eventual` with `argv` (without the node and script paths) and resolves with the exit
 * code: 0 success, 1 a failure, 2 a usage error. Never exits the process and never throws;
 * errors are one line on stderr (`error: ...`), with stacks only under EVENTUAL_DEBUG=1. The
 * caller decides how to exit (main.ts sets `process.exitCode`).
 *
 * @example
 * const code = await runCli(["workflow", "result", "greet-ana", "--timeout", "30s"], processContext());
 */
export async function runCli(argv: readonly string[], ctx: CliContext): Promise<number> {
  const program = buildProgram(ctx);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return EXIT_OK;
  } catch (error) {
    // Commander has printed its own message (or the help / version text) already.
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    const cliError = toCliError(error, { address: "the configured address" });
    if (!(cliError instanceof CliExit)) printErrorLine(ctx, `error: ${cliError.message}`);
    if (ctx.env.EVENTUAL_DEBUG === "1") printErrorLine(ctx, debugTrace(error));
    return cliError.exitCode;
  }
}

/**
 * The error's stack and the stacks of its causes, for EVENTUAL_DEBUG=1. A CLI error that only
 * wraps a cause is skipped: its message is the line already printed, and its stack points at
 * the wrapping, not at what went wrong.
 */
function debugTrace(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error, depth = 0; e !== undefined && depth < 6; depth++) {
    const cause = e instanceof Error ? e.cause : undefined;
    const wrapper = (e instanceof CliFailure || e instanceof CliUsageError) && cause !== undefined;
    if (!wrapper)
      parts.push(e instanceof Error ? (e.stack ?? `${e.name}: ${e.message}`) : String(e));
    e = cause;
  }
  return parts.join("\ncaused by: ");
}

/** The workspace's version, shown by `eventual --version`. */
function packageVersion(): string {
  try {
    const manifest = path.join(__dirname, "..", "..", "..", "package.json");
    return (JSON.parse(readFileSync(manifest, "utf8")) as { version?: string }).version ?? "0.0.0";
  } catch {
    return "0.0.0";
  }
}
