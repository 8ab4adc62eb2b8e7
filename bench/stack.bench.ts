/**
 * `npm run bench`: the platform end to end on this machine. N workflows, each running three
 * no-op activities in sequence, first one at a time, then 32 in flight; for each run it prints
 * completed workflows/s and start-to-result latency (StartWorkflow sent → GetWorkflowResult
 * answered) p50/p95/p99, then the peak RSS of every process and the machine it ran on.
 *
 Two runtimes, one after the other (`--runtime distributed|embedded|both`, default both):
 * - distributed: Kafka and Postgres (started here unless KAFKA_BROKERS and DATABASE_URL are
 *   set), history, projector, timers, matching and the gateway, each its own OS process;
 * - embedded: the one-process platform (apps/embedded) on its own embedded Postgres and the
 *   Postgres-backed log, in a temporary data directory;
 * each with 4 partitions and one worker process (apps/worker-host).
 *
 *   npm run bench [-- --workflows 200 --in-flight 1,32 --warmup 10 --runtime both]
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { EventualClient } from "@eventual/client";
import { type LaunchedService, ensureInfrastructure, freePort } from "@eventual/infra";
import { type StackWorkerSpec, launchEmbeddedProcess, launchWorkerProcess, processTreeMemory, startDistributedStack } from "@eventual/stack";
import { openTestStore } from "@eventual/store";
import { type RunFigures, figuresOf, runClosedLoop } from "./lib/latency-stats";
import { machineInfo } from "./lib/machine-info";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};

const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0).padStart(5);

/** A platform under test: where its gateway listens, its processes, how to stop it. */
interface BenchTarget {
  label: string;
  address: string;
  processes(): LaunchedService[];
  stop(): Promise<void>;
}

const WORKER: StackWorkerSpec = { workflowsPath: "bench/fixtures/no-op.workflows.ts" };

async function distributed(): Promise<BenchTarget> {
  const infra = await ensureInfrastructure();
  process.env.DATABASE_URL ??= infra.env.DATABASE_URL;
  const store = await openTestStore(2);
  const stack = await startDistributedStack({
    kafkaBrokers: infra.env.KAFKA_BROKERS,
    databaseUrl: store.url,
    databaseSchema: store.schema,
    topicPrefix: `bench${Date.now()}.`,
    partitions: 4,
    workers: [WORKER],
  });
  return {
    label: "distributed stack (Kafka 3.9.1 + Postgres; history, projector, timers, matching, gateway, worker: 6 processes)",
    address: stack.address,
    processes: () => stack.processes(),
    stop: async () => {
      await stack.stop();
      await store.close();
      await infra.stop();
    },
  };
}

async function embedded(): Promise<BenchTarget> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "eventual-bench-"));
  const port = await freePort();
  const platform = await launchEmbeddedProcess({ dataDir, port, partitions: 4 });
  const address = `127.0.0.1:${port}`;
  const worker = await launchWorkerProcess(address, WORKER, { name: "worker-1" });
  return {
    label: "embedded platform (every service in one process on embedded Postgres and the Postgres log; worker: 2 processes)",
    address,
    processes: () => [platform, worker],
    stop: async () => {
      await worker.stop();
      await platform.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function measure(target: BenchTarget, workflows: number, warmup: number, inFlights: number[], say: (line: string) => void): Promise<void> {
  const client = new EventualClient({ address: target.address });
  const runOne = async (id: string) => {
    await client.startWorkflow({ workflowId: id, workflowType: "threeNoOps", taskQueue: "main" });
    const outcome = await client.getWorkflowResult({ workflowId: id }, { timeout: "120s" });
    if (outcome.status !== "completed" || outcome.result !== 6) throw new Error(`${id} ended ${JSON.stringify(outcome)}`);
  };
  try {
    await runClosedLoop(warmup, 4, (i) => runOne(`warmup-${i}`));
    const results: RunFigures[] = [];
    for (const inFlight of inFlights) {
      let done = 0;
      const progress = setInterval(() => process.stderr.write(`\r  ${inFlight} in flight: ${done}/${workflows}   `), 1_000);
      const run = await runClosedLoop(workflows, inFlight, async (i) => {
        await runOne(`run${inFlight}-${i}`);
        done++;
      });
      clearInterval(progress);
      process.stderr.write("\r");
      results.push(figuresOf(inFlight, run.latenciesMs, run.elapsedMs));
    }
    say(`\n${target.label}`);
    say(`${workflows} workflows × 3 no-op activities, 4 partitions, one worker`);
    say(`in flight   workflows/s   p50 ms   p95 ms   p99 ms`);
    for (const r of results) {
      say(`${String(r.inFlight).padStart(9)}   ${r.perSecond.toFixed(1).padStart(11)}   ${r.p50.toFixed(0).padStart(6)}   ${r.p95.toFixed(0).padStart(6)}   ${r.p99.toFixed(0).padStart(6)}`);
    }
    say("peak RSS per process (VmHWM):");
    for (const launched of target.processes()) {
      const tree = processTreeMemory(launched.child.pid!);
      const node = tree[0];
      const postgres = tree.filter((p) => /postgres/.test(p.command.split(" ")[0]));
      if (node) say(`  ${launched.name.padEnd(10)} pid ${String(node.pid).padEnd(7)} ${mib(node.peakRssBytes)} MiB`);
      if (postgres.length > 0) say(`  ${"postgres".padEnd(10)} ${postgres.length} processes (its own), largest ${mib(Math.max(...postgres.map((p) => p.peakRssBytes)))} MiB`);
    }
    const tree = processTreeMemory(process.pid);
    for (const p of tree.filter((p) => /java/.test(p.command.split(" ")[0]))) say(`  ${"kafka".padEnd(10)} pid ${String(p.pid).padEnd(7)} ${mib(p.peakRssBytes)} MiB (JVM)`);
    const shared = tree.filter((p) => /postgres/.test(p.command.split(" ")[0]) && !target.processes().some((l) => processTreeMemory(l.child.pid!).some((q) => q.pid === p.pid)));
    if (shared.length > 0) say(`  ${"postgres".padEnd(10)} ${shared.length} processes, largest ${mib(Math.max(...shared.map((p) => p.peakRssBytes)))} MiB (shared buffers counted in each)`);
  } finally {
    client.close();
  }
}

async function main(): Promise<void> {
  const workflows = Number(arg("workflows", "200"));
  const warmup = Number(arg("warmup", "10"));
  const inFlights = arg("in-flight", "1,32").split(",").map(Number);
  const runtime = arg("runtime", "both");
  if (!["distributed", "embedded", "both"].includes(runtime)) throw new Error(`--runtime must be distributed, embedded or both, got ${runtime}`);
  const say = (line: string) => process.stdout.write(line + "\n");
  const targets = [...(runtime === "embedded" ? [] : [distributed]), ...(runtime === "distributed" ? [] : [embedded])];
  for (const start of targets) {
    say(`starting the ${start.name} platform ...`);
    const target = await start();
    try {
      await measure(target, workflows, warmup, inFlights, say);
    } finally {
      await target.stop();
    }
  }
  say(`\nmachine: ${machineInfo()}`);
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
});
