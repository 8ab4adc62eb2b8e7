import type { CliContext } from "./cli-context";
import { loadEmbeddedPlatform } from "./dev.command";
import { ReachableEventualClient } from "./reachable-client";

/**
 * The context of a real `eventual` process: its stdout/stderr, environment, clock, signals and
 * a real gRPC client.
 *
 * @example
 * process.exitCode = await runCli(process.argv.slice(2), processContext());
 */
export function processContext(): CliContext {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    env: process.env,
    createClient: (address) => new ReachableEventualClient({ address }),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    now: () => Date.now(),
    cwd: () => process.cwd(),
    loadEmbeddedPlatform,
    shutdownSignal: () =>
      new Promise((resolve) => {
        // Both handlers go after the first signal, so a second Ctrl-C during a slow stop gets
        // Node's default behaviour and ends the process at once.
        const onSignal = (signal: NodeJS.Signals) => {
          process.off("SIGINT", onSignal);
          process.off("SIGTERM", onSignal);
          resolve(signal);
        };
        process.on("SIGINT", onSignal);
        process.on("SIGTERM", onSignal);
      }),
  };
}
