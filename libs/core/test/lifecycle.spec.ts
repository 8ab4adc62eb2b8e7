import type { HistoryCommand, HistoryEventBody, IdReusePolicy } from "../src";

type EventBody<T extends HistoryEventBody["type"]> = Extract<HistoryEventBody, { type: T }>;
import {
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
  cancelTimerEffect,
  completeTask,
  completeWorkflow,
  dispatchTask,
  failActivity,
  failWorkflow,
  reportToParent,
  requestCancel,
  scheduleActivity,
  sendCommand,
  signal,
  start,
  startChild,
  startTimer,
  startTimerEffect,
  taskStarted,
  terminate,
  childStarted,
  timerFired,
} from "./fixtures";
import { given } from "./given";

/** A run with no workflow task pending: its first task completed with no commands (events 1-4). */
const IDLE = afterFirstTask([]);

const COMPLETED = afterFirstTask([completeWorkflow()]);
const FAILED = afterFirstTask([failWorkflow()]);
const TERMINATED = [start(), terminate()];

/** A second start for the same workflow id, with a new run and request id. */
function restart(
  idReusePolicy?: IdReusePolicy,
  over: Parameters<typeof start>[0] = {},
): HistoryCommand {
  return at(
    T0 + 1_000,
    start({
      runId: "run-2",
      requestId: "req-2",
      ...(idReusePolicy ? { idReusePolicy } : {}),
      ...over,
    }),
  );
}

const RUN_2 = { workflowId: WF, runId: "run-2" };

