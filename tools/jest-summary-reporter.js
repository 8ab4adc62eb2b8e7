// Appends each Jest run's counts to tmp/test-summary.jsonl so `npm test` can close with one
// line over every project ("tests: N passed, N failed"), which CI reads.
const fs = require("node:fs");
const path = require("node:path");

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const file = path.join(__dirname, "..", "tmp", "test-summary.jsonl");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const line = {
      passed: results.numPassedTests,
      failed: results.numFailedTests,
      skipped: results.numPendingTests + results.numTodoTests,
    };
    fs.appendFileSync(file, JSON.stringify(line) + "\n");
  }
}

module.exports = SummaryReporter;
