import { activity, duration, workflow } from "@eventual/sdk";
import { type Order, approve, charge, reserveStock } from "./order.workflow";
export { processOrder, reserveStock, charge, approve } from "./order.workflow";

/** The seed's reminder, scaled to seconds for a live demo: three reminders, two seconds apart. */
export const sendReminderNow = activity("sendReminderNow", async (email: string) => {
  process.stdout.write(`  ✉ reminder sent to ${email} at ${new Date().toISOString()}\n`);
  return `sent to ${email}`;
});

export const quickReminder = workflow("quickReminder", async (email: string) => {
  const sent: string[] = [];
  for (let i = 0; i < 3; i++) {
    await duration(2, "seconds");
    sent.push(await sendReminderNow(email));
  }
  return sent;
});

/**
 * A short order for the live demo: reserve stock (activity), wait up to 30 seconds for an
 * `approve` signal, let it settle for a second (durable timer), then charge (activity).
 */
export const quickOrder = workflow("quickOrder", async (order: Order) => {
  const { reservation } = await reserveStock(order);
  const decision = await Promise.race([approve.expectSignal().then((s) => s.by), duration(30, "seconds").then(() => undefined)]);
  if (!decision) return { status: "expired", reservation };
  await duration(1, "second");
  const { receipt } = await charge(order);
  return { status: "charged", receipt, approvedBy: decision };
});
