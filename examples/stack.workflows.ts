import { activity, duration, workflow } from "@eventual/sdk";
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
