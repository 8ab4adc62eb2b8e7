import * as fs from "node:fs";
import * as path from "node:path";
import { type HistoryEvent, type WorkflowCommand, historyProblems } from "@eventual/core";
import {
  StaleExecutorError,
  type TaskOutput,
  WorkflowCache,
  WorkflowNotRegisteredError,
  WorkflowRunExecutor,
  bundleWorkflows,
  isCommandEvent,
} from "@eventual/worker";
import type { GoldenHistory } from "./golden/record-golden";
import { RunDriver } from "./support/run-driver";
import { TestEnvironment, WorkflowTaskFailedError } from "./support/test-environment";

const inboxPath = require.resolve("./fixtures/executor.workflows");
const goldenPath = require.resolve("./fixtures/golden.workflows");
const goldenDir = path.join(__dirname, "golden");

const executorFor = (workflowsPath: string) =>
  new WorkflowRunExecutor(bundleWorkflows(workflowsPath));

function golden(name: string): HistoryEvent[] {
  return (
    JSON.parse(
      fs.readFileSync(path.join(goldenDir, `${name}.history.json`), "utf8"),
    ) as GoldenHistory
  ).events;
}

/** Ids of the WorkflowTaskStarted events: the points where a worker runs a task live. */
function taskStarts(events: readonly HistoryEvent[]): number[] {
  return events.filter((e) => e.type === "WorkflowTaskStarted").map((e) => e.eventId);
}

/** What a history recorded for the task completed at `completedEventId`, in the shape executors produce. */
function recordedCommands(
  events: readonly HistoryEvent[],
  completedEventId: number,
): Array<{ type: string; seq?: number }> {
  const out: Array<{ type: string; seq?: number }> = [];
  for (const event of events.slice(completedEventId)) {
    if (!isCommandEvent(event)) break;
    out.push({ type: event.type, ...("seq" in event.data ? { seq: event.data.seq } : {}) });
  }
  return out;
}

const EVENT_OF_COMMAND: Record<WorkflowCommand["type"], string> = {
  ScheduleActivity: "ActivityTaskScheduled",
  RequestCancelActivity: "ActivityTaskCancelRequested",
  StartTimer: "TimerStarted",
  CancelTimer: "TimerCancelled",
  StartChildWorkflow: "ChildWorkflowInitiated",
  SignalExternalWorkflow: "SignalExternalInitiated",
  RecordMarker: "MarkerRecorded",
  CompleteWorkflow: "WorkflowCompleted",
  FailWorkflow: "WorkflowFailed",
  CancelWorkflow: "WorkflowCancelled",
  ContinueAsNew: "WorkflowContinuedAsNew",
};

function asEvents(commands: WorkflowCommand[]): Array<{ type: string; seq?: number }> {
  return commands.map((c) => ({
    type: EVENT_OF_COMMAND[c.type],
    ...("seq" in c.data ? { seq: c.data.seq } : {}),
  }));
}

const outcome = (run: () => unknown): unknown => {
  try {
    run();
    return undefined;
  } catch (error) {
    return error;
  }
};

