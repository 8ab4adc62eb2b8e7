import type { WorkflowCommand } from "../src";
import {
  ACTIVITY_OPTIONS,
  BOOM,
  RUN,
  T0,
  TASK_IN_FLIGHT,
  afterFirstTask,
  at,
  cancelTimer,
  cancelTimerEffect,
  cancelWorkflow,
  completeActivity,
  completeTask,
  completeWorkflow,
  continueAsNew,
  dispatchTask,
  failTask,
  failWorkflow,
  recordMarker,
  requestCancel,
  requestCancelActivity,
  scheduleActivity,
  signal,
  signalExternal,
  start,
  startChild,
  startTimer,
  startTimerEffect,
  taskStarted,
  terminate,
  timerFired,
} from "./fixtures";
import { given } from "./given";

const IDLE = afterFirstTask([]);

describe("WorkflowTaskStarted", () => {
  it("records the start and arms the task timeout", () => {
    given(start())
      .when(at(T0 + 5, taskStarted(2)))
      .then({
        events: [
          { type: "WorkflowTaskStarted", data: { scheduledEventId: 2, identity: "worker-1" } },
        ],
        effects: [startTimerEffect("workflow-task/2/timeout", T0 + 5 + 10_000)],
      })
      .thenState((s) => {
        expect(s).toMatchObject({
          workflowTask: { status: "started", scheduledEventId: 2, startedEventId: 3, attempt: 1 },
        });
      });
  });

  it("uses the run's own task timeout", () => {
    given(start({ taskTimeoutMs: 3_000 }))
      .when(taskStarted(2))
      .then({ effects: [startTimerEffect("workflow-task/2/timeout", T0 + 3_000)] });
  });

  it("accepts a re-delivered start of the same task as a duplicate", () => {
    given(...TASK_IN_FLIGHT)
      .when(taskStarted(2, "worker-9"))
      .thenNothing();
  });

  it("rejects a task that is not the scheduled one: stale", () => {
    given(start()).when(taskStarted(7)).thenRejected("NOT_FOUND", "stale-workflow-task");
  });

  it("rejects a task that already completed: stale", () => {
    given(...IDLE)
      .when(taskStarted(2))
      .thenRejected("NOT_FOUND", "stale-workflow-task");
  });

  it("rejects on a closed or unknown workflow", () => {
    given(start(), terminate())
      .when(taskStarted(2))
      .thenRejected("FAILED_PRECONDITION", "workflow-closed");
    given().when(taskStarted(2)).thenRejected("NOT_FOUND", "workflow-not-found");
  });
});

