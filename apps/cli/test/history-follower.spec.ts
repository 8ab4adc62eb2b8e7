import { HistoryFollower, followRun } from "@eventual/cli";
import type { HistoryEvent } from "@eventual/core";
import { clientError, eventsOf, pagedHistory } from "./fixtures/fake-gateway";

const greeterHistory = eventsOf([
  {
    type: "WorkflowStarted",
    data: {
      workflowId: "w",
      runId: "run-1",
      workflowType: "greeter",
      taskQueue: "main",
      input: "ana",
      requestId: "r",
      taskTimeoutMs: 10_000,
    },
  },
  { type: "WorkflowTaskScheduled", data: { attempt: 1 } },
  { type: "WorkflowTaskStarted", data: { scheduledEventId: 2, identity: "w1" } },
  {
    type: "WorkflowTaskCompleted",
    data: { scheduledEventId: 2, startedEventId: 3, identity: "w1" },
  },
  { type: "TimerStarted", data: { seq: 1, timerId: "user/1", fireAt: 0 } },
  { type: "TimerFired", data: { seq: 1, timerId: "user/1" } },
  { type: "WorkflowCompleted", data: { result: "done" } },
]);

describe("HistoryFollower", () => {
  it("returns each event once, in order, however the history grows between polls", async () => {
    const state = { visible: 0 };
    const requests: Array<string | undefined> = [];
    const history = pagedHistory(greeterHistory, state);
    const follower = new HistoryFollower(
      { getWorkflowHistory: (request) => (requests.push(request.pageToken), history(request)) },
      { workflowId: "w", runId: "run-1" },
      2,
    );
    const seen: number[] = [];
    for (const visible of [0, 1, 1, 4, 5, 7, 7]) {
      state.visible = visible;
      seen.push(...(await follower.poll()).map((e) => e.eventId));
    }
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // It resumes from the page holding the tail, never from the first page again.
    expect(requests.filter((token) => token === undefined).length).toBeLessThanOrEqual(4);
    expect(requests.at(-1)).toBeDefined();
  });
});

describe("followRun", () => {
  const clock = () => {
    let now = 0;
    return { now: () => now, sleep: async (ms: number) => void (now += ms) };
  };

  it("waits out NOT_FOUND of a run just started, then streams it to its close event", async () => {
    const state = { visible: 0 };
    const history = pagedHistory(greeterHistory, state);
    let polls = 0;
    const seen: HistoryEvent[] = [];
    const { close, runId } = await followRun(
      {
        getWorkflowHistory: async (request) => {
          polls++;
          if (polls <= 3) throw clientError("NOT_FOUND", "workflow w not found");
          state.visible = Math.min(greeterHistory.length, state.visible + 2);
          return history(request);
        },
      },
      { workflowId: "w", runId: "run-1" },
      { onEvent: (event) => seen.push(event), ...clock() },
    );
    expect(seen.map((e) => e.eventId)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(close).toMatchObject({ type: "WorkflowCompleted", data: { result: "done" } });
    expect(runId).toBe("run-1");
  });

  it("gives up on NOT_FOUND after the grace period", async () => {
    await expect(
      followRun(
        {
          getWorkflowHistory: async () =>
            Promise.reject(clientError("NOT_FOUND", "workflow w not found")),
        },
        { workflowId: "w", runId: "run-1" },
        { onEvent: () => undefined, ...clock(), notFoundGraceMs: 1_000 },
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("moves to the new run when the run continues as new", async () => {
    const first = eventsOf([
      {
        type: "WorkflowStarted",
        data: {
          workflowId: "w",
          runId: "run-1",
          workflowType: "loop",
          taskQueue: "main",
          input: 1,
          requestId: "r",
          taskTimeoutMs: 1,
        },
      },
      {
        type: "WorkflowContinuedAsNew",
        data: { newRunId: "run-2", input: 2, workflowType: "loop", taskQueue: "main" },
      },
    ]);
    const second = eventsOf([
      {
        type: "WorkflowStarted",
        data: {
          workflowId: "w",
          runId: "run-2",
          workflowType: "loop",
          taskQueue: "main",
          input: 2,
          requestId: "r",
          taskTimeoutMs: 1,
        },
      },
      { type: "WorkflowFailed", data: { failure: { type: "Error", message: "boom" } } },
    ]);
    const runs: Record<string, HistoryEvent[]> = { "run-1": first, "run-2": second };
    const seen: string[] = [];
    const newRuns: string[] = [];
    const { close, runId } = await followRun(
      { getWorkflowHistory: async (request) => ({ events: runs[request.runId!] }) },
      { workflowId: "w", runId: "run-1" },
      {
        onEvent: (event, run) => seen.push(`${run}#${event.eventId}`),
        onNewRun: (run) => newRuns.push(run),
        ...clock(),
      },
    );
    expect(seen).toEqual(["run-1#1", "run-1#2", "run-2#1", "run-2#2"]);
    expect(newRuns).toEqual(["run-2"]);
    expect(runId).toBe("run-2");
    expect(close.type).toBe("WorkflowFailed");
  });
});
