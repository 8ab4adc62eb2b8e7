/**
 * `npm start`: Eventual with nothing but Node. Runs `eventual dev` (every service in one process
 * on an embedded Postgres, data under `.eventual/`), a worker holding the example workflows,
 * and starts two of them — the reminder (three reminders two seconds apart) and a short order
 * (an activity, a wait for an `approve` signal, a timer, another activity) — printing each
 * one's history as it grows. Keeps serving until Ctrl-C; started again, it picks up where it
 * stopped.
 *
 * Settings: EVENTUAL_DATA_DIR (.eventual), EVENTUAL_PORT (7233; 0 = any free port),
 * EVENTUAL_DEMO=0 to start no workflows.
 */
import { type ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as readline from "node:readline";
import { Worker } from "@eventual/worker";

const WORKSPACE = path.resolve(__dirname, "..");
const CLI = path.join(WORKSPACE, "apps/cli/bin/eventual.js");
const dataDir = path.resolve(process.env.EVENTUAL_DATA_DIR ?? ".eventual");
const port = process.env.EVENTUAL_PORT ?? "7233";
const say = (line: string) => process.stdout.write(line + "\n");

/** Runs the CLI; each output line goes to `onLine`. */
function eventual(args: string[], onLine: (line: string) => void, stderr: "lines" | fs.WriteStream = "lines"): ChildProcess {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: WORKSPACE, stdio: ["ignore", "pipe", "pipe"] });
  readline.createInterface({ input: child.stdout! }).on("line", onLine);
  if (stderr === "lines") readline.createInterface({ input: child.stderr! }).on("line", onLine);
  else child.stderr!.pipe(stderr);
  return child;
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve(child.exitCode) : new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

async function main(): Promise<void> {
  fs.mkdirSync(dataDir, { recursive: true });
  const platformLog = path.join(dataDir, "platform.log");
  say(`starting the embedded platform (data in ${dataDir}, service logs in ${platformLog}) ...`);
  let address = "";
  let devProcess: ChildProcess | undefined;
  let stopping = false;
  const addressSeen = new Promise<void>((resolve, reject) => {
    const dev = eventual(["dev", "--data-dir", dataDir, "--port", port], (line) => {
      const found = /gRPC gateway\s+(\S+)/.exec(line);
      if (found && !address) {
        address = found[1];
        resolve();
      }
      if (!line.startsWith("starting the embedded platform")) say(`[dev] ${line}`);
    }, fs.createWriteStream(platformLog, { flags: "a" }));
    void exited(dev).then((code) => {
      if (!address) reject(new Error(`"eventual dev" exited (${code}) before serving; see ${platformLog}`));
      else if (!stopping) {
        say(`"eventual dev" exited (${code}); see ${platformLog}`);
        process.exit(1);
      }
    });
    devProcess = dev;
  });
  await addressSeen;

  const worker = await Worker.create({
    address,
    taskQueue: "main",
    workflowsPath: path.join(WORKSPACE, "examples/stack.workflows.ts"),
    log: (level, message, fields) => {
      if (level !== "info") say(`[worker] ${level}: ${message} ${fields ? JSON.stringify(fields) : ""}`);
    },
  });
  const working = worker.run();
  say(`worker polling ${address} (task queue "main", examples/stack.workflows.ts)`);

  const followers: ChildProcess[] = [];
  if (process.env.EVENTUAL_DEMO !== "0") {
    const stamp = Date.now().toString(36);
    const reminderId = `reminder-${stamp}`;
    const orderId = `order-${stamp}`;
    say(`\nstarting ${reminderId} (quickReminder) and ${orderId} (quickOrder); their histories follow:`);
    const follow = (label: string, args: string[]) => followers.push(eventual(["--address", address, "workflow", "start", ...args, "--follow"], (line) => say(`[${label}] ${line}`)));
    follow("reminder", ["quickReminder", "--id", reminderId, "--input", JSON.stringify("ana@example.com")]);
    follow("order", ["quickOrder", "--id", orderId, "--input", JSON.stringify({ orderId: stamp, amount: 42 })]);
    // The order waits for approval; give it a few seconds, then approve it as a person would.
    setTimeout(() => {
      say(`[order] approving: npm run eventual -- workflow signal ${orderId} approve --input '{"by":"you"}'`);
      eventual(["--address", address, "workflow", "signal", orderId, "approve", "--input", JSON.stringify({ by: "you" })], (line) => say(`[order] ${line}`));
    }, 5_000).unref();
    void Promise.all(followers.map(exited)).then(() => {
      if (stopping) return;
      say(`\nboth finished. Still serving at ${address}; try:`);
      say(`  npm run eventual -- workflow list`);
      say(`  npm run eventual -- workflow show ${orderId}`);
      say("Ctrl-C stops everything (the data stays in " + dataDir + ").");
    });
  }

  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`\n${signal}: stopping ...`);
    for (const follower of followers) follower.kill("SIGTERM");
    await worker.shutdown();
    await working;
    if (devProcess) {
      devProcess.kill("SIGINT");
      await exited(devProcess);
    }
    say("stopped");
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error) => {
  process.stderr.write(`npm start failed: ${(error as Error)?.message ?? error}\n`);
  process.exit(1);
});
