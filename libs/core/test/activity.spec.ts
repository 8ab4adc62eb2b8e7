import type { ActivityOptions, Failure, HistoryCommand } from "../src";
import {
  BOOM,
  T0,
  activityStarted,
  afterFirstTask,
  at,
  cancelActivityEffect,
  cancelTimerEffect,
  completeActivity,
  completeTask,
  completeWorkflow,
  dispatchActivity,
  dispatchTask,
  failActivity,
  heartbeat,
  requestCancel,
  scheduleActivity,
  signal,
  start,
  startTimerEffect,
  taskStarted,
  terminate,
  timerFired,
} from "./fixtures";
import { given } from "./given";

/** A run whose first task scheduled activity 1 with `options` (events 1-5). */
const scheduled = (options: ActivityOptions = { taskQueue: "acts" }): HistoryCommand[] =>
  afterFirstTask([scheduleActivity(1, options)]);

const TIMED: ActivityOptions = {
  taskQueue: "acts",
  startToCloseTimeoutMs: 30_000,
  heartbeatTimeoutMs: 5_000,
};
/** Activity 1 with start-to-close and heartbeat limits, started at T0 + 10 (event 6). */
const RUNNING = [...scheduled(TIMED), at(T0 + 10, activityStarted("1"))];

describe("ActivityTaskStarted", () => {
  it("records the start and arms the attempt's limits", () => {
    given(...scheduled(TIMED))
      .when(at(T0 + 10, activityStarted("1")))
      .then({
        events: [
          {
            type: "ActivityTaskStarted",
            data: { activityId: "1", attempt: 1, identity: "worker-2" },
          },
        ],
        effects: [
          startTimerEffect("activity/1/1/start-to-close", T0 + 30_010),
          startTimerEffect("activity/1/1/heartbeat", T0 + 5_010),
        ],
      })
      .thenState((s) =>
        expect(s).toMatchObject({ activities: { "1": { status: "started", attempt: 1 } } }),
      );
  });

  it("disarms the schedule-to-start limit", () => {
    given(...scheduled({ taskQueue: "acts", scheduleToStartTimeoutMs: 1_000 }))
      .when(activityStarted("1"))
      .then({ effects: [cancelTimerEffect("activity/1/1/schedule-to-start")] });
  });

  it("accepts a re-delivered start as a duplicate", () => {
    given(...RUNNING)
      .when(at(T0 + 11, activityStarted("1", 1, "worker-3")))
      .thenNothing();
  });

  it("ignores a start for another attempt than the current one", () => {
    given(...scheduled())
      .when(activityStarted("1", 2))
      .thenNothing();
  });

  it("rejects a start for an activity the run never scheduled", () => {
    given(...scheduled())
      .when(activityStarted("9"))
      .thenRejected("NOT_FOUND", "unknown-activity");
  });
});

