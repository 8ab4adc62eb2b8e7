/**
 * `npm run stack`: the whole distributed platform on this machine — a Kafka broker and
 * Postgres (or KAFKA_BROKERS / DATABASE_URL), history, projector, timers, matching and the
 * gateway as separate processes, and an example worker — then one example workflow, followed
 * to its result. Keeps serving until Ctrl-C.
 */
import { EventualClient } from "@eventual/client";
import { topicNames } from "@eventual/core";
import { type LaunchedService, ensureInfrastructure, launchService } from "@eventual/infra";
import { KafkaLog } from "@eventual/log";
import { Worker } from "@eventual/worker";

const GATEWAY_PORT = process.env.GATEWAY_PORT ?? "7233";
const MATCHING_PORT = process.env.MATCHING_PORT ?? "7234";

async function main(): Promise<void> {
  const say = (line: string) => process.stdout.write(line + "\n");
  say("starting Kafka and Postgres ...");
  const infra = await ensureInfrastructure((line) => process.stderr.write(line + "\n"));
  const admin = new KafkaLog({ brokers: [infra.env.KAFKA_BROKERS], clientId: "dev-stack", onError: () => undefined });
  await admin.ensureTopics(Object.values(topicNames()).map((topic) => ({ topic, partitions: 8 })));
  await admin.close();
  const env = { ...infra.env, KAFKA_SESSION_TIMEOUT_MS: "10000", LOG_LEVEL: "info" };
  const launch = async (name: string, extra: Record<string, string> = {}) => {
    const service = await launchService(name, { entry: `apps/${name}/src/main.ts`, env: { ...env, ...extra }, readyTimeoutMs: 120_000 });
    say(`  ${name.padEnd(9)} ready (pid ${service.child.pid}, health http://127.0.0.1:${service.healthPort}/health/ready)`);
    return service;
  };
  say("starting the services ...");
  const services: LaunchedService[] = await Promise.all([launch("history"), launch("projector"), launch("timers"), launch("matching", { MATCHING_PORT, MATCHING_HOST: "127.0.0.1" })]);
  services.push(await launch("gateway", { GATEWAY_PORT, GATEWAY_HOST: "127.0.0.1", MATCHING_ADDRESSES: `127.0.0.1:${MATCHING_PORT}` }));
  const address = `127.0.0.1:${GATEWAY_PORT}`;
  const worker = await Worker.create({ address, taskQueue: "main", workflowsPath: require.resolve("../examples/stack.workflows"), log: () => undefined });
  const working = worker.run();
  say(`\nEventual is running. gRPC gateway: ${address}   (try: grpcurl -plaintext ${address} list)`);

  const client = new EventualClient({ address });
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
    await worker.shutdown();
    await working;
    await Promise.all(services.map((s) => s.stop()));
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
