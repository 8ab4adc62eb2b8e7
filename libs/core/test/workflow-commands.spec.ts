import type { ActivityOptions, HistoryCommand } from "../src";
import {
  BOOM,
  IDS,
  PARENT,
  RUN,
  T0,
  TASK_IN_FLIGHT,
  WF,
  activityStarted,
  afterFirstTask,
  at,
  cancelActivityEffect,
  cancelTimer,
  cancelTimerEffect,
  cancelWorkflow,
  completeActivity,
  completeTask,
  completeWorkflow,
  continueAsNew,
  dispatchActivity,
  dispatchTask,
  failActivity,
  failWorkflow,
  recordMarker,
  reportToParent,
  requestCancel,
  requestCancelActivity,
  scheduleActivity,
  sendCommand,
  signal,
  signalExternal,
  start,
  startChild,
  startTimer,
  startTimerEffect,
  taskStarted,
  timerFired,
} from "./fixtures";
import { given } from "./given";

const completed = (scheduledEventId: number, startedEventId: number) =>
  ({
    type: "WorkflowTaskCompleted",
    data: { scheduledEventId, startedEventId, identity: "worker-1" },
  }) as const;

describe("ScheduleActivity", () => {
  const OPTIONS: ActivityOptions = {
    taskQueue: "acts",
    startToCloseTimeoutMs: 30_000,
    scheduleToStartTimeoutMs: 5_000,
    scheduleToCloseTimeoutMs: 120_000,
    heartbeatTimeoutMs: 3_000,
    retry: { maximumAttempts: 3 },
  };

  it("schedules attempt 1, arms the queue and overall limits and dispatches the task", () => {
    given(...TASK_IN_FLIGHT)
      .when(completeTask(2, [scheduleActivity(1, OPTIONS)]))
      .then({
        events: [
          completed(2, 3),
          {
            type: "ActivityTaskScheduled",
            data: {
              seq: 1,
              activityId: "1",
              activityType: "charge",
              input: [12],
              options: OPTIONS,
              attempt: 1,
            },
          },
        ],
        effects: [
          cancelTimerEffect("workflow-task/2/timeout"),
          startTimerEffect("activity/1/1/schedule-to-start", T0 + 5_000),
          startTimerEffect("activity/1/schedule-to-close", T0 + 120_000),
          dispatchActivity("1", 1, OPTIONS),
        ],
      })
      .thenState((s) => {
        expect(s).toMatchObject({
          lastSeq: 1,
          activities: { "1": { seq: 1, attempt: 1, status: "scheduled", firstScheduledAt: T0 } },
        });
      });
  });

  it("schedules several activities in command order, with ids from their sequence numbers", () => {
    const when = given(...TASK_IN_FLIGHT).when(
      completeTask(2, [scheduleActivity(3), scheduleActivity(8)]),
    );
    expect(when.events.map((e) => [e.type, e.eventId])).toEqual([
      ["WorkflowTaskCompleted", 4],
      ["ActivityTaskScheduled", 5],
      ["ActivityTaskScheduled", 6],
    ]);
    expect(when.effects.slice(1)).toEqual([dispatchActivity("3"), dispatchActivity("8")]);
  });
});

