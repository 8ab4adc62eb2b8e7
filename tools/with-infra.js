// Runs a command with Kafka and Postgres available (KAFKA_BROKERS, DATABASE_URL), starting
// them once for the whole command unless both variables are already set. `npm test` uses it
// so every project's tests share one broker and one database.
const { spawn } = require("node:child_process");
const path = require("node:path");
process.env.SWC_NODE_PROJECT = path.join(__dirname, "..", "tsconfig.base.json");
require("@swc-node/register");
const { ensureInfrastructure } = require("../libs/infra/src/infra-process.ts");

async function main() {
  const [command, ...args] = process.argv.slice(2);
  const started = Date.now();
  const infra = await ensureInfrastructure((line) => console.error(line));
  if (infra.started) console.error(`[infra] Kafka ${infra.env.KAFKA_BROKERS} and Postgres ready in ${Date.now() - started} ms`);
  const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, ...infra.env }, shell: process.platform === "win32" });
  const code = await new Promise((resolve) => child.once("exit", (c, signal) => resolve(c ?? (signal ? 1 : 0))));
  await infra.stop();
  process.exit(code);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
