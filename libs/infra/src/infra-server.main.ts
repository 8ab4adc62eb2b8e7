/**
 * A process that owns a Kafka broker and a Postgres server for as long as it lives. It prints
 * one JSON line `{ "KAFKA_BROKERS": ..., "DATABASE_URL": ... }` when both are ready, and
 * stops them on SIGTERM/SIGINT or when its parent goes away (stdin closes), so a crashed
 * test run leaves nothing behind.
 *
 * Run: node -r @swc-node/register libs/infra/src/infra-server.main.ts
 */
import { startKafkaBroker } from "./kafka-broker";
import { startPostgres } from "./postgres-server";

async function main(): Promise<void> {
  const log = (line: string) => process.stderr.write(`[infra] ${line}\n`);
  const [kafka, postgres] = await Promise.all([startKafkaBroker({ log }), startPostgres()]);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await Promise.allSettled([kafka.stop(), postgres.stop()]);
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  process.stdin.on("end", stop);
  process.stdin.on("error", stop);
  process.stdin.resume();
  process.stdout.write(JSON.stringify({ KAFKA_BROKERS: kafka.brokers, DATABASE_URL: postgres.url }) + "\n");
}

main().catch((error) => {
  process.stderr.write(`[infra] failed to start: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