describe("StartWorkflow", () => {
  it("starts a fresh run and schedules its first workflow task", () => {
    given()
      .when(start())
      .then({
        events: [
          {
            type: "WorkflowStarted",
            data: {
              workflowId: WF,
              runId: RUN,
              workflowType: "order",
              taskQueue: "main",
              input: { item: "book" },
              requestId: "req-1",
              taskTimeoutMs: 10_000,
            },
          },
          { type: "WorkflowTaskScheduled", data: { attempt: 1 } },
        ],
        effects: [dispatchTask(2)],
      })
      .thenState((s) => {
        expect(s).toMatchObject({
          status: "running",
          ...IDS,
          startedAt: T0,
          nextEventId: 3,
          workflowTask: { status: "scheduled", scheduledEventId: 2, attempt: 1 },
          cancelRequested: false,
          lastSeq: 0,
        });
      });
  });

  it("arms the execution timeout, keeps the task timeout and tells the parent the child started", () => {
    given()
      .when(start({ executionTimeoutMs: 60_000, taskTimeoutMs: 5_000, parent: PARENT }))
      .then({
        events: [
          {
            type: "WorkflowStarted",
            data: {
              workflowId: WF,
              runId: RUN,
              workflowType: "order",
              taskQueue: "main",
              input: { item: "book" },
              requestId: "req-1",
              taskTimeoutMs: 5_000,
              executionTimeoutMs: 60_000,
              parent: PARENT,
            },
          },
          { type: "WorkflowTaskScheduled", data: { attempt: 1 } },
        ],
        effects: [
          startTimerEffect("workflow/timeout", T0 + 60_000),
          dispatchTask(2),
          sendCommand(PARENT.workflowId, {
            type: "ChildWorkflowStarted",
            data: { parentRunId: PARENT.runId, seq: PARENT.seq, workflowId: WF, runId: RUN },
          }),
        ],
      });
  });

  it("treats a retry with the same request id as a duplicate: no events, no effects", () => {
    given(start())
      .when(at(T0 + 5, start({ runId: "run-retry" })))
      .thenNothing();
  });

  it("refuses the same request id carrying a different start: ALREADY_EXISTS", () => {
    given(start()).when(start({ input: { item: "lamp" } })).thenRejected("ALREADY_EXISTS", "request-id-reused");
    given(start()).when(start({ workflowType: "refund" })).thenRejected("ALREADY_EXISTS", "request-id-reused");
    given(...COMPLETED).when(start({ taskQueue: "other" })).thenRejected("ALREADY_EXISTS", "request-id-reused");
  });

  it("treats a retry with the same run id as a duplicate", () => {
    given(start())
      .when(start({ requestId: "req-retry" }))
      .thenNothing();
  });

  it("treats a retried start of a run that has since closed as a duplicate too", () => {
    given(...COMPLETED)
      .when(start())
      .thenNothing();
  });

  it("refuses a second run while one is running: ALREADY_EXISTS", () => {
    given(start()).when(restart()).thenRejected("ALREADY_EXISTS", "workflow-already-running");
  });

  it("refuses even with allow-duplicate while the run is still running", () => {
    given(start())
      .when(restart("allow-duplicate"))
      .thenRejected("ALREADY_EXISTS", "workflow-already-running");
  });

  describe("id reuse policy on a closed run", () => {
    const run2Started: EventBody<"WorkflowStarted"> = {
      type: "WorkflowStarted",
      data: {
        workflowId: WF,
        runId: "run-2",
        workflowType: "order",
        taskQueue: "main",
        input: { item: "book" },
        requestId: "req-2",
        taskTimeoutMs: 10_000,
      },
    };
    const newRun = {
      events: [
        run2Started,
        { type: "WorkflowTaskScheduled", data: { attempt: 1 } },
      ] satisfies HistoryEventBody[],
      effects: [dispatchTask(2, 1, RUN_2)],
    };

    it.each([
      ["completed", undefined, COMPLETED],
      ["completed", "allow-duplicate", COMPLETED],
      ["failed", "allow-duplicate", FAILED],
      ["terminated", "allow-duplicate", TERMINATED],
      ["failed", "allow-duplicate-failed-only", FAILED],
      ["terminated", "allow-duplicate-failed-only", TERMINATED],
    ] as const)(
      "a %s run accepts a new run under policy %s, numbering its history from 1",
      (_status, policy, history) => {
        given(...history)
          .when(restart(policy))
          .then(newRun)
          .thenState((s) => {
            expect(s).toMatchObject({
              status: "running",
              runId: "run-2",
              nextEventId: 3,
              startedAt: T0 + 1_000,
            });
          });
      },
    );

    it.each([
      ["completed", "allow-duplicate-failed-only", COMPLETED],
      ["completed", "reject-duplicate", COMPLETED],
      ["failed", "reject-duplicate", FAILED],
      ["terminated", "reject-duplicate", TERMINATED],
    ] as const)(
      "a %s run refuses a new run under %s: ALREADY_EXISTS",
      (_status, policy, history) => {
        given(...history)
          .when(restart(policy))
          .thenRejected("ALREADY_EXISTS", "workflow-id-reuse-rejected");
      },
    );

    it("always lets the run a closed run continued into start, whatever the policy", () => {
      given(...COMPLETED)
        .when(restart("reject-duplicate", { continuedFromRunId: RUN }))
        .then({
          events: [
            { ...run2Started, data: { ...run2Started.data, continuedFromRunId: RUN } },
            { type: "WorkflowTaskScheduled", data: { attempt: 1 } },
          ],
          effects: newRun.effects,
        });
    });
  });

  describe("a child start that cannot happen", () => {
    const childStart = (over: Parameters<typeof start>[0] = {}) =>
      start({ runId: "parent-run.9", requestId: "parent-run.9", parent: PARENT, ...over });

    it("is reported to the parent as a failed child instead of rejected", () => {
      given(start())
        .when(childStart())
        .then({
          events: [],
          effects: [
            sendCommand(PARENT.workflowId, {
              type: "ChildWorkflowClosed",
              data: {
                parentRunId: PARENT.runId,
                seq: PARENT.seq,
                workflowId: WF,
                outcome: {
                  status: "failed",
                  failure: {
                    type: "WorkflowAlreadyStartedError",
                    message: expect.stringContaining(`Workflow ${WF} is already running`),
                    nonRetryable: true,
                  },
                },
              },
            }),
          ],
        })
        .thenState((s) => expect(s.status).toBe("running"));
    });

    it("is reported when the id reuse policy refuses it", () => {
      const when = given(...COMPLETED).when(childStart({ idReusePolicy: "reject-duplicate" }));
      expect(when.events).toEqual([]);
      expect(when.effects).toEqual([
        sendCommand(PARENT.workflowId, {
          type: "ChildWorkflowClosed",
          data: {
            parentRunId: PARENT.runId,
            seq: PARENT.seq,
            workflowId: WF,
            outcome: {
              status: "failed",
              failure: {
                type: "WorkflowAlreadyStartedError",
                message: expect.stringContaining("reject-duplicate"),
                nonRetryable: true,
              },
            },
          },
        }),
      ]);
    });

    it("is silent when it is a re-sent start of the child that is already running", () => {
      given(childStart())
        .when(at(T0 + 3, childStart()))
        .thenNothing();
    });
  });
});