describe("CompleteWorkflowTask", () => {
  it("records the completion and disarms the task timeout", () => {
    given(...TASK_IN_FLIGHT)
      .when(completeTask(2, []))
      .then({
        events: [
          {
            type: "WorkflowTaskCompleted",
            data: { scheduledEventId: 2, startedEventId: 3, identity: "worker-1" },
          },
        ],
        effects: [cancelTimerEffect("workflow-task/2/timeout")],
      })
      .thenState((s) => expect(s).toMatchObject({ workflowTask: { status: "none" }, timers: {} }));
  });

  it("rejects a completion for a task that is only scheduled, or already completed: stale", () => {
    given(start()).when(completeTask(2, [])).thenRejected("NOT_FOUND", "stale-workflow-task");
    given(...IDLE)
      .when(completeTask(2, []))
      .thenRejected("NOT_FOUND", "stale-workflow-task");
    given(...TASK_IN_FLIGHT)
      .when(completeTask(5, []))
      .thenRejected("NOT_FOUND", "stale-workflow-task");
  });

  it("rejects completing a task of a closed workflow (never throws)", () => {
    given(...TASK_IN_FLIGHT, terminate())
      .when(completeTask(2, [completeWorkflow()]))
      .thenRejected("FAILED_PRECONDITION", "workflow-closed");
  });

  it("rejects completing a task of an unknown workflow", () => {
    given().when(completeTask(2, [])).thenRejected("NOT_FOUND", "workflow-not-found");
  });

  describe("bad commands", () => {
    it("fails the task with cause bad-command, applies none of its commands and schedules a new task", () => {
      given(...TASK_IN_FLIGHT)
        .when(completeTask(2, [startTimer(1, T0 + 1_000), scheduleActivity(1)]))
        .then({
          events: [
            {
              type: "WorkflowTaskFailed",
              data: {
                scheduledEventId: 2,
                startedEventId: 3,
                cause: "bad-command",
                failure: {
                  type: "BadCommandError",
                  message:
                    "command 1 (ScheduleActivity) uses sequence number 1, but numbers must increase (last was 1)",
                  nonRetryable: true,
                },
              },
            },
            { type: "WorkflowTaskScheduled", data: { attempt: 2 } },
          ],
          effects: [cancelTimerEffect("workflow-task/2/timeout"), dispatchTask(5, 2)],
        })
        .thenState((s) => expect(s).toMatchObject({ lastSeq: 0, timers: {}, activities: {} }));
    });

    const afterOneTimer = [
      ...afterFirstTask([startTimer(1, T0 + 60_000)]),
      signal("wake"),
      taskStarted(7),
    ];

    it.each<[string, WorkflowCommand[], string]>([
      [
        "a closing command not last",
        [completeWorkflow(), startTimer(1, T0)],
        "closes the workflow but is not the last command",
      ],
      [
        "two closing commands",
        [completeWorkflow(), failWorkflow()],
        "closes the workflow but is not the last command",
      ],
      ["sequence number 0", [startTimer(0, T0)], "numbers must increase (last was 0)"],
      ["a fractional sequence number", [recordMarker(1.5)], "uses sequence number 1.5"],
      [
        "a repeated sequence number",
        [recordMarker(1), signalExternal(1, "other")],
        "uses sequence number 1",
      ],
      [
        "CancelWorkflow without a cancel request",
        [cancelWorkflow()],
        "can only end as cancelled after a cancel request",
      ],
      ["ContinueAsNew without a new run id", [continueAsNew({})], "needs a new run id"],
      [
        "an empty activity type",
        [scheduleActivity(1, ACTIVITY_OPTIONS, "")],
        "activityType is empty",
      ],
      [
        "an empty activity task queue",
        [scheduleActivity(1, { taskQueue: "" })],
        "options.taskQueue is empty",
      ],
      [
        "a zero activity timeout",
        [scheduleActivity(1, { taskQueue: "q", startToCloseTimeoutMs: 0 })],
        "options.startToCloseTimeoutMs must be > 0",
      ],
      [
        "a negative heartbeat timeout",
        [scheduleActivity(1, { taskQueue: "q", heartbeatTimeoutMs: -5 })],
        "options.heartbeatTimeoutMs must be > 0",
      ],
      [
        "a bad retry policy",
        [scheduleActivity(1, { taskQueue: "q", retry: { backoffCoefficient: 0.5 } })],
        "retry.backoffCoefficient must be >= 1",
      ],
      [
        "cancelling an activity never scheduled",
        [requestCancelActivity(3)],
        "which this run never scheduled",
      ],
      [
        "cancelling, as an activity, a timer started in the same task",
        [startTimer(1, T0 + 5), requestCancelActivity(1)],
        "which this run never scheduled",
      ],
      ["cancelling a timer never started", [cancelTimer(4)], "which was never started"],
      ["a timer with no time", [startTimer(1, Number.NaN)], "fireAt must be a time"],
      ["a child with no workflow id", [startChild(1, "")], "child workflowId is empty"],
      [
        "a child with no type",
        [startChild(1, "c", { workflowType: "" })],
        "child workflowType is empty",
      ],
      [
        "a child with no task queue",
        [startChild(1, "c", { taskQueue: "" })],
        "child taskQueue is empty",
      ],
      ["a signal with no target", [signalExternal(1, "")], "target workflowId is empty"],
      ["a signal with no name", [signalExternal(1, "other", "")], "signalName is empty"],
    ])("refuses %s", (_name, commands, problem) => {
      const when = given(...TASK_IN_FLIGHT).when(completeTask(2, commands));
      expect(when.events.map((e) => e.type)).toEqual([
        "WorkflowTaskFailed",
        "WorkflowTaskScheduled",
      ]);
      expect(when.events[0].data).toEqual({
        scheduledEventId: 2,
        startedEventId: 3,
        cause: "bad-command",
        failure: {
          type: "BadCommandError",
          message: expect.stringContaining(problem),
          nonRetryable: true,
        },
      });
    });

    it("refuses continue-as-new onto the current run id, which would be lost as a duplicate start", () => {
      const when = given(...TASK_IN_FLIGHT).when(completeTask(2, [continueAsNew({})], "run-1"));
      expect(when.events[0]).toMatchObject({
        type: "WorkflowTaskFailed",
        data: { cause: "bad-command", failure: { message: expect.stringContaining("must differ from the current run") } },
      });
    });

    it("refuses reusing, as an activity, the sequence number of an earlier timer", () => {
      const when = given(...afterOneTimer).when(completeTask(7, [requestCancelActivity(1)]));
      expect(when.events[0]).toMatchObject({
        type: "WorkflowTaskFailed",
        data: { cause: "bad-command" },
      });
    });

    it("backs off like any failure, so a workflow that keeps sending bad commands does not spin", () => {
      const bad = [startTimer(0, T0)];
      given(...TASK_IN_FLIGHT, completeTask(2, bad), taskStarted(5))
        .when(at(T0 + 7, completeTask(5, bad)))
        .then({
          events: [
            {
              type: "WorkflowTaskFailed",
              data: {
                scheduledEventId: 5,
                startedEventId: 6,
                cause: "bad-command",
                failure: expect.objectContaining({ type: "BadCommandError" }),
              },
            },
          ],
          effects: [
            cancelTimerEffect("workflow-task/5/timeout"),
            startTimerEffect("workflow-task/retry/7", T0 + 7 + 1_000),
          ],
        });
    });
  });

  describe("a signal that arrived while the task ran", () => {
    it.each<[string, WorkflowCommand[], string | undefined]>([
      ["CompleteWorkflow", [completeWorkflow()], undefined],
      ["FailWorkflow", [recordMarker(1), failWorkflow()], undefined],
      ["ContinueAsNew", [continueAsNew({ page: 2 })], "run-2"],
    ])(
      "fails a task that closes with %s (cause unhandled-signal) and runs the workflow again at attempt 1",
      (_n, commands, newRunId) => {
        given(...TASK_IN_FLIGHT, signal("sig-1"))
          .when(completeTask(2, commands, newRunId))
          .then({
            events: [
              {
                type: "WorkflowTaskFailed",
                data: {
                  scheduledEventId: 2,
                  startedEventId: 3,
                  cause: "unhandled-signal",
                  failure: {
                    type: "UnhandledSignalError",
                    message: expect.stringContaining("signal arrived"),
                  },
                },
              },
              { type: "WorkflowTaskScheduled", data: { attempt: 1 } },
            ],
            effects: [cancelTimerEffect("workflow-task/2/timeout"), dispatchTask(6, 1)],
          })
          .thenState((s) => expect(s).toMatchObject({ status: "running", lastSeq: 0 }));
      },
    );

    it("blocks CancelWorkflow too", () => {
      const when = given(start(), requestCancel(), taskStarted(2), signal("sig-1")).when(
        completeTask(2, [cancelWorkflow()]),
      );
      expect(when.events.map((e) => e.type)).toEqual([
        "WorkflowTaskFailed",
        "WorkflowTaskScheduled",
      ]);
      expect(when.events[0].data).toMatchObject({ cause: "unhandled-signal" });
    });

    it("resets the attempt count even when the task was a retry", () => {
      const when = given(...TASK_IN_FLIGHT, failTask(2), taskStarted(5), signal("sig-1")).when(
        completeTask(5, [completeWorkflow()]),
      );
      expect(when.events.map((e) => [e.type, e.data])).toEqual([
        ["WorkflowTaskFailed", expect.objectContaining({ cause: "unhandled-signal" })],
        ["WorkflowTaskScheduled", { attempt: 1 }],
      ]);
    });

    it("does not block a task that keeps the workflow open; a new task follows", () => {
      given(...TASK_IN_FLIGHT, signal("sig-1"))
        .when(completeTask(2, [startTimer(1, T0 + 100)]))
        .then({
          events: [
            {
              type: "WorkflowTaskCompleted",
              data: { scheduledEventId: 2, startedEventId: 3, identity: "worker-1" },
            },
            { type: "TimerStarted", data: { seq: 1, fireAt: T0 + 100, timerId: "user/1" } },
            { type: "WorkflowTaskScheduled", data: { attempt: 1 } },
          ],
          effects: [
            cancelTimerEffect("workflow-task/2/timeout"),
            startTimerEffect("user/1", T0 + 100),
            dispatchTask(7),
          ],
        });
    });

    it("does not block when the signal came before the task started: the task saw it", () => {
      given(start(), signal("sig-1"), taskStarted(2))
        .when(completeTask(2, [completeWorkflow()]))
        .then({
          events: [
            {
              type: "WorkflowTaskCompleted",
              data: { scheduledEventId: 2, startedEventId: 4, identity: "worker-1" },
            },
            { type: "WorkflowCompleted", data: { result: "done" } },
          ],
        });
    });

    it("does not block on other events: a workflow may complete past a timer that just fired", () => {
      const when = given(
        ...afterFirstTask([startTimer(1, T0 + 50)]),
        signal("wake"),
        taskStarted(7),
        at(T0 + 50, timerFired("user/1")),
      ).when(at(T0 + 60, completeTask(7, [completeWorkflow()])));
      expect(when.events.map((e) => e.type)).toEqual([
        "WorkflowTaskCompleted",
        "WorkflowCompleted",
      ]);
    });
  });

  describe("events that arrive while the task runs", () => {
    it.each([
      ["a signal", signal("sig-1")],
      ["a cancel request", requestCancel()],
    ])("%s: a new task is scheduled after the completion", (_n, arriving) => {
      given(...TASK_IN_FLIGHT, arriving)
        .when(completeTask(2, []))
        .then({
          events: [
            {
              type: "WorkflowTaskCompleted",
              data: { scheduledEventId: 2, startedEventId: 3, identity: "worker-1" },
            },
            { type: "WorkflowTaskScheduled", data: { attempt: 1 } },
          ],
          effects: [cancelTimerEffect("workflow-task/2/timeout"), dispatchTask(6)],
        })
        .thenState((s) => expect(s).toMatchObject({ unseenEvents: false, unseenSignals: false }));
    });

    it("an activity result: a new task is scheduled after the completion", () => {
      // events: 5 ActivityTaskScheduled, 6 SignalReceived, 7 WorkflowTaskScheduled, 8 started,
      // 9-10 the activity's (implied) start and completion while task 7 runs
      given(
        ...afterFirstTask([scheduleActivity(1)]),
        signal("wake"),
        taskStarted(7),
        completeActivity("1"),
      )
        .when(completeTask(7, []))
        .then({
          events: [
            {
              type: "WorkflowTaskCompleted",
              data: { scheduledEventId: 7, startedEventId: 8, identity: "worker-1" },
            },
            { type: "WorkflowTaskScheduled", data: { attempt: 1 } },
          ],
          effects: [cancelTimerEffect("workflow-task/7/timeout"), dispatchTask(12)],
        });
    });

    it("a user timer fired: a new task is scheduled after the completion, even if it cancels that timer", () => {
      given(
        ...afterFirstTask([startTimer(1, T0 + 1_000)]),
        signal("wake"),
        taskStarted(7),
        at(T0 + 1_000, timerFired("user/1")),
      )
        .when(at(T0 + 1_001, completeTask(7, [cancelTimer(1)])))
        .then({
          events: [
            {
              type: "WorkflowTaskCompleted",
              data: { scheduledEventId: 7, startedEventId: 8, identity: "worker-1" },
            },
            { type: "WorkflowTaskScheduled", data: { attempt: 1 } },
          ],
          effects: [cancelTimerEffect("workflow-task/7/timeout"), dispatchTask(11)],
        });
    });

    it("an activity failure that will be retried is not news to the workflow: no new task", () => {
      const retrying = { taskQueue: "acts", retry: { initialIntervalMs: 1_000 } };
      given(...afterFirstTask([scheduleActivity(1, retrying)]), signal("wake"), taskStarted(7), {
        type: "FailActivityTask",
        now: T0,
        data: { runId: RUN, activityId: "1", attempt: 1, failure: BOOM },
      })
        .when(completeTask(7, []))
        .then({
          events: [
            {
              type: "WorkflowTaskCompleted",
              data: { scheduledEventId: 7, startedEventId: 8, identity: "worker-1" },
            },
          ],
          effects: [cancelTimerEffect("workflow-task/7/timeout")],
        });
    });
  });
});

