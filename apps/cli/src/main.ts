/**
 * The `eventual` process (apps/cli/bin/eventual.js loads this): runs the program on the real
 * process and exits with its code.
 *
 * @example
 * npm run eventual -- workflow list --status running
 */
import { runCli } from "./cli.program";
import { processContext } from "./process-context";

// `eventual workflow list | head` closes stdout early; that is the reader's choice, not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

void runCli(process.argv.slice(2), processContext()).then((code) => {
  // Set, not process.exit(): pending stdout writes to a pipe still flush. The unref'd timer
  // only fires if something (a stray socket) would keep the process alive after the command.
  process.exitCode = code;
  setTimeout(() => process.exit(code), 2_000).unref();
});