describe("SignalWorkflow", () => {
  it("records the signal; the task already scheduled will see it", () => {
    given(start())
      .when(signal("sig-1"))
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

  it("schedules a workflow task when none is pending", () => {
    given(...IDLE)
      .when(signal("sig-1"))
      .then({
        events: [
          {
            type: "SignalReceived",
            data: { signalName: "approve", input: { by: "ann" }, requestId: "sig-1" },
          },
          { type: "WorkflowTaskScheduled", data: { attempt: 1 } },
        ],
        effects: [dispatchTask(6)],
      });
  });

  it("dedupes by request id: a seen request id yields no events", () => {
    given(start(), signal("sig-1"))
      .when(signal("sig-1", "other-name", 99))
      .thenNothing();
  });

  it("records the same signal name again under a new request id", () => {
    given(start(), signal("sig-1"))
      .when(signal("sig-2"))
      .then({
        events: [
          {
            type: "SignalReceived",
            data: { signalName: "approve", input: { by: "ann" }, requestId: "sig-2" },
          },
        ],
      });
  });

  it("rejects a signal to a closed run: FAILED_PRECONDITION", () => {
    given(...TERMINATED)
      .when(signal("sig-1"))
      .thenRejected("FAILED_PRECONDITION", "workflow-closed");
  });

  it("rejects a signal to an unknown workflow: NOT_FOUND", () => {
    given().when(signal("sig-1")).thenRejected("NOT_FOUND", "workflow-not-found");
  });
});

describe("RequestCancelWorkflow", () => {
  it("records the request and wakes the workflow", () => {
    given(...IDLE)
      .when(requestCancel())
      .then({
        events: [
          {
            type: "WorkflowCancelRequested",
            data: { reason: "user asked", requestId: "cancel-1" },
          },
          { type: "WorkflowTaskScheduled", data: { attempt: 1 } },
        ],
        effects: [dispatchTask(6)],
      })
      .thenState((s) => expect(s).toMatchObject({ status: "running", cancelRequested: true }));
  });

  it("does not schedule a second task when one is already in flight", () => {
    given(...TASK_IN_FLIGHT)
      .when(requestCancel())
      .then({
        events: [
          {
            type: "WorkflowCancelRequested",
            data: { reason: "user asked", requestId: "cancel-1" },
          },
        ],
        effects: [],
      })
      .thenState((s) => expect(s).toMatchObject({ unseenEvents: true, unseenSignals: false }));
  });

  it("accepts a second request as a duplicate, whatever its request id", () => {
    given(...IDLE, requestCancel())
      .when(requestCancel())
      .thenNothing();
    given(...IDLE, requestCancel())
      .when(requestCancel("cancel-2", "again"))
      .thenNothing();
  });

  it("rejects cancelling a closed or unknown workflow", () => {
    given(...COMPLETED)
      .when(requestCancel())
      .thenRejected("FAILED_PRECONDITION", "workflow-closed");
    given().when(requestCancel()).thenRejected("NOT_FOUND", "workflow-not-found");
  });
});

describe("TerminateWorkflow", () => {
  /**
   * A run with a parent, three activities (started, scheduled, in retry backoff), a user timer and
   * three children, one per parent-close policy.
   */
  const BUSY = [
    start({ parent: PARENT }),
    taskStarted(2),
    completeTask(2, [
      scheduleActivity(1, { taskQueue: "acts", startToCloseTimeoutMs: 30_000 }),
      scheduleActivity(2),
      scheduleActivity(3, { taskQueue: "acts", retry: { initialIntervalMs: 5_000 } }),
      startTimer(4, T0 + 60_000),
      startChild(5, "child-a"),
      startChild(6, "child-b", { parentClosePolicy: "request-cancel" }),
      startChild(7, "child-c", { parentClosePolicy: "abandon" }),
    ]),
    activityStarted("1"),
    activityStarted("3"),
    failActivity("3"),
    childStarted(5, "child-a", "child-a-run"),
  ];

  it("closes the run and emits every close effect", () => {
    const reason = `parent workflow ${WF} closed (terminated)`;
    given(...BUSY)
      .when(at(T0 + 100, terminate("ops")))
      .then({
        events: [{ type: "WorkflowTerminated", data: { reason: "ops" } }],
        effects: [
          // every pending timer of the run is cancelled
          cancelTimerEffect("user/4"),
          cancelTimerEffect("activity/1/1/start-to-close"),
          cancelTimerEffect("activity/3/2/retry"),
          // activities with a task in matching or on a worker; the one in backoff has neither
          cancelActivityEffect("1"),
          cancelActivityEffect("2"),
          // parent-close policies: terminate, request-cancel, abandon (nothing)
          sendCommand("child-a", { type: "TerminateWorkflow", data: { reason } }),
          sendCommand("child-b", {
            type: "RequestCancelWorkflow",
            data: { reason, requestId: `${RUN}/close/6` },
          }),
          reportToParent({ status: "terminated", reason: "ops" }),
        ],
      })
      .thenState((s) => {
        expect(s).toEqual({
          status: "terminated",
          reason: "ops",
          ...IDS,
          workflowType: "order",
          taskQueue: "main",
          input: { item: "book" },
          requestId: "req-1",
          startedAt: T0,
          taskTimeoutMs: 10_000,
          parent: PARENT,
          nextEventId: 17,
          closedAt: T0 + 100,
        });
      });
  });

  it("terminates a bare run with just the close event", () => {
    given(start())
      .when(terminate())
      .then({ events: [{ type: "WorkflowTerminated", data: { reason: "ops" } }], effects: [] });
  });

  it("rejects terminating a closed or unknown workflow", () => {
    given(...TERMINATED)
      .when(terminate())
      .thenRejected("FAILED_PRECONDITION", "workflow-closed");
    given().when(terminate()).thenRejected("NOT_FOUND", "workflow-not-found");
  });
});

describe("workflow execution timeout", () => {
  const TIMED = [start({ executionTimeoutMs: 60_000, parent: PARENT }), taskStarted(2)];

  it("times the run out when its timer fires, cancelling the rest and telling the parent", () => {
    given(...TIMED)
      .when(at(T0 + 60_000, timerFired("workflow/timeout")))
      .then({
        events: [{ type: "WorkflowTimedOut", data: {} }],
        effects: [
          cancelTimerEffect("workflow-task/2/timeout"),
          reportToParent({ status: "timed-out" }),
        ],
      })
      .thenState((s) => expect(s).toMatchObject({ status: "timed-out", closedAt: T0 + 60_000 }));
  });

  it("ignores the timer delivered again after the run closed", () => {
    given(...TIMED, at(T0 + 60_000, timerFired("workflow/timeout")))
      .when(at(T0 + 60_001, timerFired("workflow/timeout")))
      .thenNothing();
  });

  it("completing the run cancels its execution timeout timer", () => {
    given(start({ executionTimeoutMs: 60_000 }), taskStarted(2))
      .when(at(T0 + 5, completeTask(2, [completeWorkflow()])))
      .then({
        effects: [
          cancelTimerEffect("workflow-task/2/timeout"),
          cancelTimerEffect("workflow/timeout"),
        ],
      });
  });
});
