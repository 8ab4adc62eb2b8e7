import { EventTimeline, TIMELINE_TYPE_WIDTH, formatOffset, formatPayload } from "@eventual/cli";
import type { HistoryEvent, HistoryEventBody, HistoryEventType } from "@eventual/core";
import { T0, eventsOf } from "./fixtures/fake-gateway";

const failure = {
  type: "ApplicationError",
  message: "card declined",
  cause: { type: "HttpError", message: "402" },
};

/**
 * One sample per event type. A mapped type, so adding a type to the core's union fails this
 * file's typecheck until it has a sample, and the test below then demands a summary for it.
 */
const SAMPLES: { [K in HistoryEventType]: Extract<HistoryEventBody, { type: K }>["data"] } = {
  WorkflowStarted: {
    workflowId: "greet-ana",
    runId: "run-1",
    workflowType: "greeter",
    taskQueue: "main",
    input: "ana",
    requestId: "req-1",
    taskTimeoutMs: 10_000,
  },
  WorkflowCompleted: { result: ["hello ana (1)", "hello ana (2)"] },
  WorkflowFailed: { failure },
  WorkflowCancelled: { details: { by: "ops" } },
  WorkflowTerminated: { reason: "stuck on a bad deploy" },
  WorkflowTimedOut: {},
  WorkflowContinuedAsNew: {
    newRunId: "run-2",
    input: 3,
    workflowType: "greeter",
    taskQueue: "main",
  },
  WorkflowCancelRequested: { reason: "not needed", requestId: "req-2" },
  WorkflowTaskScheduled: { attempt: 1 },
  WorkflowTaskStarted: { scheduledEventId: 2, identity: "worker-1@host" },
  WorkflowTaskCompleted: { scheduledEventId: 2, startedEventId: 3, identity: "worker-1@host" },
  WorkflowTaskFailed: { scheduledEventId: 2, startedEventId: 3, cause: "worker-failure", failure },
  WorkflowTaskTimedOut: { scheduledEventId: 2, startedEventId: 3 },
  ActivityTaskScheduled: {
    seq: 2,
    activityId: "a2",
    activityType: "greet",
    input: ["ana", 1],
    options: { taskQueue: "main" },
    attempt: 1,
  },
  ActivityTaskStarted: { activityId: "a2", attempt: 1, identity: "worker-1@host" },
  ActivityTaskCompleted: { seq: 2, activityId: "a2", attempt: 1, result: "hello ana (1)" },
  ActivityTaskFailed: { seq: 2, activityId: "a2", attempt: 1, failure, nextAttemptAt: T0 + 2_000 },
  ActivityTaskTimedOut: { seq: 2, activityId: "a2", attempt: 2, timeoutType: "start-to-close" },
  ActivityTaskCancelRequested: { seq: 2, activityId: "a2" },
  ActivityTaskCancelled: { seq: 2, activityId: "a2" },
  TimerStarted: { seq: 1, timerId: "user/1", fireAt: T0 + 50 },
  TimerFired: { seq: 1, timerId: "user/1" },
  TimerCancelled: { seq: 1, timerId: "user/1" },
  SignalReceived: { signalName: "go", input: { by: "ben" }, requestId: "req-3" },
  SignalExternalInitiated: {
    seq: 3,
    workflowId: "other",
    signalName: "go",
    input: { by: "me" },
    requestId: "req-4",
  },
  ChildWorkflowInitiated: {
    seq: 4,
    workflowId: "order-9/price",
    workflowType: "priceOrder",
    input: [{ sku: "tea", qty: 2 }],
    taskQueue: "main",
    parentClosePolicy: "terminate",
  },
  ChildWorkflowStarted: { seq: 4, workflowId: "order-9/price", runId: "run-c" },
  ChildWorkflowCompleted: {
    seq: 4,
    workflowId: "order-9/price",
    runId: "run-c",
    result: { total: 6 },
  },
  ChildWorkflowFailed: { seq: 4, workflowId: "order-9/price", failure },
  ChildWorkflowCancelled: { seq: 4, workflowId: "order-9/price", runId: "run-c" },
  ChildWorkflowTimedOut: { seq: 4, workflowId: "order-9/price", runId: "run-c" },
  MarkerRecorded: { seq: 5, markerName: "side-effect", details: 0.42 },
};