describe("FailWorkflowTask", () => {
  it("records the failure and reschedules attempt 2 at once", () => {
    given(...TASK_IN_FLIGHT)
      .when(failTask(2))
      .then({
        events: [
          {
            type: "WorkflowTaskFailed",
            data: {
              scheduledEventId: 2,
              startedEventId: 3,
              cause: "worker-failure",
              failure: BOOM,
            },
          },
          { type: "WorkflowTaskScheduled", data: { attempt: 2 } },
        ],
        effects: [cancelTimerEffect("workflow-task/2/timeout"), dispatchTask(5, 2)],
      });
  });

  /** Attempts 1 and 2 failed; attempt 3 waits for a retry timer. */
  const BACKOFF = [...TASK_IN_FLIGHT, failTask(2), taskStarted(5), at(T0 + 50, failTask(5))];

  it("backs off from attempt 3: the task waits for a workflow-task-retry timer", () => {
    given(...TASK_IN_FLIGHT, failTask(2), taskStarted(5))
      .when(at(T0 + 50, failTask(5)))
      .then({
        events: [
          {
            type: "WorkflowTaskFailed",
            data: {
              scheduledEventId: 5,
              startedEventId: 6,
              cause: "worker-failure",
              failure: BOOM,
            },
          },
        ],
        effects: [
          cancelTimerEffect("workflow-task/5/timeout"),
          startTimerEffect("workflow-task/retry/7", T0 + 1_050),
        ],
      })
      .thenState((s) =>
        expect(s).toMatchObject({ workflowTask: { status: "backoff", attempt: 3 } }),
      );
  });

  it("schedules attempt 3 when the retry timer fires", () => {
    given(...BACKOFF)
      .when(at(T0 + 1_050, timerFired("workflow-task/retry/7")))
      .then({
        events: [{ type: "WorkflowTaskScheduled", data: { attempt: 3 } }],
        effects: [dispatchTask(8, 3)],
      });
  });

  it("ignores the retry timer delivered twice", () => {
    given(...BACKOFF, at(T0 + 1_050, timerFired("workflow-task/retry/7")))
      .when(at(T0 + 1_051, timerFired("workflow-task/retry/7")))
      .thenNothing();
  });

  it("doubles the backoff for attempt 4", () => {
    given(
      ...BACKOFF,
      at(T0 + 1_050, timerFired("workflow-task/retry/7")),
      at(T0 + 1_060, taskStarted(8)),
    )
      .when(at(T0 + 2_000, failTask(8)))
      .then({
        events: [
          {
            type: "WorkflowTaskFailed",
            data: {
              scheduledEventId: 8,
              startedEventId: 9,
              cause: "worker-failure",
              failure: BOOM,
            },
          },
        ],
        effects: [
          cancelTimerEffect("workflow-task/8/timeout"),
          startTimerEffect("workflow-task/retry/10", T0 + 4_000),
        ],
      });
  });

  it("ignores a late duplicate of an earlier retry timer during a later backoff", () => {
    given(
      ...BACKOFF,
      at(T0 + 1_050, timerFired("workflow-task/retry/7")),
      at(T0 + 1_060, taskStarted(8)),
      at(T0 + 2_000, failTask(8)),
    )
      .when(at(T0 + 2_001, timerFired("workflow-task/retry/7")))
      .thenNothing()
      .thenState((s) => expect(s).toMatchObject({ workflowTask: { status: "backoff", attempt: 4 } }));
  });

  it("does not schedule a task for a signal during the backoff; the retry will see it", () => {
    given(...BACKOFF)
      .when(at(T0 + 60, signal("sig-1")))
      .then({
        events: [
          {
            type: "SignalReceived",
            data: { signalName: "approve", input: { by: "ann" }, requestId: "sig-1" },
          },
        ],
        effects: [],
      });
  });

  it("starts counting again at attempt 1 after a task succeeds", () => {
    given(
      ...BACKOFF,
      at(T0 + 1_050, timerFired("workflow-task/retry/7")),
      at(T0 + 1_060, taskStarted(8)),
      at(T0 + 1_070, completeTask(8, [])),
    )
      .when(at(T0 + 1_080, signal("sig-1")))
      .then({
        events: [
          {
            type: "SignalReceived",
            data: { signalName: "approve", input: { by: "ann" }, requestId: "sig-1" },
          },
          { type: "WorkflowTaskScheduled", data: { attempt: 1 } },
        ],
      });
  });

  it("rejects failing a stale task", () => {
    given(...IDLE)
      .when(failTask(2))
      .thenRejected("NOT_FOUND", "stale-workflow-task");
    given(...BACKOFF)
      .when(failTask(5))
      .thenRejected("NOT_FOUND", "stale-workflow-task");
  });

  it("rejects failing a task of a closed workflow", () => {
    given(...TASK_IN_FLIGHT, terminate())
      .when(failTask(2))
      .thenRejected("FAILED_PRECONDITION", "workflow-closed");
  });
});