describe("RequestCancelActivity", () => {
  it("cancels a scheduled activity and withdraws its queued task", () => {
    given(...afterFirstTask([scheduleActivity(1)]), signal("wake"), taskStarted(7))
      .when(completeTask(7, [requestCancelActivity(1)]))
      .then({
        events: [
          completed(7, 8),
          { type: "ActivityTaskCancelRequested", data: { seq: 1, activityId: "1" } },
          { type: "ActivityTaskCancelled", data: { seq: 1, activityId: "1" } },
        ],
        effects: [cancelTimerEffect("workflow-task/7/timeout"), cancelActivityEffect("1")],
      })
      .thenState((s) =>
        expect(s).toMatchObject({ activities: {}, closedActivities: { "1": true } }),
      );
  });

  it("cancels a started activity: tells its worker and drops its timers", () => {
    const options = { taskQueue: "acts", startToCloseTimeoutMs: 30_000 };
    given(
      ...afterFirstTask([scheduleActivity(1, options)]),
      activityStarted("1"),
      signal("wake"),
      taskStarted(8),
    )
      .when(completeTask(8, [requestCancelActivity(1)]))
      .then({
        events: [
          completed(8, 9),
          { type: "ActivityTaskCancelRequested", data: { seq: 1, activityId: "1" } },
          { type: "ActivityTaskCancelled", data: { seq: 1, activityId: "1" } },
        ],
        effects: [
          cancelTimerEffect("workflow-task/8/timeout"),
          cancelTimerEffect("activity/1/1/start-to-close"),
          cancelActivityEffect("1"),
        ],
      });
  });

  it("cancels an activity waiting out a retry backoff: only its retry timer goes", () => {
    const options = { taskQueue: "acts", retry: { initialIntervalMs: 5_000 } };
    given(
      ...afterFirstTask([scheduleActivity(1, options)]),
      failActivity("1"),
      signal("wake"),
      taskStarted(9),
    )
      .when(completeTask(9, [requestCancelActivity(1)]))
      .then({
        events: [
          completed(9, 10),
          { type: "ActivityTaskCancelRequested", data: { seq: 1, activityId: "1" } },
          { type: "ActivityTaskCancelled", data: { seq: 1, activityId: "1" } },
        ],
        effects: [
          cancelTimerEffect("workflow-task/9/timeout"),
          cancelTimerEffect("activity/1/2/retry"),
        ],
      });
  });

  it("records only the request for an activity that already finished (its result raced the task)", () => {
    given(...afterFirstTask([scheduleActivity(1)]), completeActivity("1"), taskStarted(8))
      .when(completeTask(8, [requestCancelActivity(1)]))
      .then({
        events: [
          completed(8, 9),
          { type: "ActivityTaskCancelRequested", data: { seq: 1, activityId: "1" } },
        ],
        effects: [cancelTimerEffect("workflow-task/8/timeout")],
      });
  });

  it("cancels an activity scheduled earlier in the same task", () => {
    given(...TASK_IN_FLIGHT)
      .when(completeTask(2, [scheduleActivity(1), requestCancelActivity(1)]))
      .then({
        events: [
          completed(2, 3),
          {
            type: "ActivityTaskScheduled",
            data: {
              seq: 1,
              activityId: "1",
              activityType: "charge",
              input: [12],
              options: { taskQueue: "acts" },
              attempt: 1,
            },
          },
          { type: "ActivityTaskCancelRequested", data: { seq: 1, activityId: "1" } },
          { type: "ActivityTaskCancelled", data: { seq: 1, activityId: "1" } },
        ],
        effects: [
          cancelTimerEffect("workflow-task/2/timeout"),
          dispatchActivity("1"),
          cancelActivityEffect("1"),
        ],
      });
  });

  it("makes a late result of the cancelled activity a no-op", () => {
    given(
      ...afterFirstTask([scheduleActivity(1)]),
      activityStarted("1"),
      signal("wake"),
      taskStarted(8),
      completeTask(8, [requestCancelActivity(1)]),
    )
      .when(completeActivity("1"))
      .thenNothing();
  });
});

