import { type HistoryEvent, historyProblems } from "@eventual/core";
import { ApplicationError } from "@eventual/sdk";
import { replayHistory } from "@eventual/worker";
import { TestEnvironment } from "./support/test-environment";

const workflowsPath = require.resolve("./fixtures/scenarios.workflows");

/** Drives workflows in an environment; returns the ids whose histories to compare. */
type Scenario = (env: TestEnvironment) => Promise<string[]>;

const scenarios: Record<string, Scenario> = {
  "cancellation with an activity and a timer pending": async (env) => {
    env.mockActivity("work").timeout(); // never reports: still running when the cancel comes
    env.mockActivity("cleanup").succeed("cleaned");
    const handle = await env.start("cancellable", null, { workflowId: "c-1" });
    await env.tick(10, "seconds");
    await handle.cancel("no longer needed");
    await expect(handle.result()).resolves.toBe("cancelled, then cleaned");
    return ["c-1"];
  },
  "activity retries after a failure and a timeout, then success and exhaustion": async (env) => {
    env
      .mockActivity("work")
      .failOnce(new Error("flaky"))
      .timeoutOnce()
      .succeedOnce(2)
      .failOnce(new Error("down"))
      .failOnce(new Error("still down"))
      .fail(ApplicationError.retryable("gone", "Gone"));
    const handle = await env.start("retries", null, { workflowId: "r-1" });
    await expect(handle.result()).resolves.toEqual({
      first: 2,
      second: "work failed after 3 attempts: gone",
    });
    return ["r-1"];
  },
  "signal handler, condition and seeded randomness": async (env) => {
    const handle = await env.start("accumulator", 10, { workflowId: "a-1" });
    await handle.signal("add", 3);
    await env.tick(5, "minutes");
    await handle.signal("add", 4);
    await handle.signal("add", 5);
    await expect(handle.result()).resolves.toMatchObject({
      reached: true,
      total: 12,
      seen: [3, 4, 5],
    });
    const late = await env.start("accumulator", 100, { workflowId: "a-2" });
    await late.signal("add", 1);
    await expect(late.result()).resolves.toMatchObject({ reached: false, total: 1 });
    return ["a-1", "a-2"];
  },
  "failing children and a signal to another workflow": async (env) => {
    const sibling = await env.start("sibling", null, { workflowId: "s-1" });
    const parent = await env.start("parent", "s-1", { workflowId: "p-1" });
    await expect(parent.result()).resolves.toEqual(["child p-1/1 failed", "child p-1/2 failed"]);
    await expect(sibling.result()).resolves.toBe("p-1");
    return ["p-1", "p-1/1", "p-1/2", "s-1"];
  },
};

async function histories(
  scenario: Scenario,
  maxCachedRuns: number,
): Promise<Record<string, HistoryEvent[]>> {
  const env = await TestEnvironment.create({ workflowsPath, maxCachedRuns });
  const ids = await scenario(env);
  return Object.fromEntries(ids.map((id) => [id, env.handle(id).history()]));
}

/** Failures carry stack traces, which name the line that threw; they differ per realm, not per replay. */
function withoutStacks(events: HistoryEvent[]): unknown {
  return JSON.parse(
    JSON.stringify(events, (key, value: unknown) => (key === "stack" ? undefined : value)),
  );
}

describe.each(Object.entries(scenarios))("%s", (_name, scenario) => {
  it("records the same histories whether the worker keeps runs cached or replays every task from event 1", async () => {
    const cached = await histories(scenario, 1_000);
    const replayed = await histories(scenario, 0);
    expect(Object.keys(replayed)).toEqual(Object.keys(cached));
    for (const [id, events] of Object.entries(cached)) {
      expect(events.length).toBeGreaterThan(3);
      expect(historyProblems(events)).toEqual([]);
      expect(withoutStacks(replayed[id])).toEqual(withoutStacks(events));
      expect(() => replayHistory({ workflowsPath, history: events })).not.toThrow();
    }
  });
});