describe("workflow task timeout", () => {
  it("times the started task out and reschedules it", () => {
    given(...TASK_IN_FLIGHT)
      .when(at(T0 + 10_000, timerFired("workflow-task/2/timeout")))
      .then({
        events: [
          { type: "WorkflowTaskTimedOut", data: { scheduledEventId: 2, startedEventId: 3 } },
          { type: "WorkflowTaskScheduled", data: { attempt: 2 } },
        ],
        effects: [dispatchTask(5, 2)],
      });
  });

  it("backs off when the timed-out task was attempt 2", () => {
    given(
      ...TASK_IN_FLIGHT,
      at(T0 + 10_000, timerFired("workflow-task/2/timeout")),
      at(T0 + 10_001, taskStarted(5)),
    )
      .when(at(T0 + 20_001, timerFired("workflow-task/5/timeout")))
      .then({
        events: [
          { type: "WorkflowTaskTimedOut", data: { scheduledEventId: 5, startedEventId: 6 } },
        ],
        effects: [startTimerEffect("workflow-task/retry/7", T0 + 21_001)],
      });
  });

  it("rejects the late completion of a timed-out task: stale", () => {
    given(...TASK_IN_FLIGHT, at(T0 + 10_000, timerFired("workflow-task/2/timeout")))
      .when(at(T0 + 10_005, completeTask(2, [completeWorkflow()])))
      .thenRejected("NOT_FOUND", "stale-workflow-task");
  });

  it("ignores the timeout of a task that already completed", () => {
    given(...IDLE)
      .when(at(T0 + 10_000, timerFired("workflow-task/2/timeout")))
      .thenNothing();
  });
});
