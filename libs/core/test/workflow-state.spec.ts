import {
  type TimerPurpose,
  CLOSE_EVENT_TYPES,
  INITIAL_STATE,
  activityIdOf,
  isCloseEvent,
  isClosed,
  isClosingCommand,
  isRunning,
  reject,
  timerIdOf,
  workflowTaskRetryDelayMs,
} from "../src";
import {
  cancelWorkflow,
  completeWorkflow,
  continueAsNew,
  failWorkflow,
  recordMarker,
  requestCancelActivity,
  scheduleActivity,
  start,
  startTimer,
  terminate,
} from "./fixtures";
import { given } from "./given";

describe("timerIdOf", () => {
  it.each<[TimerPurpose, string]>([
    [{ kind: "user", seq: 4 }, "user/4"],
    [
      { kind: "activity-timeout", activityId: "3", attempt: 2, timeoutType: "start-to-close" },
      "activity/3/2/start-to-close",
    ],
    [
      { kind: "activity-timeout", activityId: "3", attempt: 2, timeoutType: "heartbeat" },
      "activity/3/2/heartbeat",
    ],
    [
      { kind: "activity-timeout", activityId: "3", attempt: 1, timeoutType: "schedule-to-start" },
      "activity/3/1/schedule-to-start",
    ],
    [
      { kind: "activity-timeout", activityId: "3", attempt: 0, timeoutType: "schedule-to-close" },
      "activity/3/schedule-to-close",
    ],
    [{ kind: "activity-retry", activityId: "3", attempt: 2 }, "activity/3/2/retry"],
    [{ kind: "workflow-task-timeout", scheduledEventId: 12 }, "workflow-task/12/timeout"],
    [{ kind: "workflow-task-retry", attempt: 3, failedEventId: 7 }, "workflow-task/retry/7"],
    [{ kind: "workflow-timeout" }, "workflow/timeout"],
  ])("%j → %s", (purpose, id) => {
    expect(timerIdOf(purpose)).toBe(id);
  });

  it("spans every attempt with one schedule-to-close timer", () => {
    const of = (attempt: number) =>
      timerIdOf({
        kind: "activity-timeout",
        activityId: "3",
        attempt,
        timeoutType: "schedule-to-close",
      });
    expect(new Set([of(0), of(1), of(7)]).size).toBe(1);
  });

  it("gives distinct purposes distinct ids", () => {
    const purposes: TimerPurpose[] = [];
    for (const activityId of ["1", "12"]) {
      for (const attempt of [1, 2, 12]) {
        for (const timeoutType of ["start-to-close", "heartbeat", "schedule-to-start"] as const) {
          purposes.push({ kind: "activity-timeout", activityId, attempt, timeoutType });
        }
        purposes.push({ kind: "activity-retry", activityId, attempt });
      }
      purposes.push({
        kind: "activity-timeout",
        activityId,
        attempt: 0,
        timeoutType: "schedule-to-close",
      });
    }
    for (const n of [1, 2, 12]) {
      purposes.push(
        { kind: "user", seq: n },
        { kind: "workflow-task-timeout", scheduledEventId: n },
        { kind: "workflow-task-retry", attempt: n, failedEventId: n },
      );
    }
    purposes.push({ kind: "workflow-timeout" });
    expect(new Set(purposes.map(timerIdOf)).size).toBe(purposes.length);
  });
});

describe("workflowTaskRetryDelayMs", () => {
  it("retries attempts 1-2 at once, then backs off from 1 s, doubling up to a minute", () => {
    expect([1, 2, 3, 4, 5, 8, 9, 30].map(workflowTaskRetryDelayMs)).toEqual([
      0, 0, 1_000, 2_000, 4_000, 32_000, 60_000, 60_000,
    ]);
  });
});

describe("small helpers", () => {
  it("activityIdOf derives the id from the sequence number", () => {
    expect(activityIdOf(17)).toBe("17");
  });

  it("isClosingCommand knows the four closing commands", () => {
    expect(
      [completeWorkflow(), failWorkflow(), cancelWorkflow(), continueAsNew({})].every(
        isClosingCommand,
      ),
    ).toBe(true);
    expect(
      [scheduleActivity(1), startTimer(1, 0), recordMarker(1), requestCancelActivity(1)].some(
        isClosingCommand,
      ),
    ).toBe(false);
  });

  it("isCloseEvent knows the six close events", () => {
    expect(CLOSE_EVENT_TYPES).toHaveLength(6);
    expect(isCloseEvent({ type: "WorkflowTimedOut", data: {} })).toBe(true);
    expect(
      isCloseEvent({ type: "WorkflowCancelRequested", data: { reason: "r", requestId: "q" } }),
    ).toBe(false);
  });

  it("isRunning and isClosed split the state union", () => {
    const running = given(start()).state;
    const closed = given(start(), terminate()).state;
    expect([isRunning(INITIAL_STATE), isRunning(running), isRunning(closed)]).toEqual([
      false,
      true,
      false,
    ]);
    expect([isClosed(INITIAL_STATE), isClosed(running), isClosed(closed)]).toEqual([
      false,
      false,
      true,
    ]);
  });

  it("INITIAL_STATE is frozen so no decision can change it", () => {
    expect(Object.isFrozen(INITIAL_STATE)).toBe(true);
  });

  it("reject maps each reason to its gRPC-aligned code", () => {
    expect(reject("workflow-not-found", "m")).toEqual({
      code: "NOT_FOUND",
      reason: "workflow-not-found",
      message: "m",
    });
    expect(reject("workflow-already-running", "m").code).toBe("ALREADY_EXISTS");
    expect(reject("workflow-id-reuse-rejected", "m").code).toBe("ALREADY_EXISTS");
    expect(reject("workflow-closed", "m").code).toBe("FAILED_PRECONDITION");
    expect(reject("unknown-activity", "m").code).toBe("NOT_FOUND");
    expect(reject("stale-workflow-task", "m").code).toBe("NOT_FOUND");
  });
});