describe("CompleteActivityTask", () => {
  it("records the result, disarms the limits and wakes the workflow", () => {
    given(...RUNNING)
      .when(at(T0 + 20, completeActivity("1")))
      .then({
        events: [
          {
            type: "ActivityTaskCompleted",
            data: { seq: 1, activityId: "1", attempt: 1, result: { charged: 12 } },
          },
          { type: "WorkflowTaskScheduled", data: { attempt: 1 } },
        ],
        effects: [
          cancelTimerEffect("activity/1/1/start-to-close"),
          cancelTimerEffect("activity/1/1/heartbeat"),
          dispatchTask(8),
        ],
      })
      .thenState((s) =>
        expect(s).toMatchObject({ activities: {}, closedActivities: { "1": true }, timers: {} }),
      );
  });

  it("records an implied start when the result overtakes the start report", () => {
    given(...scheduled())
      .when(completeActivity("1"))
      .then({
        events: [
          {
            type: "ActivityTaskStarted",
            data: { activityId: "1", attempt: 1, identity: "unknown" },
          },
          {
            type: "ActivityTaskCompleted",
            data: { seq: 1, activityId: "1", attempt: 1, result: { charged: 12 } },
          },
          { type: "WorkflowTaskScheduled", data: { attempt: 1 } },
        ],
        effects: [dispatchTask(8)],
      });
  });

  it("accepts a duplicate result (same activity id and attempt) with no events", () => {
    given(...RUNNING, at(T0 + 20, completeActivity("1")))
      .when(at(T0 + 21, completeActivity("1")))
      .thenNothing();
  });

  it("accepts any late report for a finished activity with no events", () => {
    const done = [...RUNNING, at(T0 + 20, completeActivity("1"))];
    given(...done)
      .when(at(T0 + 21, failActivity("1")))
      .thenNothing();
    given(...done)
      .when(at(T0 + 21, activityStarted("1")))
      .thenNothing();
    // A heartbeat is answered instead: the rejection tells the worker to stop the attempt.
    given(...done)
      .when(at(T0 + 21, heartbeat("1")))
      .thenRejected("FAILED_PRECONDITION", "activity-not-running");
  });

  it("rejects a result for an activity the run never scheduled: NOT_FOUND, never a throw", () => {
    given(...scheduled())
      .when(completeActivity("42"))
      .thenRejected("NOT_FOUND", "unknown-activity");
    given(...scheduled())
      .when(failActivity("42"))
      .thenRejected("NOT_FOUND", "unknown-activity");
    given(...scheduled())
      .when(heartbeat("42"))
      .thenRejected("NOT_FOUND", "unknown-activity");
  });

  it("rejects a result for a closed run or an unknown workflow", () => {
    given(...RUNNING, terminate())
      .when(completeActivity("1"))
      .thenRejected("FAILED_PRECONDITION", "workflow-closed");
    given().when(completeActivity("1")).thenRejected("NOT_FOUND", "workflow-not-found");
  });
});