describe("WorkflowRunExecutor", () => {
  describe("incremental replay", () => {
    it.each(["order", "fan-out", "child-parent", "approval-signal-first", "approval-timer-first"])(
      "gives the same commands task by task as a full replay of each prefix (%s)",
      (name) => {
        const events = golden(name);
        const cached = executorFor(goldenPath);
        const fedDeltas = executorFor(goldenPath);
        let fedUpTo = 0;
        const starts = taskStarts(events);
        expect(starts.length).toBeGreaterThan(1);
        for (const startedId of starts) {
          const prefix = events.slice(0, startedId);
          const fresh = executorFor(goldenPath).advance(prefix);
          const incremental = cached.advance(prefix);
          // A sticky worker is handed only the events it has not seen.
          const delta = fedDeltas.advance(events.slice(fedUpTo, startedId));
          fedUpTo = startedId;
          expect(fresh).toBeDefined();
          expect(incremental).toEqual(fresh);
          expect(delta).toEqual(fresh);
          // ...and it is what the history recorded for that task.
          expect(asEvents(fresh!.commands)).toEqual(recordedCommands(events, startedId + 1));
        }
        cached.advance(events);
        expect(() => cached.endOfHistory()).not.toThrow();
        expect(cached.processedEventId).toBe(events.length);
      },
    );

    it("returns the same output when asked again for the task it is running", () => {
      const run = new RunDriver({ workflowType: "inbox" });
      run.startTask();
      const executor = executorFor(inboxPath);
      const first = executor.advance(run.events);
      expect(executor.advance(run.events)).toBe(first);
    });

    it("needs events in order without gaps", () => {
      const events = golden("order");
      const executor = executorFor(goldenPath);
      executor.advance(events.slice(0, 3));
      expect(() => executor.advance(events.slice(4, 9))).toThrow(StaleExecutorError);
    });
  });

  describe("events that arrive while a task is in flight", () => {
    it("are delivered in the next activation, live and on replay", () => {
      const run = new RunDriver({ workflowType: "inbox" });
      const executor = executorFor(inboxPath);
      const first = run.startTask();
      const live = executor.advance(run.events)!;
      expect(live.commands).toEqual([]); // waiting for a signal
      run.signal("msg", "a"); // the task is still running
      expect(executor.advance(run.events)).toBe(live); // the running task does not see it
      const completed = run.completeTask(first, live.commands);
      // The core schedules another task because an event went unseen.
      expect(completed.map((e) => e.type)).toEqual([
        "WorkflowTaskCompleted",
        "WorkflowTaskScheduled",
      ]);
      const second = run.startTask();
      const next = executor.advance(run.events)!;
      expect(next.commands).toMatchObject([
        { type: "ScheduleActivity", data: { seq: 1, activityType: "ack", input: ["a"] } },
      ]);
      run.completeTask(second, next.commands);
      // A worker without the run cached reaches the same commands from the recorded history.
      const replayed = executorFor(inboxPath);
      replayed.advance(run.events);
      expect(() => replayed.endOfHistory()).not.toThrow();
      run.signal("msg", "b");
      run.completeActivity(1, "a");
      run.startTask();
      const third = executor.advance(run.events)!;
      expect(replayed.advance(run.events)).toEqual(third);
      expect(third.commands).toMatchObject([
        { type: "ScheduleActivity", data: { seq: 2, input: ["b"] } },
      ]);
      expect(historyProblems(run.events)).toEqual([]);
    });

    it("ignores a timer that fired while the task cancelling it was in flight", () => {
      const run = new RunDriver({ workflowType: "approval", input: "req-9" });
      const executor = executorFor(goldenPath);
      const first = run.startTask();
      run.completeTask(first, executor.advance(run.events)!.commands); // timer #1: the one-day timeout
      run.tick(60_000).signal("approve", { approved: true });
      const second = run.startTask();
      const output = executor.advance(run.events)!;
      expect(output.commands.map((c) => c.type)).toEqual(["CancelTimer", "CompleteWorkflow"]);
      run.tick(86_400_000).fireTimer(1); // fires before the completion reaches history
      const closing = run.completeTask(second, output.commands);
      // The timer is gone, so the cancel records nothing.
      expect(closing.map((e) => e.type)).toEqual(["WorkflowTaskCompleted", "WorkflowCompleted"]);
      for (const executorToCheck of [executor, executorFor(goldenPath)]) {
        executorToCheck.advance(run.events);
        expect(() => executorToCheck.endOfHistory()).not.toThrow();
      }
    });
  });

  describe("stale executors", () => {
    function runningInbox(): {
      run: RunDriver;
      task: number;
      executor: WorkflowRunExecutor;
      live: TaskOutput;
    } {
      const run = new RunDriver({ workflowType: "inbox" });
      run.signal("msg", "a");
      const task = run.startTask();
      const executor = executorFor(inboxPath);
      const live = executor.advance(run.events)!;
      expect(live.commands).toHaveLength(1);
      return { run, task, executor, live };
    }

    it("raise StaleExecutorError when the task they ran then failed", () => {
      const { run, task, executor } = runningInbox();
      run.failTask(task, { type: "UnhandledSignalError", message: "lost the race" });
      const error = outcome(() => executor.advance(run.events));
      expect(error).toBeInstanceOf(StaleExecutorError);
      expect((error as Error).message).toContain(
        `Workflow task ${task} failed after this worker ran it`,
      );
    });

    it("raise StaleExecutorError when the task they ran timed out", () => {
      const { run, task, executor } = runningInbox();
      run.tick(10_000).timeOutTask(task);
      expect(() => executor.advance(run.events)).toThrow(StaleExecutorError);
    });

    it("are replaced by a fresh replay, which hands the failed task's inputs to the retry", () => {
      const { run, task, live } = runningInbox();
      run.failTask(task, { type: "Error", message: "worker crashed" });
      run.startTask(); // the immediate retry
      const fresh = executorFor(inboxPath).advance(run.events)!;
      expect(fresh.commands).toEqual(live.commands);
    });

    it("are not stale when another worker's task failed", () => {
      const run = new RunDriver({ workflowType: "inbox" });
      run.signal("msg", "a");
      const executor = executorFor(inboxPath);
      expect(executor.advance(run.events)).toBeUndefined(); // scheduled, not started: nothing to run
      const task = run.startTask();
      run.failTask(task, { type: "Error", message: "another worker crashed" });
      run.startTask();
      expect(executor.advance(run.events)!.commands).toMatchObject([
        { type: "ScheduleActivity", data: { input: ["a"] } },
      ]);
    });

    it("are dropped and replaced by the cache on eviction, and least recently used runs go first", () => {
      const cache = new WorkflowCache(bundleWorkflows(inboxPath), 2);
      const a = cache.get("a");
      cache.get("b");
      expect(cache.get("a")).toBe(a);
      cache.get("c"); // evicts b, the least recently used
      expect(cache.size).toBe(2);
      expect(cache.get("a")).toBe(a);
      cache.evict("a");
      expect(cache.get("a")).not.toBe(a);
      const none = new WorkflowCache(bundleWorkflows(inboxPath), 0);
      expect(none.get("a")).not.toBe(none.get("a"));
    });
  });

  describe("unknown workflow types", () => {
    it("raise WorkflowNotRegisteredError naming the registered ones", () => {
      const run = new RunDriver({ workflowType: "shipment" });
      run.startTask();
      const error = outcome(() => executorFor(goldenPath).advance(run.events));
      expect(error).toBeInstanceOf(WorkflowNotRegisteredError);
      expect((error as Error).message).toBe(
        `No workflow named "shipment" is registered in this worker's workflows (registered: approval, batch, fanOut, order, processOne, reminder)`,
      );
    });

    it("fail the workflow task in a TestEnvironment with the same message", async () => {
      const env = await TestEnvironment.create({ workflowsPath: inboxPath });
      const error = await env.start("shipment", null).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(WorkflowTaskFailedError);
      expect((error as Error).message).toContain('No workflow named "shipment"');
      expect((error as Error).message).toContain("(registered: inbox)");
      expect((error as WorkflowTaskFailedError).cause).toMatchObject({
        type: "WorkflowNotRegisteredError",
      });
    });
  });
});
