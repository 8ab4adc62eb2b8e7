import { activity, duration, workflow } from "@eventual/sdk";

/** The seed example: a reminder every day, forever. */
export const sendReminder = activity("sendReminder", async (email: string) => {
  return `reminder sent to ${email}`;
});

export const reminder = workflow("reminder", async (email: string) => {
  while (true) {
    await duration(1, "day");
    await sendReminder(email);
  }
});
