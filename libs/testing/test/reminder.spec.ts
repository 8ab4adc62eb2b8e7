import { TestEnvironment } from "@eventual/testing";
import { historyProblems } from "@eventual/core";
import { reminder, sendReminder } from "./fixtures/reminder.workflow";

describe("the seed's reminder workflow", () => {
  it("sends exactly 30 reminders in 30 virtual days", async () => {
    const env = await TestEnvironment.create({ workflowsPath: require.resolve("./fixtures/reminder.workflow") });
    const mock = env.mockActivity(sendReminder).succeed();
    const handle = await env.start(reminder, "ana@example.com", { workflowId: "reminder-ana" });

    await env.tick(30, "days");

    expect(mock.calls).toHaveLength(30);
    expect(mock.calls.every(([email]) => email === "ana@example.com")).toBe(true);
    expect(handle.state().status).toBe("running");
    expect(historyProblems(handle.history())).toEqual([]);
    const fired = handle.history().filter((e) => e.type === "TimerFired");
    expect(fired).toHaveLength(30);
  });
});
