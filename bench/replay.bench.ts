/**
 * How fast the worker replays a long history. Builds one run of `loop` (an activity and a
 * timer per round, ~11 events per round) in a TestEnvironment with the activity mocked, then
 * times:
 *   - full replay: `replayHistory` from event 1, as a worker does on a cache miss or as CI
 *     does with exported histories (new executor and sandbox each time; bundle cached);
 *   - incremental: one cached executor fed task by task (only the new events each time), as a
 *     worker with the run in its cache experiences the same history live.
 *
 *   npm run bench:replay                        # 1,000 rounds ≈ 11,000 events
 *   npm run bench:replay -- --rounds 2000 --runs 3
 *
 * Not a test: numbers depend on the machine, which is printed with them.
 */
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import type { HistoryEvent } from "@eventual/core";
import { TestEnvironment } from "@eventual/testing";
import { WorkflowRunExecutor, bundleWorkflows, replayHistory } from "@eventual/worker";
import { machineInfo } from "./lib/machine-info";

const workflowsPath = path.join(__dirname, "fixtures", "loop.workflows.ts");

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} needs a positive integer`);
  return value;
}

async function recordHistory(rounds: number): Promise<HistoryEvent[]> {
  const env = await TestEnvironment.create({ workflowsPath });
  env.mockActivity("step").succeed(1);
  const handle = await env.start("loop", rounds, { workflowId: "bench-loop" });
  const result = await handle.result();
  if (result !== rounds) throw new Error(`loop returned ${String(result)}, expected ${rounds}`);
  return handle.history();
}

function replayIncrementally(events: readonly HistoryEvent[]): number {
  const executor = new WorkflowRunExecutor(bundleWorkflows(workflowsPath));
  let from = 0;
  let tasks = 0;
  for (const event of events) {
    if (event.type !== "WorkflowTaskStarted") continue;
    executor.advance(events.slice(from, event.eventId));
    from = event.eventId;
    tasks++;
  }
  executor.advance(events.slice(from));
  executor.endOfHistory();
  return tasks;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

interface Sample {
  wallMs: number;
  /** CPU time of the whole process (all threads: replayer, sandbox thread, vm watchdogs). */
  cpuMs: number;
}

function measure(run: () => void): Sample {
  const cpu = process.cpuUsage();
  const start = performance.now();
  run();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

function report(label: string, events: number, activations: number, samples: Sample[]): void {
  const wall = samples.map((s) => s.wallMs);
  const ms = median(wall);
  const fastest = Math.min(...wall);
  const perSecond = Math.round((events / ms) * 1000).toLocaleString("en-US");
  const micros = ((ms * 1000) / events).toFixed(1);
  const perActivation = ((ms * 1000) / activations).toFixed(0);
  const cpu = median(samples.map((s) => s.cpuMs));
  console.log(
    `${label.padEnd(27)} median ${ms.toFixed(0).padStart(5)} ms (min ${fastest.toFixed(0)}, cpu ${cpu.toFixed(0)})` +
      `  ${perSecond.padStart(7)} events/s  ${micros.padStart(5)} µs/event  ${perActivation} µs/activation`,
  );
  console.log(`${"".padEnd(27)} runs: ${wall.map((w) => w.toFixed(0)).join(", ")} ms`);
}

async function main(): Promise<void> {
  const rounds = option("rounds", 1_000);
  const runs = option("runs", 5);
  console.log(`machine: ${machineInfo()}`);

  const recordStart = performance.now();
  const events = await recordHistory(rounds);
  const recordMs = performance.now() - recordStart;
  const tasks = events.filter((e) => e.type === "WorkflowTaskStarted").length;
  console.log(
    `history: ${events.length.toLocaleString("en-US")} events, ${tasks.toLocaleString("en-US")} workflow tasks, ${rounds.toLocaleString("en-US")} activity+timer rounds`,
  );
  console.log(
    `recorded live in ${recordMs.toFixed(0)} ms (TestEnvironment: core decide + cached executor + mocked activity)`,
  );

  // One untimed run of each warms the JIT.
  replayHistory({ workflowsPath, history: events });
  replayIncrementally(events);

  const full: Sample[] = [];
  const incremental: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    full.push(measure(() => replayHistory({ workflowsPath, history: events })));
    incremental.push(measure(() => replayIncrementally(events)));
  }
  console.log(`${runs} runs each (the bundle is compiled once per process, before these):`);
  report("full replay", events.length, tasks, full);
  report("incremental (task by task)", events.length, tasks, incremental);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
