import { spawn } from "node:child_process";
import * as path from "node:path";
import * as readline from "node:readline";

export interface InfrastructureEnv {
  KAFKA_BROKERS: string;
  DATABASE_URL: string;
}

export interface RunningInfrastructure {
  env: InfrastructureEnv;
  /** True when this call started the processes (and `stop` will end them). */
  started: boolean;
  stop(): Promise<void>;
}

const WORKSPACE = path.resolve(__dirname, "../../..");

/**
 * Kafka and Postgres for a test run: the ones named by `KAFKA_BROKERS` and `DATABASE_URL` when
 * both are set, otherwise fresh local ones in a child process (see infra-server.main.ts).
 *
 * @example
 * const infra = await ensureInfrastructure(); process.env = { ...process.env, ...infra.env }; ... await infra.stop();
 */
export async function ensureInfrastructure(log: (line: string) => void = () => undefined): Promise<RunningInfrastructure> {
  const { KAFKA_BROKERS, DATABASE_URL } = process.env;
  if (KAFKA_BROKERS && DATABASE_URL) {
    return { env: { KAFKA_BROKERS, DATABASE_URL }, started: false, stop: async () => undefined };
  }
  const child = spawn(process.execPath, ["-r", "@swc-node/register", path.join(__dirname, "infra-server.main.ts")], {
    cwd: WORKSPACE,
    env: { ...process.env, SWC_NODE_PROJECT: path.join(WORKSPACE, "tsconfig.base.json") },
    stdio: ["pipe", "pipe", "pipe"],
  });
  child.stderr.on("data", (chunk: Buffer) => log(chunk.toString().trimEnd()));
  const env = await new Promise<InfrastructureEnv>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout });
    lines.once("line", (line) => {
      try {
        resolve(JSON.parse(line) as InfrastructureEnv);
      } catch {
        reject(new Error(`infrastructure process printed something unexpected: ${line}`));
      }
    });
    child.once("exit", (code) => reject(new Error(`infrastructure process exited with code ${code} before it was ready`)));
  });
  return {
    env,
    started: true,
    stop: async () => {
      if (child.exitCode !== null) return;
      const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      await gone;
    },
  };
}
