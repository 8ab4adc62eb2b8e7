import {
  type HistoryCommand,
  type HistoryCommandMessage,
  type HistoryEventMessage,
  TOPICS,
  decodeHistoryCommand,
  decodeHistoryEvent,
} from "@eventual/core";
import type { OutgoingRecord } from "@eventual/log";
import { HistoryPartition } from "../src/history-partition";

const T0 = 1_700_000_000_000;

function start(workflowId: string, requestId = `req-${workflowId}`, runId = `run-${workflowId}`): HistoryCommandMessage {
  return {
    workflowId,
    command: { type: "StartWorkflow", now: T0, data: { workflowId, runId, workflowType: "order", taskQueue: "q", input: { n: 1 }, requestId } },
  };
}

function msg(workflowId: string, command: HistoryCommand): HistoryCommandMessage {
  return { workflowId, command };
}

function eventsOf(records: OutgoingRecord[]): HistoryEventMessage[] {
  return records.filter((r) => r.topic === TOPICS.historyEvents).map((r) => decodeHistoryEvent(r.value));
}

/** Runs a workflow task to completion with the given commands. */
function completeTask(part: HistoryPartition, workflowId: string, commands: unknown[], now = T0 + 10): OutgoingRecord[] {
  const state = part.state(workflowId);
  if (state.status !== "running" || state.workflowTask.status !== "scheduled") throw new Error("no scheduled task");
  const { scheduledEventId } = state.workflowTask;
  const runId = state.runId;
  return part.apply([
    msg(workflowId, { type: "WorkflowTaskStarted", now, data: { runId, scheduledEventId, identity: "w" } }),
    msg(workflowId, { type: "CompleteWorkflowTask", now, data: { runId, scheduledEventId, identity: "w", commands: commands as never } }),
  ]).records;
}

describe("HistoryPartition", () => {
  it("turns a start into events and a workflow task, all keyed by the workflow id", () => {
    const part = new HistoryPartition(0);
    const { records, outcomes } = part.apply([start("wf-1")]);
    expect(outcomes).toEqual([{ status: "applied", workflowId: "wf-1", runId: "run-wf-1", events: 2 }]);
    expect(records.map((r) => [r.topic, r.key])).toEqual([
      [TOPICS.historyEvents, "wf-1"],
      [TOPICS.historyEvents, "wf-1"],
      [TOPICS.matchingTasks, "wf-1"],
    ]);
    expect(eventsOf(records).map((m) => [m.runId, m.event.eventId, m.event.type])).toEqual([
      ["run-wf-1", 1, "WorkflowStarted"],
      ["run-wf-1", 2, "WorkflowTaskScheduled"],
    ]);
    expect(JSON.parse(records[2].value)).toMatchObject({ type: "DispatchWorkflowTask", data: { workflowId: "wf-1", scheduledEventId: 2, taskQueue: "q" } });
  });

  it("answers a repeated start with the same run and writes nothing", () => {
    const part = new HistoryPartition(0);
    part.apply([start("wf-1")]);
    const again = part.apply([start("wf-1")]);
    expect(again.records).toEqual([]);
    expect(again.outcomes).toEqual([{ status: "duplicate", workflowId: "wf-1", runId: "run-wf-1" }]);
  });

  it("rejects a different start while the workflow runs, and writes nothing", () => {
    const part = new HistoryPartition(0);
    part.apply([start("wf-1")]);
    const other = part.apply([start("wf-1", "req-other", "run-other")]);
    expect(other.records).toEqual([]);
    expect(other.outcomes).toEqual([
      { status: "rejected", workflowId: "wf-1", rejection: expect.objectContaining({ code: "ALREADY_EXISTS", reason: "workflow-already-running" }) },
    ]);
  });

  it("sends timer requests to timers.commands and child starts to history.commands, stamped with the decision's time", () => {
    const part = new HistoryPartition(0);
    part.apply([start("parent")]);
    const records = completeTask(part, "parent", [
      { type: "StartTimer", data: { seq: 1, fireAt: T0 + 60_000 } },
      { type: "StartChildWorkflow", data: { seq: 2, workflowId: "child-1", workflowType: "child", input: null, taskQueue: "q" } },
    ]);
    const timer = records.find((r) => r.topic === TOPICS.timersCommands && JSON.parse(r.value).data.timerId === "user/1");
    expect(timer && JSON.parse(timer.value)).toEqual({ type: "StartTimer", data: { workflowId: "parent", runId: "run-parent", timerId: "user/1", fireAt: T0 + 60_000 } });
    const child = records.find((r) => r.topic === TOPICS.historyCommands);
    expect(child?.key).toBe("child-1");
    const childStart = decodeHistoryCommand(child!.value);
    expect(childStart).toMatchObject({ workflowId: "child-1", command: { type: "StartWorkflow", now: T0 + 10, data: { parent: { workflowId: "parent", seq: 2 } } } });
  });

  it("rebuilds from its own events to exactly the state it decided", () => {
    const live = new HistoryPartition(0);
    const log: HistoryEventMessage[] = [];
    log.push(...eventsOf(live.apply([start("wf-1"), start("wf-2")]).records));
    log.push(...eventsOf(completeTask(live, "wf-1", [{ type: "ScheduleActivity", data: { seq: 1, activityType: "charge", input: [], options: { taskQueue: "q" } } }])));
    log.push(...eventsOf(completeTask(live, "wf-2", [{ type: "CompleteWorkflow", data: { result: "done" } }])));
    const rebuilt = new HistoryPartition(0);
    rebuilt.rebuild(log);
    expect(rebuilt.workflowCount).toBe(2);
    expect(rebuilt.state("wf-1")).toEqual(live.state("wf-1"));
    expect(rebuilt.state("wf-2")).toEqual(live.state("wf-2"));
    expect(rebuilt.state("wf-2").status).toBe("completed");
  });

  it("undoes a batch whose transaction failed, so its redelivery produces the same records", () => {
    const part = new HistoryPartition(0);
    part.apply([start("wf-1")]);
    const batch = [
      msg("wf-1", { type: "SignalWorkflow", now: T0 + 5, data: { signalName: "go", input: 1, requestId: "s-1" } }),
      start("wf-2"),
    ];
    const first = part.apply(batch);
    first.undo();
    expect(part.state("wf-2").status).toBe("none");
    const second = part.apply(batch);
    expect(second.records).toEqual(first.records);
    expect(second.outcomes).toEqual(first.outcomes);
  });
});

describe("HistoryPartition replies", () => {
  it("answers a command that asks for it on history.replies, keyed by the gateway", () => {
    const part = new HistoryPartition(0);
    const replyTo = { gateway: "gw-7", correlationId: "c-1" };
    const { records } = part.apply([{ ...start("wf-1"), replyTo }, { ...start("wf-1", "req-2", "run-2"), replyTo: { gateway: "gw-7", correlationId: "c-2" } }]);
    const replies = records.filter((r) => r.topic === TOPICS.historyReplies);
    expect(replies.map((r) => r.key)).toEqual(["gw-7", "gw-7"]);
    expect(replies.map((r) => JSON.parse(r.value))).toEqual([
      { replyTo, outcome: { status: "applied", workflowId: "wf-1", runId: "run-wf-1", events: 2 } },
      { replyTo: { gateway: "gw-7", correlationId: "c-2" }, outcome: { status: "rejected", workflowId: "wf-1", rejection: expect.objectContaining({ code: "ALREADY_EXISTS" }) } },
    ]);
  });
});
