import { spawn } from "node:child_process";
import * as path from "node:path";
import type { LogPort, LogRecord, OutgoingRecord, PartitionProcessor } from "@eventual/log";

const WORKSPACE = path.resolve(__dirname, "../../..");

let counter = 0;
/** A topic or group name no other test (or earlier run against the same broker) uses. */
export function unique(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${process.pid}-${counter++}`;
}

/** Polls `predicate` every 50 ms until it holds, or fails naming what was awaited. */
export async function waitFor(predicate: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Every committed record of a topic, partition by partition. */
export async function readAll(log: LogPort, topic: string): Promise<LogRecord[]> {
  const all: LogRecord[] = [];
  const partitions = await log.partitionCount(topic);
  for (let partition = 0; partition < partitions; partition++) await log.readPartition(topic, partition, 0n, (records) => void all.push(...records));
  return all;
}

/** The output a contract processor makes of an input: same key, `out:` value, its partition. */
export const transform =
  (output: string) =>
  (record: LogRecord): OutgoingRecord => ({ topic: output, key: record.key, value: `out:${record.value}`, headers: { from: String(record.partition) } });

/** A processor outside the test process that the abrupt-death case kills. */
export interface CrashableProcessor {
  /** Kills it without warning (SIGKILL): no stop, no leave, transactions left open. */
  kill(): void;
  exited: Promise<void>;
}

export interface Recorder {
  processor(output: string): PartitionProcessor;
  /** Partitions currently owned (onAssigned minus onRevoked), sorted. */
  owned(): number[];
  revoked(): number[];
  processed(): LogRecord[];
}

/** A transform processor that records its assignments and inputs. */
export function recorder(): Recorder {
  const owned = new Set<number>();
  const revoked: number[] = [];
  const processed: LogRecord[] = [];
  return {
    processor: (output) => ({
      onAssigned: async (_topic, partition) => void owned.add(partition),
      onRevoked: async (_topic, partition) => void (owned.delete(partition), revoked.push(partition)),
      process: async (batch) => {
        if (!owned.has(batch.partition)) throw new Error(`batch of partition ${batch.partition} before onAssigned`);
        processed.push(...batch.records);
        return batch.records.map(transform(output));
      },
    }),
    owned: () => [...owned].sort((a, b) => a - b),
    revoked: () => revoked,
    processed: () => processed,
  };
}

/**
 * Runs test/fixtures/crash-processor.main.ts in a child process that the test can SIGKILL;
 * `adapterEnv` picks the adapter (KAFKA_BROKERS, or DATABASE_URL and LOG_SCHEMA).
 *
 * @example
 * const doomed = await spawnCrashProcessor({ KAFKA_BROKERS: brokers }, { groupId, input, output });
 * doomed.kill();
 */
export async function spawnCrashProcessor(adapterEnv: Record<string, string>, args: { groupId: string; input: string; output: string }): Promise<CrashableProcessor> {
  const child = spawn(process.execPath, ["-r", "@swc-node/register", path.join(__dirname, "fixtures", "crash-processor.main.ts")], {
    cwd: WORKSPACE,
    env: { ...process.env, KAFKA_BROKERS: "", DATABASE_URL: "", SWC_NODE_PROJECT: path.join(WORKSPACE, "tsconfig.base.json"), ...adapterEnv, GROUP_ID: args.groupId, INPUT: args.input, OUTPUT: args.output },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
    child.once("exit", (code) => reject(new Error(`crash-processor exited early (${code}): ${stderr}`)));
  });
  return { kill: () => child.kill("SIGKILL"), exited };
}
