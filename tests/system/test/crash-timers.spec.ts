import { crashWhileInFlight, expectedJourney } from "./fixtures/crash-scenario";
import { useSystemStack } from "./fixtures/system-stack";

/**
 * SIGKILL the timers process with 200 workflows in flight (activities and timers), start a new
 * one: every workflow completes, each history is gap-free with each activity completion and
 * each timer firing exactly once.
 */
describe("crash: timers killed with 200 workflows in flight", () => {
  const system = useSystemStack("crashtimers");

  it("loses nothing and doubles nothing", async () => {
    const outcome = await crashWhileInFlight(system.get(), "timers");
    process.stderr.write(`crash of timers: ${JSON.stringify({ closedAtKill: outcome.closedAtKill, firedAtKill: outcome.firedAtKill, timelineMs: outcome.timeline })}\n`);
    expect(outcome.closedAtKill).toBeLessThan(200);
    expect(outcome.firedAtKill).toBeGreaterThan(0);
    expect(outcome.results.filter((r) => r.status !== "completed")).toEqual([]);
    for (const r of outcome.results) expect(r.result).toEqual(expectedJourney(r.workflowId));
    expect(outcome.problems).toEqual([]);
  }, 600_000);
});
