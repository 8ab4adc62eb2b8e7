import type { JsonLogger } from "./json-logger";
import { startHealthServer } from "./health-server";

/** What a service process runs: report readiness, and stop gracefully. */
export interface RunningService {
  ready(): boolean;
  stop(): Promise<void>;
}

/**
 * The outer shell of a service's `main.ts`: starts the service, serves health endpoints,
 * stops gracefully on SIGTERM/SIGINT (finish in-flight work, close connections), and turns
 * a failed start into one structured log line and exit code 1.
 *
 * @example
 * runServiceProcess("timers", async (logger) => { ...; return { ready: () => service.ready, stop } }, { healthPort, logger });
 */
export function runServiceProcess(
  name: string,
  start: (logger: JsonLogger) => Promise<RunningService>,
  options: { healthPort: number; logger: JsonLogger },
): void {
  const { logger } = options;
  const boot = async () => {
    const service = await start(logger);
    const health = await startHealthServer(options.healthPort, { live: () => true, ready: () => service.ready() });
    logger.info("health endpoints", { port: health.port });
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info("stopping", { signal });
      try {
        await service.stop();
      } finally {
        await health.close();
        process.exit(0);
      }
    };
    process.once("SIGTERM", () => void stop("SIGTERM"));
    process.once("SIGINT", () => void stop("SIGINT"));
  };
  boot().catch((error: unknown) => {
    logger.error("failed to start", { service: name, error: String((error as Error)?.stack ?? error) });
    process.exit(1);
  });
}
