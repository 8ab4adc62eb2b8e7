import { type ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as readline from "node:readline";

const WORKSPACE = path.resolve(__dirname, "../../..");

/**
 * The README's first command: `npm start` (tools/start.ts) with nothing but Node — the embedded
 * platform, a worker and the two example workflows, followed to their results; Ctrl-C stops
 * everything, Postgres included. Run as a user would, without the test run's Kafka or Postgres.
 */
describe("npm start", () => {
  let child: ChildProcess | undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "eventual-start-"));

  afterAll(() => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("runs the reminder and the order to their results, and stops cleanly on Ctrl-C", async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, EVENTUAL_DATA_DIR: dataDir, EVENTUAL_PORT: "0", SWC_NODE_PROJECT: path.join(WORKSPACE, "tsconfig.base.json") };
    delete env.DATABASE_URL;
    delete env.KAFKA_BROKERS;
    child = spawn(process.execPath, ["-r", "@swc-node/register", "tools/start.ts"], { cwd: WORKSPACE, env, stdio: ["ignore", "pipe", "pipe"] });
    const lines: string[] = [];
    const exited = new Promise<number | null>((resolve) => child!.once("exit", (code) => resolve(code)));
    const finished = new Promise<void>((resolve, reject) => {
      for (const stream of [child!.stdout!, child!.stderr!]) {
        readline.createInterface({ input: stream }).on("line", (line) => {
          lines.push(line);
          if (line.startsWith("both finished")) resolve();
        });
      }
      void exited.then((code) => reject(new Error(`npm start exited (${code}) early:\n${lines.slice(-20).join("\n")}`)));
    });
    await finished;

    const output = lines.join("\n");
    expect(output).toMatch(/\[dev\]\s+gRPC gateway\s+127\.0\.0\.1:\d+/);
    expect(lines.filter((l) => l.includes("✉ reminder sent to ana@example.com"))).toHaveLength(3);
    expect(lines).toContain('[reminder] ["sent to ana@example.com","sent to ana@example.com","sent to ana@example.com"]');
    expect(lines.some((l) => /^\[order\] \{"status":"charged","receipt":"rcpt-[^"]+","approvedBy":"you"\}$/.test(l))).toBe(true);
    expect(output).toMatch(/\[order\]\s+\d+\s+\S+\s+SignalReceived\s+signal "approve"/);
    expect(output).not.toMatch(/MaxListenersExceededWarning|failed/);

    child.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(lines[lines.length - 1]).toBe("stopped");
    // Postgres went with it: no postmaster left on the data directory.
    expect(fs.existsSync(path.join(dataDir, "postgres", "postmaster.pid"))).toBe(false);
  }, 240_000);
});
