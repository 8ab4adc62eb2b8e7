import * as path from "node:path";
import type { Command } from "commander";
import { parsePort } from "./cli-arguments";
import {
  type CliContext,
  type EmbeddedPlatform,
  type StartEmbeddedPlatform,
  printLine,
} from "./cli-context";
import { CliFailure } from "./cli-errors";

/**
 * Loads the embedded runtime. The only reference to @eventual/embedded in the CLI, and a
 * dynamic one: the runtime pulls in Postgres and every service, which no other command needs,
 * and a CLI without it (or with it broken) must still list, show and signal workflows.
 */
export async function loadEmbeddedPlatform(): Promise<StartEmbeddedPlatform> {
  const embedded = await import("@eventual/embedded");
  // Typed against the CLI's own declaration: a drift in the runtime's signature fails here.
  const start: StartEmbeddedPlatform = embedded.startEmbeddedPlatform;
  return start;
}

/**
 * `eventual dev [--data-dir .eventual] [--port 7233]`: the whole platform in this process
 * (embedded Postgres, the Postgres-backed log, every service) until Ctrl-C. The default port is
 * the CLI's default address, so other `eventual` commands in another terminal find it.
 *
 * @example
 * eventual dev --data-dir /tmp/eventual --port 7300
 * // Eventual is running (embedded)
 * //   gRPC gateway  127.0.0.1:7300
 */
export function registerDevCommand(program: Command, ctx: CliContext): void {
  program
    .command("dev")
    .description("run the whole platform in this process for local development (needs only Node)")
    .option("--data-dir <dir>", "where the platform keeps its data", ".eventual")
    .option("--port <port>", "the gateway's gRPC port (0: any free port)", "7233")
    .action(async (options: { dataDir: string; port: string }) => {
      const port = parsePort("--port", options.port);
      const dataDir = path.resolve(ctx.cwd(), options.dataDir);
      let start: StartEmbeddedPlatform;
      try {
        start = await ctx.loadEmbeddedPlatform();
      } catch (error) {
        throw new CliFailure(
          `"eventual dev" needs the embedded runtime (@eventual/embedded), which could not be loaded: ${firstLine(error)}`,
          { cause: error },
        );
      }
      // Listened for before starting, so a Ctrl-C during startup still stops what started.
      const stopRequested = ctx.shutdownSignal();
      printLine(ctx, `starting the embedded platform in ${dataDir} ...`);
      let platform: EmbeddedPlatform;
      try {
        platform = await start({ dataDir, port });
      } catch (error) {
        throw new CliFailure(`the embedded platform did not start: ${firstLine(error)}`, {
          cause: error,
        });
      }
      printLine(ctx, "Eventual is running (embedded)");
      printLine(ctx, `  gRPC gateway  ${platform.address}`);
      printLine(ctx, `  data          ${platform.dataDir}`);
      printLine(
        ctx,
        `Point workers and clients at it with EVENTUAL_ADDRESS=${platform.address}. Ctrl-C stops it.`,
      );
      const signal = await stopRequested;
      printLine(ctx, `${signal}: stopping ...`);
      await platform.stop();
      printLine(ctx, "stopped");
    });
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0];
}
