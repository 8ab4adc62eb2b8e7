import {
  type HistoryEvent,
  INITIAL_STATE,
  InvalidHistoryError,
  evolve,
  foldHistory,
  historyProblems,
} from "../src";
import {
  T0,
  TASK_IN_FLIGHT,
  afterFirstTask,
  completeActivity,
  completeTask,
  completeWorkflow,
  scheduleActivity,
  signal,
  start,
  startTimer,
  at,
  taskStarted,
  timerFired,
} from "./fixtures";
import { given } from "./given";

/** A valid history to corrupt: start, task, an activity with its result, a timer fired, a signal, close. */
function validHistory(): HistoryEvent[] {
  const g = given(
    ...afterFirstTask([scheduleActivity(1), startTimer(2, T0 + 10)]),
    completeActivity("1"),
    at(T0 + 10, timerFired("user/2")),
    at(T0 + 11, signal("sig-1")),
    at(T0 + 12, taskStarted(9)),
  );
  const done = g.when(at(T0 + 13, completeTask(9, [completeWorkflow()])));
  return done.history;
}

describe("evolve", () => {
  it("folds a valid history into the state decide produced", () => {
    const g = given(...TASK_IN_FLIGHT, completeTask(2, [scheduleActivity(1)]));
    expect(foldHistory(g.history)).toEqual(g.state);
    expect(g.history.reduce(evolve, INITIAL_STATE)).toEqual(g.state);
  });

  it("refuses an event after the run closed", () => {
    const history = validHistory();
    const closed = foldHistory(history);
    const late = {
      type: "SignalReceived",
      eventId: history.length + 1,
      timestamp: T0 + 20,
      data: { signalName: "s", input: null, requestId: "x" },
    } as HistoryEvent;
    expect(() => evolve(closed, late)).toThrow(InvalidHistoryError);
  });

  it("refuses events before the start, a second start, gaps and unknown activities", () => {
    const history = validHistory();
    expect(() => evolve(INITIAL_STATE, history[1])).toThrow(InvalidHistoryError);
    const running = foldHistory(history.slice(0, 2));
    expect(() => evolve(running, { ...history[0], eventId: 3 })).toThrow(
      "while run run-1 is running",
    );
    expect(() => evolve(running, { ...history[2], eventId: 4 })).toThrow(
      "Expected event id 3, got 4",
    );
    expect(() =>
      evolve(running, {
        type: "ActivityTaskStarted",
        eventId: 3,
        timestamp: T0,
        data: { activityId: "9", attempt: 1, identity: "w" },
      }),
    ).toThrow("unknown activity 9");
    expect(() => evolve(INITIAL_STATE, { ...history[0], eventId: 2 })).toThrow(
      "WorkflowStarted must be event 1",
    );
  });

  it("refuses a task start for a task that is not scheduled", () => {
    const running = foldHistory(given(...TASK_IN_FLIGHT).history);
    expect(() =>
      evolve(running, {
        type: "WorkflowTaskStarted",
        eventId: 4,
        timestamp: T0,
        data: { scheduledEventId: 2, identity: "w" },
      }),
    ).toThrow(InvalidHistoryError);
  });
});

describe("historyProblems", () => {
  it("finds nothing wrong with a history decide wrote", () => {
    expect(historyProblems(validHistory())).toEqual([]);
  });

  it("reports an empty history and a missing start", () => {
    expect(historyProblems([])).toEqual(["history is empty"]);
    expect(historyProblems(validHistory().slice(1))[0]).toBe(
      "first event is WorkflowTaskScheduled, not WorkflowStarted",
    );
  });

  it("reports a gap in event ids", () => {
    const history = validHistory();
    const gapped = [...history.slice(0, 3), ...history.slice(4)];
    expect(historyProblems(gapped)).toContainEqual(expect.stringContaining("ids must be gap-free"));
  });

  it("reports time going backwards", () => {
    const history = validHistory().map((e, i) => (i === 2 ? { ...e, timestamp: T0 - 1 } : e));
    expect(historyProblems(history)).toContainEqual(
      expect.stringContaining("timestamp goes backwards"),
    );
  });

  it("reports an activity outcome recorded twice", () => {
    const history = validHistory();
    const index = history.findIndex((e) => e.type === "ActivityTaskCompleted");
    const twice = [...history.slice(0, index + 1), { ...history[index], eventId: index + 2 }];
    expect(historyProblems(twice)).toContainEqual(
      expect.stringContaining("already has an outcome"),
    );
  });

  it("reports a timer fired twice and a signal recorded twice", () => {
    const history = validHistory();
    const fired = history.findIndex((e) => e.type === "TimerFired");
    expect(
      historyProblems([...history.slice(0, fired + 1), { ...history[fired], eventId: fired + 2 }]),
    ).toContainEqual(expect.stringContaining("fired twice"));
    const signalled = history.findIndex((e) => e.type === "SignalReceived");
    expect(
      historyProblems([
        ...history.slice(0, signalled + 1),
        { ...history[signalled], eventId: signalled + 2 },
      ]),
    ).toContainEqual(expect.stringContaining("recorded twice"));
  });

  it("reports a second workflow task scheduled while one is pending", () => {
    const history = given(start()).history;
    expect(historyProblems([...history, { ...history[1], eventId: 3 }])).toContainEqual(
      expect.stringContaining("already scheduled"),
    );
  });

  it("reports events after the close", () => {
    const history = validHistory();
    const after = {
      type: "SignalReceived",
      eventId: history.length + 1,
      timestamp: T0 + 99,
      data: { signalName: "s", input: null, requestId: "late" },
    } as HistoryEvent;
    expect(historyProblems([...history, after])).toContainEqual(
      expect.stringContaining("follows the close of the run"),
    );
  });
});
