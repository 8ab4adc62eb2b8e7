/**
 * `npm run stack`: the whole distributed platform on this machine — a Kafka broker and
 * Postgres (or KAFKA_BROKERS / DATABASE_URL), history, projector, timers, matching, the
 * gateway and an example worker, each its own OS process — then one example workflow,
 * followed to its result. Keeps serving until Ctrl-C.
 */
import { EventualClient } from "@eventual/client";
import { ensureInfrastructure } from "@eventual/infra";
import { startDistributedStack } from "@eventual/stack";

const GATEWAY_PORT = Number(process.env.GATEWAY_PORT ?? 7233);
const MATCHING_PORT = Number(process.env.MATCHING_PORT ?? 7234);

async function main(): Promise<void> {
  const say = (line: string) => process.stdout.write(line + "\n");
  say("starting Kafka and Postgres ...");
  const infra = await ensureInfrastructure((line) => process.stderr.write(line + "\n"));
  say("starting history, projector, timers, matching, the gateway and a worker (each its own process) ...");
  const stack = await startDistributedStack({
    kafkaBrokers: infra.env.KAFKA_BROKERS,
    databaseUrl: infra.env.DATABASE_URL,
    partitions: 8,
    sessionTimeoutMs: 10_000,
    gatewayPort: GATEWAY_PORT,
    matchingPort: MATCHING_PORT,
    workers: [{ workflowsPath: "examples/stack.workflows.ts" }],
    // The example activity prints each reminder; pass those lines through.
    onLog: (name, line) => {
      if (name.startsWith("worker") && line.stream === "stdout" && typeof line.raw === "string") say(line.raw);
    },
  });
  for (const p of stack.processes()) say(`  ${p.name.padEnd(9)} ready (pid ${p.child.pid}, health http://127.0.0.1:${p.healthPort}/health/ready)`);
  say(`\nEventual is running. gRPC gateway: ${stack.address}   (try: grpcurl -plaintext ${stack.address} list)`);

  const client = new EventualClient({ address: stack.address });
  const workflowId = `reminder-${Date.now()}`;
  const { runId } = await client.startWorkflow({ workflowId, workflowType: "quickReminder", taskQueue: "main", input: "ana@example.com" });
  say(`started ${workflowId} (run ${runId}); it sends three reminders two seconds apart:`);
  const result = await client.getWorkflowResult({ workflowId }, { timeout: "2m" });
  say(`${workflowId} ${result.status}: ${JSON.stringify(result.status === "completed" ? result.result : result)}`);
  say("\nStill serving; Ctrl-C stops everything.");

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    say("stopping ...");
    client.close();
    await stack.stop();
    await infra.stop();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
}

main().catch((error) => {
  process.stderr.write(`dev stack failed: ${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
});
