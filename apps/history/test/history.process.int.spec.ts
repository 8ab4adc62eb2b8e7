import { type ChildProcess, spawn } from "node:child_process";
import * as path from "node:path";
import * as readline from "node:readline";
import { type RunningInfrastructure, ensureInfrastructure } from "@eventual/infra";

const WORKSPACE = path.resolve(__dirname, "../../..");

/** The history service as its own OS process: ready on its health endpoint, gone on SIGTERM. */
describe("history service process", () => {
  let infra: RunningInfrastructure;
  beforeAll(async () => {
    infra = await ensureInfrastructure();
  }, 120_000);
  afterAll(async () => infra?.stop());

  it("reports ready, then shuts down cleanly on SIGTERM", async () => {
    const child: ChildProcess = spawn(process.execPath, ["-r", "@swc-node/register", "apps/history/src/main.ts"], {
      cwd: WORKSPACE,
      env: {
        ...process.env,
        SWC_NODE_PROJECT: path.join(WORKSPACE, "tsconfig.base.json"),
        KAFKA_BROKERS: infra.env.KAFKA_BROKERS,
        EVENTUAL_TOPIC_PREFIX: `proc${Date.now()}.`,
        EVENTUAL_PARTITIONS: "2",
        HISTORY_GROUP_ID: `proc-history-${Date.now()}`,
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    const lines: Array<Record<string, unknown>> = [];
    readline.createInterface({ input: child.stderr! }).on("line", (line) => {
      try {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        lines.push({ raw: line });
      }
    });
    const healthPort = async () => {
      for (let i = 0; i < 300; i++) {
        const line = lines.find((l) => l.message === "health endpoints");
        if (line) return line.port as number;
        if (child.exitCode !== null) throw new Error(`history exited early: ${JSON.stringify(lines)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`history did not start: ${JSON.stringify(lines)}`);
    };
    const port = await healthPort();
    expect((await fetch(`http://127.0.0.1:${port}/health/live`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/health/ready`)).status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(lines.some((l) => l.message === "history service stopping")).toBe(true);
  }, 90_000);
});
