/**
 * `npm start`: runs the seed's reminder workflow and an order workflow on the real core and
 * replayer, in virtual time, and prints each workflow's history as it grows.
 */
import type { HistoryEvent } from "@eventual/core";
import { TestEnvironment } from "@eventual/testing";
import { approve, processOrder } from "./order.workflow";
import { reminder } from "./reminder.workflow";

function describe(event: HistoryEvent): string {
  const d = event.data as Record<string, unknown>;
  const detail = d.activityType ?? d.signalName ?? (d.fireAt ? `fires ${new Date(d.fireAt as number).toISOString()}` : "");
  return `${String(event.eventId).padStart(3)} ${new Date(event.timestamp).toISOString()} ${event.type} ${detail}`;
}

function printNew(label: string, history: HistoryEvent[], seen: Map<string, number>): void {
  const from = seen.get(label) ?? 0;
  for (const event of history.slice(from)) console.log(`[${label}] ${describe(event)}`);
  seen.set(label, history.length);
}

async function main(): Promise<void> {
  const seen = new Map<string, number>();
  const reminders = await TestEnvironment.create({ workflowsPath: require.resolve("./reminder.workflow") });
  const r = await reminders.start(reminder, "ana@example.com", { workflowId: "reminder-ana" });
  for (let day = 1; day <= 3; day++) {
    await reminders.tick(1, "day");
    printNew("reminder", r.history(), seen);
  }

  const orders = await TestEnvironment.create({ workflowsPath: require.resolve("./order.workflow") });
  const o = await orders.start(processOrder, { orderId: "o-1", amount: 120 }, { workflowId: "order-o-1" });
  printNew("order", o.history(), seen);
  await orders.tick(2, "hours");
  await o.signal(approve, { by: "ben" });
  const result = await o.result();
  printNew("order", o.history(), seen);
  console.log(`[order] result ${JSON.stringify(result)}; logs: ${o.logs().map((l) => l.message).join(" | ")}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