/** The history of every sample, WorkflowStarted first, the activity scheduled before its outcomes. */
const ALL = eventsOf(
  Object.entries(SAMPLES).map(([type, data]) => ({ type, data }) as HistoryEventBody),
);

/** What each type's summary must say: the details a user looks for in that event. */
const EXPECTED: Record<HistoryEventType, string> = {
  WorkflowStarted: 'greeter on "main", input "ana"',
  WorkflowCompleted: 'result ["hello ana (1)","hello ana (2)"]',
  WorkflowFailed: "ApplicationError: card declined (caused by HttpError: 402)",
  WorkflowCancelled: 'details {"by":"ops"}',
  WorkflowTerminated: "reason: stuck on a bad deploy",
  WorkflowTimedOut: "execution timeout reached",
  WorkflowContinuedAsNew: 'new run run-2 of greeter on "main", input 3',
  WorkflowCancelRequested: "reason: not needed",
  WorkflowTaskScheduled: "attempt 1",
  WorkflowTaskStarted: "by worker-1@host",
  WorkflowTaskCompleted: "by worker-1@host",
  WorkflowTaskFailed: "worker-failure: ApplicationError: card declined (caused by HttpError: 402)",
  WorkflowTaskTimedOut: "task scheduled at #2, started at #3",
  ActivityTaskScheduled: 'greet (activity a2) attempt 1, input ["ana",1]',
  ActivityTaskStarted: "greet attempt 1 by worker-1@host",
  ActivityTaskCompleted: 'greet attempt 1 → "hello ana (1)"',
  ActivityTaskFailed:
    "greet attempt 1: ApplicationError: card declined (caused by HttpError: 402), retry at +2.000s (2025-11-25 14:17:05)",
  ActivityTaskTimedOut: "greet attempt 2: start-to-close timeout",
  ActivityTaskCancelRequested: "greet",
  ActivityTaskCancelled: "greet",
  TimerStarted: "timer user/1 fires at +0.050s (2025-11-25 14:17:03)",
  TimerFired: "timer user/1",
  TimerCancelled: "timer user/1",
  SignalReceived: 'signal "go", input {"by":"ben"}',
  SignalExternalInitiated: 'signal "go" to workflow other, input {"by":"me"}',
  ChildWorkflowInitiated:
    'child order-9/price (priceOrder on "main"), input [{"sku":"tea","qty":2}]',
  ChildWorkflowStarted: "child order-9/price run run-c",
  ChildWorkflowCompleted: 'child order-9/price → {"total":6}',
  ChildWorkflowFailed:
    "child order-9/price: ApplicationError: card declined (caused by HttpError: 402)",
  ChildWorkflowCancelled: "child order-9/price run run-c",
  ChildWorkflowTimedOut: "child order-9/price run run-c",
  MarkerRecorded: "side-effect #5: 0.42",
};