describe("StartTimer and CancelTimer", () => {
  it("starts a durable user timer", () => {
    given(...TASK_IN_FLIGHT)
      .when(completeTask(2, [startTimer(1, T0 + 60_000)]))
      .then({
        events: [
          completed(2, 3),
          { type: "TimerStarted", data: { seq: 1, fireAt: T0 + 60_000, timerId: "user/1" } },
        ],
        effects: [
          cancelTimerEffect("workflow-task/2/timeout"),
          startTimerEffect("user/1", T0 + 60_000),
        ],
      });
  });

  it("records the firing and wakes the workflow", () => {
    given(...afterFirstTask([startTimer(1, T0 + 60_000)]))
      .when(at(T0 + 60_000, timerFired("user/1")))
      .then({
        events: [
          { type: "TimerFired", data: { seq: 1, timerId: "user/1" } },
          { type: "WorkflowTaskScheduled", data: { attempt: 1 } },
        ],
        effects: [dispatchTask(7)],
      });
  });

  it("ignores the same timer fired twice, and timers it never started", () => {
    given(...afterFirstTask([startTimer(1, T0 + 60_000)]), at(T0 + 60_000, timerFired("user/1")))
      .when(at(T0 + 60_001, timerFired("user/1")))
      .thenNothing();
    given(...afterFirstTask([startTimer(1, T0 + 60_000)]))
      .when(timerFired("user/99"))
      .thenNothing();
  });

  it("cancels a pending timer", () => {
    given(...afterFirstTask([startTimer(1, T0 + 60_000)]), signal("wake"), taskStarted(7))
      .when(completeTask(7, [cancelTimer(1)]))
      .then({
        events: [completed(7, 8), { type: "TimerCancelled", data: { seq: 1, timerId: "user/1" } }],
        effects: [cancelTimerEffect("workflow-task/7/timeout"), cancelTimerEffect("user/1")],
      })
      .thenState((s) => expect(s).toMatchObject({ timers: {} }));
  });

  it("ignores the cancelled timer if it fires anyway", () => {
    given(
      ...afterFirstTask([startTimer(1, T0 + 60_000)]),
      signal("wake"),
      taskStarted(7),
      completeTask(7, [cancelTimer(1)]),
    )
      .when(at(T0 + 60_000, timerFired("user/1")))
      .thenNothing();
  });

  it("cancelling a timer that already fired records nothing for it", () => {
    given(
      ...afterFirstTask([startTimer(1, T0 + 50)]),
      at(T0 + 50, timerFired("user/1")),
      at(T0 + 51, taskStarted(7)),
    )
      .when(at(T0 + 52, completeTask(7, [cancelTimer(1)])))
      .then({ events: [completed(7, 8)], effects: [cancelTimerEffect("workflow-task/7/timeout")] });
  });

  it("starts and cancels a timer in the same task", () => {
    given(...TASK_IN_FLIGHT)
      .when(completeTask(2, [startTimer(1, T0 + 500), cancelTimer(1)]))
      .then({
        events: [
          completed(2, 3),
          { type: "TimerStarted", data: { seq: 1, fireAt: T0 + 500, timerId: "user/1" } },
          { type: "TimerCancelled", data: { seq: 1, timerId: "user/1" } },
        ],
        effects: [
          cancelTimerEffect("workflow-task/2/timeout"),
          startTimerEffect("user/1", T0 + 500),
          cancelTimerEffect("user/1"),
        ],
      });
  });
});

describe("StartChildWorkflow", () => {
  it("records the initiation and sends the child a start with ids derived from the call", () => {
    given(...TASK_IN_FLIGHT)
      .when(completeTask(2, [startChild(1, "child-1", { executionTimeoutMs: 5_000 })]))
      .then({
        events: [
          completed(2, 3),
          {
            type: "ChildWorkflowInitiated",
            data: {
              seq: 1,
              workflowId: "child-1",
              workflowType: "ship",
              input: { box: 1 },
              taskQueue: "main",
              parentClosePolicy: "terminate",
              executionTimeoutMs: 5_000,
            },
          },
        ],
        effects: [
          cancelTimerEffect("workflow-task/2/timeout"),
          sendCommand("child-1", {
            type: "StartWorkflow",
            data: {
              workflowId: "child-1",
              runId: `${RUN}.1`,
              requestId: `${RUN}.1`,
              workflowType: "ship",
              taskQueue: "main",
              input: { box: 1 },
              parent: { workflowId: WF, runId: RUN, seq: 1 },
              executionTimeoutMs: 5_000,
            },
          }),
        ],
      })
      .thenState((s) => {
        expect(s).toMatchObject({
          lastSeq: 1,
          children: {
            1: {
              seq: 1,
              workflowId: "child-1",
              workflowType: "ship",
              parentClosePolicy: "terminate",
              status: "initiated",
            },
          },
        });
      });
  });

  it("keeps an explicit parent-close policy", () => {
    const when = given(...TASK_IN_FLIGHT).when(
      completeTask(2, [startChild(1, "child-1", { parentClosePolicy: "abandon" })]),
    );
    expect(when.events[1]).toMatchObject({
      type: "ChildWorkflowInitiated",
      data: { parentClosePolicy: "abandon" },
    });
    expect(when.events[1].data).not.toHaveProperty("executionTimeoutMs");
  });
});