describe("FailActivityTask and retries", () => {
  const RETRY: ActivityOptions = {
    taskQueue: "acts",
    retry: { initialIntervalMs: 1_000, backoffCoefficient: 2, maximumAttempts: 3 },
  };
  const FAILED_ONCE = [...scheduled(RETRY), activityStarted("1"), at(T0 + 100, failActivity("1"))];
  const ATTEMPT_2 = [...FAILED_ONCE, at(T0 + 1_100, timerFired("activity/1/2/retry"))];

  it("records a retryable failure with the next attempt's time and arms the retry timer", () => {
    given(...scheduled(RETRY), activityStarted("1"))
      .when(at(T0 + 100, failActivity("1")))
      .then({
        events: [
          {
            type: "ActivityTaskFailed",
            data: { seq: 1, activityId: "1", attempt: 1, failure: BOOM, nextAttemptAt: T0 + 1_100 },
          },
        ],
        effects: [startTimerEffect("activity/1/2/retry", T0 + 1_100)],
      })
      .thenState((s) =>
        expect(s).toMatchObject({
          workflowTask: { status: "none" },
          activities: { "1": { status: "backoff", attempt: 2 } },
        }),
      );
  });

  it("schedules attempt 2 when the retry timer fires", () => {
    given(...FAILED_ONCE)
      .when(at(T0 + 1_100, timerFired("activity/1/2/retry")))
      .then({
        events: [
          {
            type: "ActivityTaskScheduled",
            data: {
              seq: 1,
              activityId: "1",
              activityType: "charge",
              input: [12],
              options: RETRY,
              attempt: 2,
            },
          },
        ],
        effects: [dispatchActivity("1", 2, RETRY)],
      })
      .thenState((s) =>
        expect(s).toMatchObject({
          activities: { "1": { status: "scheduled", attempt: 2, firstScheduledAt: T0 } },
        }),
      );
  });

  it("ignores the retry timer delivered twice", () => {
    given(...ATTEMPT_2)
      .when(at(T0 + 1_101, timerFired("activity/1/2/retry")))
      .thenNothing();
  });

  it("ignores late reports of attempt 1, in backoff and after attempt 2 is queued", () => {
    given(...FAILED_ONCE)
      .when(completeActivity("1", 1))
      .thenNothing();
    given(...ATTEMPT_2)
      .when(completeActivity("1", 1))
      .thenNothing();
    given(...ATTEMPT_2)
      .when(failActivity("1", 1))
      .thenNothing();
  });

  it("doubles the backoff for attempt 3", () => {
    given(...ATTEMPT_2, at(T0 + 1_150, activityStarted("1", 2)))
      .when(at(T0 + 1_200, failActivity("1", 2)))
      .then({
        events: [
          {
            type: "ActivityTaskFailed",
            data: { seq: 1, activityId: "1", attempt: 2, failure: BOOM, nextAttemptAt: T0 + 3_200 },
          },
        ],
        effects: [startTimerEffect("activity/1/3/retry", T0 + 3_200)],
      });
  });

  it("stops at maximumAttempts: the last failure is final and wakes the workflow", () => {
    given(
      ...ATTEMPT_2,
      at(T0 + 1_150, activityStarted("1", 2)),
      at(T0 + 1_200, failActivity("1", 2)),
      at(T0 + 3_200, timerFired("activity/1/3/retry")),
      at(T0 + 3_300, activityStarted("1", 3)),
    )
      .when(at(T0 + 3_400, failActivity("1", 3)))
      .then({
        events: [
          {
            type: "ActivityTaskFailed",
            data: { seq: 1, activityId: "1", attempt: 3, failure: BOOM },
          },
          { type: "WorkflowTaskScheduled", data: { attempt: 1 } },
        ],
        effects: [dispatchTask(14)],
      })
      .thenState((s) =>
        expect(s).toMatchObject({ activities: {}, closedActivities: { "1": true } }),
      );
  });

  it("does not retry a failure marked non-retryable", () => {
    const declined: Failure = { type: "CardDeclined", message: "declined", nonRetryable: true };
    given(...scheduled(RETRY), activityStarted("1"))
      .when(failActivity("1", 1, declined))
      .then({
        events: [
          {
            type: "ActivityTaskFailed",
            data: { seq: 1, activityId: "1", attempt: 1, failure: declined },
          },
          { type: "WorkflowTaskScheduled", data: { attempt: 1 } },
        ],
        effects: [dispatchTask(8)],
      });
  });

  it("does not retry an error type the policy lists as non-retryable", () => {
    const options = { taskQueue: "acts", retry: { nonRetryableErrorTypes: ["CardDeclined"] } };
    const when = given(...scheduled(options), activityStarted("1")).when(
      failActivity("1", 1, { type: "CardDeclined", message: "no" }),
    );
    expect(when.events.map((e) => e.type)).toEqual(["ActivityTaskFailed", "WorkflowTaskScheduled"]);
    expect(when.events[0].data).not.toHaveProperty("nextAttemptAt");
  });

  it("retries by default (unlimited attempts, 1 s first interval)", () => {
    given(...scheduled(), activityStarted("1"))
      .when(at(T0 + 5, failActivity("1")))
      .then({
        events: [
          {
            type: "ActivityTaskFailed",
            data: { seq: 1, activityId: "1", attempt: 1, failure: BOOM, nextAttemptAt: T0 + 1_005 },
          },
        ],
      });
  });

  describe("the schedule-to-close deadline", () => {
    const BOUNDED: ActivityOptions = {
      taskQueue: "acts",
      scheduleToCloseTimeoutMs: 1_500,
      retry: { initialIntervalMs: 1_000 },
    };

    it("stops retrying when the next attempt would start past it", () => {
      given(...scheduled(BOUNDED), activityStarted("1"))
        .when(at(T0 + 600, failActivity("1")))
        .then({
          events: [
            {
              type: "ActivityTaskFailed",
              data: { seq: 1, activityId: "1", attempt: 1, failure: BOOM },
            },
            { type: "WorkflowTaskScheduled", data: { attempt: 1 } },
          ],
          effects: [cancelTimerEffect("activity/1/schedule-to-close"), dispatchTask(8)],
        });
    });

    it("still retries when the next attempt starts before it, keeping the deadline armed", () => {
      given(...scheduled(BOUNDED), activityStarted("1"))
        .when(at(T0 + 400, failActivity("1")))
        .then({
          events: [
            {
              type: "ActivityTaskFailed",
              data: {
                seq: 1,
                activityId: "1",
                attempt: 1,
                failure: BOOM,
                nextAttemptAt: T0 + 1_400,
              },
            },
          ],
          effects: [startTimerEffect("activity/1/2/retry", T0 + 1_400)],
        })
        .thenState((s) =>
          expect(s).toMatchObject({
            timers: { "activity/1/schedule-to-close": { fireAt: T0 + 1_500 } },
          }),
        );
    });
  });

  it("does not retry a cancellation the workflow asked for", () => {
    const cancelled: Failure = { type: "CancelledError", message: "cancelled" };
    given(...scheduled(), activityStarted("1"), requestCancel())
      .when(failActivity("1", 1, cancelled))
      .then({
        events: [
          {
            type: "ActivityTaskFailed",
            data: { seq: 1, activityId: "1", attempt: 1, failure: cancelled },
          },
        ],
        effects: [],
      });
  });

  it("retries a CancelledError nobody asked for", () => {
    const cancelled: Failure = { type: "CancelledError", message: "worker shut down" };
    const when = given(...scheduled(), activityStarted("1")).when(failActivity("1", 1, cancelled));
    expect(when.events[0].data).toMatchObject({ nextAttemptAt: T0 + 1_000 });
  });
});