describe("EventTimeline", () => {
  it("summarizes every event type with the details that matter for it", () => {
    const timeline = new EventTimeline({ timeZone: "UTC" });
    const summaries = Object.fromEntries(
      ALL.map((event) => {
        timeline.line(event); // feeds the context (start time, activity types) in order
        return [event.type, timeline.summary(event)];
      }),
    );
    expect(summaries).toEqual(EXPECTED);
  });

  it("lays out one line per event: id, offset from the start, type, summary", () => {
    const events = eventsOf(
      [
        { type: "WorkflowStarted", data: SAMPLES.WorkflowStarted },
        { type: "TimerStarted", data: SAMPLES.TimerStarted },
        { type: "TimerFired", data: SAMPLES.TimerFired },
        { type: "WorkflowTimedOut", data: {} },
      ],
      1_234,
    );
    expect(new EventTimeline({ timeZone: "UTC" }).lines(events)).toEqual([
      '   1  +0.000s     WorkflowStarted              greeter on "main", input "ana"',
      "   2  +1.234s     TimerStarted                 timer user/1 fires at +0.050s (2025-11-25 14:17:03)",
      "   3  +2.468s     TimerFired                   timer user/1",
      "   4  +3.702s     WorkflowTimedOut             execution timeout reached",
    ]);
  });

  it("counts offsets from the given start, and never cuts an id or a type", () => {
    const [event] = eventsOf([
      { type: "ActivityTaskCancelRequested", data: SAMPLES.ActivityTaskCancelRequested },
    ]);
    const line = new EventTimeline({ startTimeMs: T0 - 75_000 }).line({ ...event, eventId: 12345 });
    expect(line).toBe("12345  +1m15.000s  ActivityTaskCancelRequested  activity a2");
    for (const type of Object.keys(SAMPLES))
      expect(type.length).toBeLessThanOrEqual(TIMELINE_TYPE_WIDTH);
  });

  it("leaves out what an event does not have (no input, no reason, no details)", () => {
    const timeline = new EventTimeline();
    const [started, cancelled, terminated, signal] = eventsOf([
      { type: "WorkflowStarted", data: { ...SAMPLES.WorkflowStarted, input: null } },
      { type: "WorkflowCancelled", data: {} },
      { type: "WorkflowTerminated", data: { reason: "" } },
      { type: "SignalReceived", data: { signalName: "go", input: null, requestId: "r" } },
    ]);
    expect(timeline.summary(started)).toBe('greeter on "main"');
    expect(timeline.line(cancelled)).toMatch(/WorkflowCancelled$/);
    expect(timeline.summary(terminated)).toBe("");
    expect(timeline.summary(signal)).toBe('signal "go"');
  });

  it("names an activity by its id when it never saw it scheduled (a follow that joined late)", () => {
    const [completed] = eventsOf([
      { type: "ActivityTaskCompleted", data: SAMPLES.ActivityTaskCompleted },
    ]);
    expect(new EventTimeline().summary(completed)).toBe('activity a2 attempt 1 → "hello ana (1)"');
  });

  it("shows where a run came from: its parent, the run it continued, its timeout", () => {
    const [event] = eventsOf([
      {
        type: "WorkflowStarted",
        data: {
          ...SAMPLES.WorkflowStarted,
          parent: { workflowId: "order-9", runId: "run-p", seq: 4 },
          continuedFromRunId: "run-0",
          executionTimeoutMs: 3_600_000,
        },
      },
    ]);
    expect(new EventTimeline().summary(event)).toBe(
      'greeter on "main", input "ana", child of order-9 (run run-p), continued from run run-0, execution timeout 1h00m00.000s',
    );
  });

  it("keeps a line short when a payload is large", () => {
    const [event] = eventsOf([{ type: "WorkflowCompleted", data: { result: "x".repeat(500) } }]);
    const summary = new EventTimeline().summary(event);
    expect(summary.length).toBeLessThanOrEqual(90);
    expect(summary.endsWith("…")).toBe(true);
  });

  it("fails loudly on an event type it does not know (a newer server than this CLI)", () => {
    const alien = {
      type: "WorkflowPaused",
      data: {},
      eventId: 1,
      timestamp: T0,
    } as unknown as HistoryEvent;
    expect(() => new EventTimeline().line(alien)).toThrow(/Unhandled history event/);
  });
});

describe("formatOffset and formatPayload", () => {
  it.each([
    [0, "+0.000s"],
    [1_234, "+1.234s"],
    [59_999, "+59.999s"],
    [75_000, "+1m15.000s"],
    [3_661_001, "+1h01m01.001s"],
    [90_061_001, "+1d01h01m01.001s"],
    [-3, "-0.003s"],
  ])("formatOffset(%d) = %s", (ms, text) => expect(formatOffset(ms)).toBe(text));

  it("prints payloads as compact JSON, undefined as such", () => {
    expect(formatPayload({ by: "ben" })).toBe('{"by":"ben"}');
    expect(formatPayload(undefined)).toBe("undefined");
    expect(formatPayload("x".repeat(20), 10)).toBe('"xxxxxxxx…');
  });
});
