/**
 * @eventual/cli — the `eventual` command line: start, list, show, signal, cancel and await
 * workflows over the gateway's gRPC API, and `eventual dev` for a local platform. Exported for
 * tools that embed the CLI or reuse its formatters (e.g. printing a timeline in a test).
 *
 * @example
 * import { EventTimeline, runCli, processContext } from "@eventual/cli";
 * process.exitCode = await runCli(["workflow", "list"], processContext());
 */
export { buildProgram, runCli } from "./cli.program";
export * from "./cli-arguments";
export * from "./cli-context";
export * from "./cli-errors";
export * from "./display-format";
export * from "./event-timeline.formatter";
export * from "./execution-details.formatter";
export * from "./execution-table.formatter";
export * from "./history-follower";
export { processContext } from "./process-context";
export { ReachableEventualClient } from "./reachable-client";
export * from "./workflow-outcome";
