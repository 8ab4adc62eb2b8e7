/**
 * Records the golden histories in this folder: each scenario runs a workflow of
 * ../fixtures/golden.workflows.ts in a TestEnvironment (virtual clock from
 * 2025-01-01T00:00:00Z, mocked activities) and writes the run's history as
 * `<name>.history.json`. golden-replay.spec.ts replays every one of them against the current
 * workflow code on every test run.
 *
 * A plain Node script, not a test, so a normal test run never rewrites the files:
 *
 *   npm run golden:record
 *   # = SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register libs/worker/test/golden/record-golden.ts
 *
 * (@swc-node/register compiles the TypeScript and, given SWC_NODE_PROJECT, resolves the
 * tsconfig path aliases.) Re-record only when a workflow changed on purpose under a new name
 * or version: the point of the files is that old histories keep replaying. Output is
 * deterministic, so re-recording unchanged code gives byte-identical files.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { HistoryEvent } from "@eventual/core";
import { ApplicationError } from "@eventual/sdk";
import { TestEnvironment } from "../support/test-environment";

/** What a `*.history.json` file holds. */
export interface GoldenHistory {
  description: string;
  /** The workflows module to replay against, relative to this folder. */
  workflowsModule: string;
  workflowType: string;
  /** How the recorded run stood when it was recorded. */
  status: string;
  events: HistoryEvent[];
}

const WORKFLOWS_MODULE = "../fixtures/golden.workflows.ts";
const workflowsPath = path.join(__dirname, WORKFLOWS_MODULE);

async function environment(): Promise<TestEnvironment> {
  return TestEnvironment.create({ workflowsPath });
}

type Scenario = (
  record: (name: string, description: string, workflowId: string, env: TestEnvironment) => void,
) => Promise<void>;

const scenarios: Scenario[] = [
  async (record) => {
    const env = await environment();
    env.mockActivity("sendReminder").invoke((email: string) => ({ sentTo: email }));
    await env.start("reminder", "ana@example.com", { workflowId: "reminder-ana" });
    await env.tick(5, "days");
    record(
      "reminder",
      "reminder loop: five days of timer + sendReminder, still running",
      "reminder-ana",
      env,
    );
  },
  async (record) => {
    const env = await environment();
    env.mockActivity("reserveStock").succeed({ reservationId: "res-42" });
    env.mockActivity("ship").succeed({ tracking: "trk-42" });
    const handle = await env.start(
      "order",
      { orderId: "42", sku: "sku-7", quantity: 2 },
      { workflowId: "order-42" },
    );
    await env.tick(2, "hours");
    await handle.signal("paid", { by: "ana" });
    await handle.result();
    record(
      "order",
      "order: reserveStock, `paid` signal after 2 hours, 1-hour timer, ship; completed",
      "order-42",
      env,
    );
  },
  async (record) => {
    const env = await environment();
    env
      .mockActivity("getQuote")
      .succeedOnce({ supplier: "acme", price: 30 })
      .succeedOnce({ supplier: "globex", price: 20 })
      .succeedOnce({ supplier: "initech", price: 25 })
      .failOnce(ApplicationError.nonRetryable("supplier offline", "SupplierOffline"))
      .succeed({ supplier: "backup-2", price: 99 });
    env.mockActivity("expressDelivery").succeed({ supplier: "globex", eta: "tomorrow" });
    const handle = await env.start("fanOut", ["acme", "globex", "initech"], {
      workflowId: "fan-out-1",
    });
    await handle.result();
    record(
      "fan-out",
      "Promise.all of three quotes, Promise.race of an activity and a timer, Promise.allSettled with one failure",
      "fan-out-1",
      env,
    );
  },
  async (record) => {
    const env = await environment();
    env.mockActivity("processItem").invoke((item: string) => item.toUpperCase());
    const handle = await env.start("batch", ["a", "b", "c"], { workflowId: "batch-1" });
    await handle.result();
    record(
      "child-parent",
      "parent starting two child workflows at once and a third after them; completed",
      "batch-1",
      env,
    );
    record(
      "child-child",
      "the first child of batch-1: an activity and a timer; completed",
      "batch-1/1",
      env,
    );
  },
  async (record) => {
    const env = await environment();
    const handle = await env.start("approval", "req-1", { workflowId: "approval-1" });
    await env.tick(3, "hours");
    await handle.signal("approve", { approved: true });
    await handle.result();
    record(
      "approval-signal-first",
      "signal racing a 1-day timer; the signal wins after 3 hours and the timer is cancelled",
      "approval-1",
      env,
    );
  },
  async (record) => {
    const env = await environment();
    env.mockActivity("escalate").succeed({ escalated: "req-2" });
    const handle = await env.start("approval", "req-2", { workflowId: "approval-2" });
    await env.tick(1, "day");
    await env.tick(2, "hours");
    await handle.signal("approve", { approved: false });
    await handle.result();
    record(
      "approval-timer-first",
      "the 1-day timer wins the race (escalate), then the signal wins the second round",
      "approval-2",
      env,
    );
  },
  async (record) => {
    const env = await environment();
    env.mockActivity("escalate").succeed({ escalated: "req-3" });
    const handle = await env.start("approval", "req-3", { workflowId: "approval-3" });
    await handle.result().catch(() => undefined);
    record(
      "approval-no-decision",
      "both timers win; the workflow fails with NoDecision",
      "approval-3",
      env,
    );
  },
];

/** Stack traces name the recording machine's paths; replay never reads them. */
function withoutStacks(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutStacks);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== "stack")
      .map(([key, v]) => [key, withoutStacks(v)]),
  );
}

export async function recordGoldenHistories(outDir = __dirname): Promise<string[]> {
  const written: string[] = [];
  for (const scenario of scenarios) {
    await scenario((name, description, workflowId, env) => {
      const handle = env.handle(workflowId);
      const events = handle.history();
      if (events.length === 0) throw new Error(`${name}: no history for ${workflowId}`);
      const started = events[0];
      if (started.type !== "WorkflowStarted")
        throw new Error(`${name}: history does not start with WorkflowStarted`);
      const golden: GoldenHistory = {
        description,
        workflowsModule: WORKFLOWS_MODULE,
        workflowType: started.data.workflowType,
        status: handle.state().status,
        events: withoutStacks(events) as HistoryEvent[],
      };
      const file = path.join(outDir, `${name}.history.json`);
      fs.writeFileSync(file, JSON.stringify(golden, null, 2) + "\n");
      written.push(file);
    });
  }
  return written;
}

if (require.main === module) {
  recordGoldenHistories().then(
    (files) => {
      for (const file of files) console.log(`wrote ${path.relative(process.cwd(), file)}`);
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
