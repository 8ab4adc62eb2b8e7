// Prints the totals the Jest summary reporter collected, or resets them with --reset.
const fs = require("node:fs");
const path = require("node:path");

const file = path.join(__dirname, "..", "tmp", "test-summary.jsonl");
if (process.argv.includes("--reset")) {
  fs.rmSync(file, { force: true });
  process.exit(0);
}
const totals = { passed: 0, failed: 0, skipped: 0 };
if (fs.existsSync(file)) {
  for (const line of fs.readFileSync(file, "utf8").split("\n").filter(Boolean)) {
    const counts = JSON.parse(line);
    for (const key of Object.keys(totals)) totals[key] += counts[key];
  }
}
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.passed === 0 || totals.failed > 0 ? 1 : 0);
