/**
 * `npm run bench`: the platform end to end on this machine. N workflows, each running three
 * no-op activities in sequence, first one at a time, then 32 in flight; for each run it prints
 * completed workflows/s and start-to-result latency (StartWorkflow sent → GetWorkflowResult
 * answered) p50/p95/p99, then the peak RSS of every process and the machine it ran on.
 *
 * The distributed stack: Kafka and Postgres (started here unless KAFKA_BROKERS and
 * DATABASE_URL are set), history, projector, timers, matching, the gateway and one worker,
 * each its own OS process, on 4 partitions.
 *
 *   npm run bench [-- --workflows 200 --in-flight 1,32 --warmup 10]
 */
import { EventualClient } from "@eventual/client";
import { ensureInfrastructure } from "@eventual/infra";
import { processTreeMemory, startDistributedStack } from "@eventual/stack";
import { openTestStore } from "@eventual/store";
import { type RunFigures, figuresOf, runClosedLoop } from "./lib/latency-stats";
import { machineInfo } from "./lib/machine-info";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};

const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0).padStart(5);

async function main(): Promise<void> {
  const workflows = Number(arg("workflows", "200"));
  const warmup = Number(arg("warmup", "10"));
  const inFlights = arg("in-flight", "1,32").split(",").map(Number);
  const say = (line: string) => process.stdout.write(line + "\n");

  say("starting Kafka, Postgres and the distributed stack ...");
  const infra = await ensureInfrastructure();
  process.env.DATABASE_URL ??= infra.env.DATABASE_URL;
  const store = await openTestStore(2);
  const stack = await startDistributedStack({
    kafkaBrokers: infra.env.KAFKA_BROKERS,
    databaseUrl: store.url,
    databaseSchema: store.schema,
    topicPrefix: `bench${Date.now()}.`,
    partitions: 4,
    workers: [{ workflowsPath: "bench/fixtures/no-op.workflows.ts" }],
  });
  const client = new EventualClient({ address: stack.address });
  const runOne = (id: string) => async () => {
    await client.startWorkflow({ workflowId: id, workflowType: "threeNoOps", taskQueue: "main" });
    const outcome = await client.getWorkflowResult({ workflowId: id }, { timeout: "120s" });
    if (outcome.status !== "completed" || outcome.result !== 6) throw new Error(`${id} ended ${JSON.stringify(outcome)}`);
  };

  try {
    say(`warm-up: ${warmup} workflows`);
    await runClosedLoop(warmup, 4, (i) => runOne(`warmup-${i}`)());
    const results: RunFigures[] = [];
    for (const inFlight of inFlights) {
      let done = 0;
      const progress = setInterval(() => process.stderr.write(`\r  ${inFlight} in flight: ${done}/${workflows}`), 1_000);
      const run = await runClosedLoop(workflows, inFlight, async (i) => {
        await runOne(`run${inFlight}-${i}`)();
        done++;
      });
      clearInterval(progress);
      process.stderr.write("\r");
      results.push(figuresOf(inFlight, run.latenciesMs, run.elapsedMs));
    }

    say(`\nEventual distributed stack — ${workflows} workflows × 3 no-op activities, 4 partitions, one worker`);
    say(`in flight   workflows/s   p50 ms   p95 ms   p99 ms   (${workflows} each)`);
    for (const r of results) {
      say(`${String(r.inFlight).padStart(9)}   ${r.perSecond.toFixed(1).padStart(11)}   ${r.p50.toFixed(0).padStart(6)}   ${r.p95.toFixed(0).padStart(6)}   ${r.p99.toFixed(0).padStart(6)}`);
    }
    say("\npeak RSS per process (VmHWM):");
    for (const service of stack.processes()) {
      for (const p of processTreeMemory(service.child.pid!)) say(`  ${service.name.padEnd(10)} pid ${String(p.pid).padEnd(7)} ${mib(p.peakRssBytes)} MiB`);
    }
    const tree = processTreeMemory(process.pid);
    for (const p of tree.filter((p) => /java/.test(p.command.split(" ")[0]))) say(`  ${"kafka".padEnd(10)} pid ${String(p.pid).padEnd(7)} ${mib(p.peakRssBytes)} MiB (JVM)`);
    const postgres = tree.filter((p) => /postgres/.test(p.command.split(" ")[0]));
    if (postgres.length > 0) say(`  ${"postgres".padEnd(10)} ${postgres.length} processes, largest ${mib(Math.max(...postgres.map((p) => p.peakRssBytes)))} MiB (shared buffers counted in each)`);
    say(`  ${"bench".padEnd(10)} pid ${String(process.pid).padEnd(7)} ${mib(tree[0].peakRssBytes)} MiB (this client)`);
    say(`\nmachine: ${machineInfo()}`);
  } finally {
    client.close();
    await stack.stop();
    await store.close();
    await infra.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
});