describe("activity timeouts", () => {
  it("start-to-close: times the attempt out, stops its worker and retries", () => {
    given(...RUNNING)
      .when(at(T0 + 30_010, timerFired("activity/1/1/start-to-close")))
      .then({
        events: [
          {
            type: "ActivityTaskTimedOut",
            data: {
              seq: 1,
              activityId: "1",
              attempt: 1,
              timeoutType: "start-to-close",
              nextAttemptAt: T0 + 31_010,
            },
          },
        ],
        effects: [
          cancelTimerEffect("activity/1/1/heartbeat"),
          startTimerEffect("activity/1/2/retry", T0 + 31_010),
          cancelActivityEffect("1"),
        ],
      });
  });

  it("start-to-close: a late result of the timed-out attempt is ignored", () => {
    given(...RUNNING, at(T0 + 30_010, timerFired("activity/1/1/start-to-close")))
      .when(at(T0 + 30_020, completeActivity("1", 1)))
      .thenNothing();
  });

  it("heartbeat: times the attempt out and retries", () => {
    given(...RUNNING)
      .when(at(T0 + 5_010, timerFired("activity/1/1/heartbeat")))
      .then({
        events: [
          {
            type: "ActivityTaskTimedOut",
            data: {
              seq: 1,
              activityId: "1",
              attempt: 1,
              timeoutType: "heartbeat",
              nextAttemptAt: T0 + 6_010,
            },
          },
        ],
        effects: [
          cancelTimerEffect("activity/1/1/start-to-close"),
          startTimerEffect("activity/1/2/retry", T0 + 6_010),
          cancelActivityEffect("1"),
        ],
      });
  });

  it("start-to-close with retries exhausted is final and wakes the workflow", () => {
    const options = { ...TIMED, retry: { maximumAttempts: 1 } };
    given(...scheduled(options), at(T0 + 10, activityStarted("1")))
      .when(at(T0 + 30_010, timerFired("activity/1/1/start-to-close")))
      .then({
        events: [
          {
            type: "ActivityTaskTimedOut",
            data: { seq: 1, activityId: "1", attempt: 1, timeoutType: "start-to-close" },
          },
          { type: "WorkflowTaskScheduled", data: { attempt: 1 } },
        ],
        effects: [
          cancelTimerEffect("activity/1/1/heartbeat"),
          cancelActivityEffect("1"),
          dispatchTask(8),
        ],
      });
  });

  it("schedule-to-start: final (a retry would wait in the same queue); the queued task is withdrawn", () => {
    given(
      ...scheduled({
        taskQueue: "acts",
        scheduleToStartTimeoutMs: 5_000,
        scheduleToCloseTimeoutMs: 60_000,
      }),
    )
      .when(at(T0 + 5_000, timerFired("activity/1/1/schedule-to-start")))
      .then({
        events: [
          {
            type: "ActivityTaskTimedOut",
            data: { seq: 1, activityId: "1", attempt: 1, timeoutType: "schedule-to-start" },
          },
          { type: "WorkflowTaskScheduled", data: { attempt: 1 } },
        ],
        effects: [
          cancelTimerEffect("activity/1/schedule-to-close"),
          cancelActivityEffect("1"),
          dispatchTask(7),
        ],
      });
  });

  it("schedule-to-close while an attempt runs: final, stops the worker", () => {
    const options = {
      taskQueue: "acts",
      scheduleToCloseTimeoutMs: 60_000,
      startToCloseTimeoutMs: 30_000,
    };
    given(...scheduled(options), activityStarted("1"))
      .when(at(T0 + 60_000, timerFired("activity/1/schedule-to-close")))
      .then({
        events: [
          {
            type: "ActivityTaskTimedOut",
            data: { seq: 1, activityId: "1", attempt: 1, timeoutType: "schedule-to-close" },
          },
          { type: "WorkflowTaskScheduled", data: { attempt: 1 } },
        ],
        effects: [
          cancelTimerEffect("activity/1/1/start-to-close"),
          cancelActivityEffect("1"),
          dispatchTask(8),
        ],
      });
  });

  it("schedule-to-close during a retry backoff: final, the pending retry is cancelled", () => {
    const options = {
      taskQueue: "acts",
      scheduleToCloseTimeoutMs: 60_000,
      retry: { initialIntervalMs: 50_000 },
    };
    given(...scheduled(options), activityStarted("1"), at(T0 + 5_000, failActivity("1")))
      .when(at(T0 + 60_000, timerFired("activity/1/schedule-to-close")))
      .then({
        events: [
          {
            type: "ActivityTaskTimedOut",
            data: { seq: 1, activityId: "1", attempt: 2, timeoutType: "schedule-to-close" },
          },
          { type: "WorkflowTaskScheduled", data: { attempt: 1 } },
        ],
        effects: [cancelTimerEffect("activity/1/2/retry"), dispatchTask(9)],
      });
  });

  it("a limit of an activity that already finished is not pending any more: no events", () => {
    given(...RUNNING, at(T0 + 20, completeActivity("1")))
      .when(at(T0 + 30_010, timerFired("activity/1/1/start-to-close")))
      .thenNothing();
  });
});

