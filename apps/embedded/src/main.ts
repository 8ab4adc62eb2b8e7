import "reflect-metadata";
import { JsonLogger, runServiceProcess } from "@eventual/service-kit";
import { readEmbeddedConfig } from "./embedded.config";
import { startEmbeddedPlatform } from "./embedded-platform";

/**
 * The embedded platform as a process — every service, the log and Postgres in one:
 * `node -r @swc-node/register apps/embedded/src/main.ts` (data in ./.eventual, gRPC on
 * 127.0.0.1:7233). SIGTERM/SIGINT stop it gracefully; after a crash, starting it again on the
 * same data directory resumes every workflow.
 */
const config = readEmbeddedConfig();
runServiceProcess(
  "embedded",
  async (logger) => {
    const { healthPort: _healthPort, ...options } = config;
    const platform = await startEmbeddedPlatform(options);
    // The embedded Postgres' credentials are fixed and local (and tests connect with them); a
    // URL the user supplied may hold a real password.
    const database = config.databaseUrl ? redacted(platform.databaseUrl) : platform.databaseUrl;
    logger.info("embedded platform serving", { address: platform.address, dataDir: platform.dataDir, database });
    return { ready: () => platform.ready(), stop: () => platform.stop() };
  },
  { healthPort: config.healthPort, logger: new JsonLogger("embedded", config.logLevel) },
);

/** The URL without its password, fit for a log line. */
function redacted(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable database URL)";
  }
}
