import type { HistoryCommand } from "../src";
import {
  T0,
  activityStarted,
  afterFirstTask,
  at,
  completeActivity,
  completeTask,
  failActivity,
  failTask,
  heartbeat,
  inRun,
  scheduleActivity,
  start,
  startTimer,
  taskStarted,
  terminate,
  timerFired,
} from "./fixtures";
import { given } from "./given";

/**
 * Activity ids, timer ids and task ids repeat across runs of one workflow id. Run 1 scheduled
 * activity 1 and timer user/2 and was terminated; run 2 scheduled the same ids. Late reports
 * for run 1 must never land on run 2.
 */
const T1 = T0 + 1_000;
const run2 = (command: HistoryCommand): HistoryCommand => at(T1, inRun("run-2", command));
const run1Late = (command: HistoryCommand): HistoryCommand => at(T1 + 1, command);

const RUN_2_BUSY = [
  ...afterFirstTask([
    scheduleActivity(1, { taskQueue: "acts", heartbeatTimeoutMs: 1_000 }),
    startTimer(2, T0 + 5_000),
  ]),
  terminate(),
  at(T1, start({ runId: "run-2", requestId: "req-2" })),
  run2(taskStarted(2)),
  run2(
    completeTask(2, [
      scheduleActivity(1, { taskQueue: "acts", heartbeatTimeoutMs: 1_000 }),
      startTimer(2, T1 + 5_000),
    ]),
  ),
  run2(activityStarted("1")),
];

describe("commands name their run", () => {
  it("a timer of the earlier run does not fire the same timer id in the current run", () => {
    given(...RUN_2_BUSY)
      .when(run1Late(timerFired("user/2")))
      .thenNothing();
    const when = given(...RUN_2_BUSY).when(run2(timerFired("user/2")));
    expect(when.events.map((e) => e.type)).toEqual(["TimerFired", "WorkflowTaskScheduled"]);
  });

  it("activity reports of the earlier run are late, not unknown: accepted with no events", () => {
    given(...RUN_2_BUSY)
      .when(run1Late(completeActivity("1")))
      .thenNothing();
    given(...RUN_2_BUSY)
      .when(run1Late(failActivity("1")))
      .thenNothing();
    given(...RUN_2_BUSY)
      .when(run1Late(activityStarted("1")))
      .thenNothing();
    // A heartbeat of the earlier run is answered: its attempt no longer runs.
    given(...RUN_2_BUSY)
      .when(run1Late(heartbeat("1")))
      .thenRejected("FAILED_PRECONDITION", "activity-not-running");
    given(...RUN_2_BUSY)
      .when(run1Late(completeActivity("7")))
      .thenNothing();
    const when = given(...RUN_2_BUSY).when(run2(completeActivity("1")));
    expect(when.events.map((e) => e.type)).toEqual([
      "ActivityTaskCompleted",
      "WorkflowTaskScheduled",
    ]);
  });

  it("a workflow task of the earlier run is stale in the current one", () => {
    const scheduled = [at(T1, start({ runId: "run-2", requestId: "req-2" }))];
    const closedRun1 = [...afterFirstTask([]), terminate()];
    given(...closedRun1, ...scheduled)
      .when(run1Late(taskStarted(2)))
      .thenRejected("NOT_FOUND", "stale-workflow-task");
    given(...closedRun1, ...scheduled, run2(taskStarted(2)))
      .when(run1Late(completeTask(2, [])))
      .thenRejected("NOT_FOUND", "stale-workflow-task");
    given(...closedRun1, ...scheduled, run2(taskStarted(2)))
      .when(run1Late(failTask(2)))
      .thenRejected("NOT_FOUND", "stale-workflow-task");
  });
});