describe("SignalExternalWorkflow", () => {
  it("records the signal and sends it with a request id derived from the call", () => {
    given(...TASK_IN_FLIGHT)
      .when(completeTask(2, [signalExternal(1, "other-wf", "ping", { n: 1 })]))
      .then({
        events: [
          completed(2, 3),
          {
            type: "SignalExternalInitiated",
            data: {
              seq: 1,
              workflowId: "other-wf",
              signalName: "ping",
              input: { n: 1 },
              requestId: `${RUN}/signal/1`,
            },
          },
        ],
        effects: [
          cancelTimerEffect("workflow-task/2/timeout"),
          sendCommand("other-wf", {
            type: "SignalWorkflow",
            data: { signalName: "ping", input: { n: 1 }, requestId: `${RUN}/signal/1` },
          }),
        ],
      });
  });

  it("delivers the signal once even when the send is repeated", () => {
    given(
      start({ workflowId: "other-wf", runId: "o-run", requestId: "o-req" }),
      signal(`${RUN}/signal/1`, "ping", { n: 1 }),
    )
      .when(signal(`${RUN}/signal/1`, "ping", { n: 1 }))
      .thenNothing();
  });
});

describe("RecordMarker", () => {
  it("records markers and their sequence numbers", () => {
    given(...TASK_IN_FLIGHT)
      .when(completeTask(2, [recordMarker(1, 0.42), recordMarker(2, 3, "version")]))
      .then({
        events: [
          completed(2, 3),
          { type: "MarkerRecorded", data: { seq: 1, markerName: "side-effect", details: 0.42 } },
          { type: "MarkerRecorded", data: { seq: 2, markerName: "version", details: 3 } },
        ],
        effects: [cancelTimerEffect("workflow-task/2/timeout")],
      })
      .thenState((s) => expect(s).toMatchObject({ lastSeq: 2 }));
  });
});

describe("closing commands", () => {
  const CHILD_IN_FLIGHT = [start({ parent: PARENT }), taskStarted(2)];

  it("CompleteWorkflow closes the run and reports the result to the parent", () => {
    given(...CHILD_IN_FLIGHT)
      .when(at(T0 + 9, completeTask(2, [completeWorkflow({ ok: 1 })])))
      .then({
        events: [completed(2, 3), { type: "WorkflowCompleted", data: { result: { ok: 1 } } }],
        effects: [
          cancelTimerEffect("workflow-task/2/timeout"),
          reportToParent({ status: "completed", result: { ok: 1 } }),
        ],
      })
      .thenState((s) => {
        expect(s).toEqual({
          status: "completed",
          result: { ok: 1 },
          ...IDS,
          workflowType: "order",
          taskQueue: "main",
          input: { item: "book" },
          requestId: "req-1",
          startedAt: T0,
          taskTimeoutMs: 10_000,
          parent: PARENT,
          nextEventId: 6,
          closedAt: T0 + 9,
        });
      });
  });

  it("CompleteWorkflow after other commands applies them first", () => {
    const when = given(...TASK_IN_FLIGHT).when(
      completeTask(2, [recordMarker(1), completeWorkflow()]),
    );
    expect(when.events.map((e) => e.type)).toEqual([
      "WorkflowTaskCompleted",
      "MarkerRecorded",
      "WorkflowCompleted",
    ]);
  });

  it("FailWorkflow closes the run as failed and reports the failure", () => {
    given(...CHILD_IN_FLIGHT)
      .when(completeTask(2, [failWorkflow(BOOM)]))
      .then({
        events: [completed(2, 3), { type: "WorkflowFailed", data: { failure: BOOM } }],
        effects: [
          cancelTimerEffect("workflow-task/2/timeout"),
          reportToParent({ status: "failed", failure: BOOM }),
        ],
      })
      .thenState((s) => expect(s).toMatchObject({ status: "failed", failure: BOOM }));
  });

  it("CancelWorkflow after a cancel request closes the run as cancelled", () => {
    given(start({ parent: PARENT }), requestCancel(), taskStarted(2))
      .when(completeTask(2, [cancelWorkflow({ why: "asked" })]))
      .then({
        events: [
          completed(2, 4),
          { type: "WorkflowCancelled", data: { details: { why: "asked" } } },
        ],
        effects: [
          cancelTimerEffect("workflow-task/2/timeout"),
          reportToParent({ status: "cancelled" }),
        ],
      })
      .thenState((s) =>
        expect(s).toMatchObject({ status: "cancelled", details: { why: "asked" } }),
      );
  });

  it("CancelWorkflow without details records empty data", () => {
    const when = given(start(), requestCancel(), taskStarted(2)).when(
      completeTask(2, [cancelWorkflow()]),
    );
    expect(when.events[1]).toMatchObject({ type: "WorkflowCancelled", data: {} });
    expect(when.events[1].data).toEqual({});
  });

  it("a closing command stops the run's activities and children", () => {
    given(
      ...afterFirstTask([scheduleActivity(1), startChild(2, "child-1")]),
      signal("wake"),
      taskStarted(8),
    )
      .when(completeTask(8, [completeWorkflow()]))
      .then({
        events: [completed(8, 9), { type: "WorkflowCompleted", data: { result: "done" } }],
        effects: [
          cancelTimerEffect("workflow-task/8/timeout"),
          cancelActivityEffect("1"),
          sendCommand("child-1", {
            type: "TerminateWorkflow",
            data: { reason: `parent workflow ${WF} closed (completed)` },
          }),
        ],
      });
  });
});

