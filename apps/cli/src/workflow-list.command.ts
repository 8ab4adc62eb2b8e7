import type { WorkflowExecution, WorkflowStatus } from "@eventual/client";
import { type Command, Option } from "commander";
import { STATUS_CHOICES, parsePositiveInt } from "./cli-arguments";
import { type CliContext, printLine } from "./cli-context";
import { formatExecutionTable } from "./execution-table.formatter";
import { withGateway } from "./gateway-session";

interface ListOptions {
  status?: WorkflowStatus;
  type?: string;
  limit: string;
  json?: boolean;
}

/** Rows `workflow list` shows unless --limit says otherwise. */
export const DEFAULT_LIST_LIMIT = 50;

// The gateway caps pages at 1000; asking for more just gets 1000.
const MAX_PAGE_SIZE = 1000;

/**
 * `eventual workflow list [--status S] [--type T] [--limit N] [--json]`: runs, newest first, as
 * a table. Reads as many pages as --limit needs and says when more runs match.
 *
 * @example
 * eventual workflow list --status running --type greeter --limit 10
 */
export function registerWorkflowListCommand(workflow: Command, ctx: CliContext): void {
  workflow
    .command("list")
    .description("list workflow runs, newest first")
    .addOption(
      new Option("--status <status>", "only runs with this status").choices(STATUS_CHOICES),
    )
    .option("--type <workflow-type>", "only runs of this workflow type")
    .option("--limit <n>", "show at most this many runs", String(DEFAULT_LIST_LIMIT))
    .option("--json", "print the runs as a JSON array")
    .action(async (options: ListOptions, command: Command) => {
      const limit = parsePositiveInt("--limit", options.limit);
      await withGateway(ctx, command, {}, async (client) => {
        const executions: WorkflowExecution[] = [];
        let pageToken: string | undefined;
        let more = false;
        do {
          const page = await client.listWorkflows({
            ...(options.status ? { status: options.status } : {}),
            ...(options.type ? { workflowType: options.type } : {}),
            pageSize: Math.min(limit - executions.length, MAX_PAGE_SIZE),
            ...(pageToken ? { pageToken } : {}),
          });
          executions.push(...page.executions);
          pageToken = page.nextPageToken;
          more = pageToken !== undefined;
        } while (more && executions.length < limit);

        if (options.json) return printLine(ctx, JSON.stringify(executions.slice(0, limit)));
        if (executions.length === 0) return printLine(ctx, "no workflow runs match");
        for (const line of formatExecutionTable(executions.slice(0, limit), {
          timeZone: ctx.timeZone,
        })) {
          printLine(ctx, line);
        }
        if (more) printLine(ctx, `(first ${limit} shown; more match — raise --limit to see them)`);
      });
    });
}