describe("HeartbeatActivityTask", () => {
  it("records no event and pushes the heartbeat timer out", () => {
    const when = given(...RUNNING)
      .when(at(T0 + 4_000, heartbeat("1", 1, { progress: 50 })))
      .then({ events: [], effects: [startTimerEffect("activity/1/1/heartbeat", T0 + 9_000)] });
    expect(when.state).toBe(when.given.state);
  });

  it("ignores heartbeats when the activity has no heartbeat limit", () => {
    given(...scheduled(), activityStarted("1"))
      .when(heartbeat("1"))
      .thenNothing();
  });

  it("tells an earlier attempt's heartbeat that it no longer runs", () => {
    const options = { ...TIMED, retry: { initialIntervalMs: 1_000 } };
    given(
      ...scheduled(options),
      activityStarted("1"),
      at(T0 + 5, failActivity("1")),
      at(T0 + 1_005, timerFired("activity/1/2/retry")),
    )
      .when(at(T0 + 1_006, heartbeat("1", 1)))
      .thenRejected("FAILED_PRECONDITION", "activity-not-running");
  });

  it("ignores a heartbeat that overtook the start report: the start arms the timer", () => {
    given(...scheduled(TIMED))
      .when(at(T0 + 3, heartbeat("1")))
      .thenNothing();
  });
});

describe("an activity's life when the run closes", () => {
  it("a run completing with an activity in backoff cancels its retry timer but sends no task cancel", () => {
    const options = { taskQueue: "acts", retry: { initialIntervalMs: 5_000 } };
    given(
      ...scheduled(options),
      activityStarted("1"),
      failActivity("1"),
      signal("wake"),
      taskStarted(9),
    )
      .when(completeTask(9, [completeWorkflow()]))
      .then({
        events: [
          {
            type: "WorkflowTaskCompleted",
            data: { scheduledEventId: 9, startedEventId: 10, identity: "worker-1" },
          },
          { type: "WorkflowCompleted", data: { result: "done" } },
        ],
        effects: [
          cancelTimerEffect("workflow-task/9/timeout"),
          cancelTimerEffect("activity/1/2/retry"),
        ],
      });
  });

  it("a result arriving after the run closed is a typed rejection", () => {
    given(start(), terminate())
      .when(completeActivity("1"))
      .thenRejected("FAILED_PRECONDITION", "workflow-closed");
  });
});