describe("ContinueAsNew", () => {
  const LONG = [start({ parent: PARENT, executionTimeoutMs: 3_600_000 }), taskStarted(2)];
  const next: HistoryCommand = {
    type: "StartWorkflow",
    now: T0 + 1,
    data: {
      workflowId: WF,
      runId: "run-2",
      requestId: "run-2",
      workflowType: "order-v2",
      taskQueue: "main",
      input: { page: 2 },
      taskTimeoutMs: 10_000,
      continuedFromRunId: RUN,
      executionTimeoutMs: 3_600_000,
      parent: PARENT,
    },
  };

  it("closes the run and sends the start of the next one, carrying parent and limits", () => {
    given(...LONG)
      .when(completeTask(2, [continueAsNew({ page: 2 }, { workflowType: "order-v2" })], "run-2"))
      .then({
        events: [
          completed(2, 3),
          {
            type: "WorkflowContinuedAsNew",
            data: {
              newRunId: "run-2",
              input: { page: 2 },
              workflowType: "order-v2",
              taskQueue: "main",
            },
          },
        ],
        effects: [
          cancelTimerEffect("workflow-task/2/timeout"),
          cancelTimerEffect("workflow/timeout"),
          sendCommand(WF, { type: next.type, data: next.data } as typeof next),
        ],
      })
      .thenState((s) => expect(s).toMatchObject({ status: "continued-as-new", newRunId: "run-2" }));
  });

  it("the next run starts from that command, linked to the run it continues", () => {
    given(
      ...LONG,
      completeTask(2, [continueAsNew({ page: 2 }, { workflowType: "order-v2" })], "run-2"),
    )
      .when(next)
      .then({
        events: [
          {
            type: "WorkflowStarted",
            data: {
              workflowId: WF,
              runId: "run-2",
              workflowType: "order-v2",
              taskQueue: "main",
              input: { page: 2 },
              requestId: "run-2",
              taskTimeoutMs: 10_000,
              executionTimeoutMs: 3_600_000,
              parent: PARENT,
              continuedFromRunId: RUN,
            },
          },
          { type: "WorkflowTaskScheduled", data: { attempt: 1 } },
        ],
        effects: [
          startTimerEffect("workflow/timeout", T0 + 1 + 3_600_000, "run-2"),
          {
            type: "DispatchWorkflowTask",
            data: {
              workflowId: WF,
              runId: "run-2",
              workflowType: "order-v2",
              taskQueue: "main",
              scheduledEventId: 2,
              attempt: 1,
            },
          },
          sendCommand(PARENT.workflowId, {
            type: "ChildWorkflowStarted",
            data: { parentRunId: PARENT.runId, seq: PARENT.seq, workflowId: WF, runId: "run-2" },
          }),
        ],
      });
  });

  it("the next run's start is deduplicated if delivered twice", () => {
    given(...LONG, completeTask(2, [continueAsNew({ page: 2 })], "run-2"), next)
      .when(at(T0 + 2, next))
      .thenNothing();
  });

  it("defaults type and task queue to the current run's and sends no report to the parent", () => {
    const when = given(...LONG).when(completeTask(2, [continueAsNew([1])], "run-2"));
    expect(when.events[1].data).toEqual({
      newRunId: "run-2",
      input: [1],
      workflowType: "order",
      taskQueue: "main",
    });
    expect(
      when.effects.filter((e) => e.type === "SendCommand").map((e) => e.data.workflowId),
    ).toEqual([WF]);
  });
});
