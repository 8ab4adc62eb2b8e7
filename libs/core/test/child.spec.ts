import {
  type ChildOutcome,
  type Effect,
  type HistoryCommand,
  type HistoryEventBody,
  type WorkflowState,
  INITIAL_STATE,
  decide,
} from "../src";
import {
  BOOM,
  RUN,
  T0,
  TASK_IN_FLIGHT,
  WF,
  afterFirstTask,
  childClosed,
  childStarted,
  completeTask,
  completeWorkflow,
  dispatchTask,
  inRun,
  startChild,
  terminate,
} from "./fixtures";
import { given } from "./given";

/** A parent whose first task initiated child seq 1 ("child-1", event 5). */
const INITIATED = afterFirstTask([startChild(1, "child-1")]);
/** ... and the child reported its start (event 6). */
const STARTED = [...INITIATED, childStarted(1, "child-1", "child-run")];

describe("ChildWorkflowStarted", () => {
  it("records the child's run", () => {
    given(...INITIATED)
      .when(childStarted(1, "child-1", "child-run"))
      .then({
        events: [
          {
            type: "ChildWorkflowStarted",
            data: { seq: 1, workflowId: "child-1", runId: "child-run" },
          },
        ],
        effects: [],
      })
      .thenState((s) =>
        expect(s).toMatchObject({ children: { 1: { status: "started", runId: "child-run" } } }),
      );
  });

  it("ignores a duplicate report, an unknown sequence number and a report for an earlier parent run", () => {
    given(...STARTED)
      .when(childStarted(1, "child-1", "child-run"))
      .thenNothing();
    given(...INITIATED)
      .when(childStarted(4, "child-1", "child-run"))
      .thenNothing();
    given(...INITIATED)
      .when(inRun("run-0", childStarted(1, "child-1", "child-run")))
      .thenNothing();
  });

  it("rejects a report to a closed parent", () => {
    given(...INITIATED, terminate())
      .when(childStarted(1, "child-1", "child-run"))
      .thenRejected("FAILED_PRECONDITION", "workflow-closed");
  });
});

describe("ChildWorkflowClosed", () => {
  const base = { seq: 1, workflowId: "child-1", runId: "child-run" };
  it.each<[ChildOutcome, HistoryEventBody]>([
    [
      { status: "completed", result: 7 },
      { type: "ChildWorkflowCompleted", data: { ...base, result: 7 } },
    ],
    [
      { status: "failed", failure: BOOM },
      { type: "ChildWorkflowFailed", data: { ...base, failure: BOOM } },
    ],
    [{ status: "cancelled" }, { type: "ChildWorkflowCancelled", data: base }],
    [
      { status: "terminated", reason: "ops" },
      {
        type: "ChildWorkflowFailed",
        data: {
          ...base,
          failure: {
            type: "TerminatedError",
            message: "child terminated: ops",
            nonRetryable: true,
          },
        },
      },
    ],
    [{ status: "timed-out" }, { type: "ChildWorkflowTimedOut", data: base }],
  ])("records outcome %j and wakes the parent", (outcome, event) => {
    given(...STARTED)
      .when(childClosed(1, "child-1", outcome, "child-run"))
      .then({
        events: [event, { type: "WorkflowTaskScheduled", data: { attempt: 1 } }],
        effects: [dispatchTask(8)],
      })
      .thenState((s) => expect(s).toMatchObject({ children: {} }));
  });

  it("records the start too when the close overtakes the start report", () => {
    given(...INITIATED)
      .when(childClosed(1, "child-1", { status: "completed", result: 7 }, "child-run"))
      .then({
        events: [
          {
            type: "ChildWorkflowStarted",
            data: { seq: 1, workflowId: "child-1", runId: "child-run" },
          },
          {
            type: "ChildWorkflowCompleted",
            data: { seq: 1, workflowId: "child-1", runId: "child-run", result: 7 },
          },
          { type: "WorkflowTaskScheduled", data: { attempt: 1 } },
        ],
        effects: [dispatchTask(8)],
      });
  });

  it("records a child that could not start as failed, with no run id", () => {
    const failure = {
      type: "WorkflowAlreadyStartedError",
      message: "already running",
      nonRetryable: true,
    };
    given(...INITIATED)
      .when(childClosed(1, "child-1", { status: "failed", failure }))
      .then({
        events: [
          { type: "ChildWorkflowFailed", data: { seq: 1, workflowId: "child-1", failure } },
          { type: "WorkflowTaskScheduled", data: { attempt: 1 } },
        ],
        effects: [dispatchTask(7)],
      });
  });

  it("waits for the running task to finish before waking the parent", () => {
    given(...TASK_IN_FLIGHT, completeTask(2, [startChild(1, "child-1")]))
      .when(childClosed(1, "child-1", { status: "cancelled" }, "child-run"))
      .then({ effects: [dispatchTask(8)] });
  });

  it("ignores a duplicate close, an unknown child and a report for an earlier parent run", () => {
    const done = childClosed(1, "child-1", { status: "completed", result: 7 }, "child-run");
    given(...STARTED, done)
      .when(done)
      .thenNothing();
    given(...STARTED)
      .when(childClosed(3, "child-3", { status: "cancelled" }, "r"))
      .thenNothing();
    given(...STARTED)
      .when(inRun("run-0", done))
      .thenNothing();
  });

  it("rejects a report to a closed parent", () => {
    given(...STARTED, terminate())
      .when(childClosed(1, "child-1", { status: "cancelled" }, "child-run"))
      .thenRejected("FAILED_PRECONDITION", "workflow-closed");
  });
});

describe("parent and child, end to end through SendCommand effects", () => {
  /** Two workflow ids, each with its own state; SendCommand effects are routed between them. */
  class Cluster {
    readonly states = new Map<string, WorkflowState>();
    readonly sent: Effect[] = [];
    /** Rejections of routed commands: the service would log and drop them. */
    readonly rejected: string[] = [];

    apply(workflowId: string, command: HistoryCommand, routed = false): void {
      const decision = decide(this.states.get(workflowId) ?? INITIAL_STATE, command);
      if (!decision.ok) {
        if (!routed)
          throw new Error(
            `${command.type} to ${workflowId} rejected: ${decision.rejection.message}`,
          );
        this.rejected.push(`${command.type} to ${workflowId}: ${decision.rejection.reason}`);
        return;
      }
      this.states.set(workflowId, decision.state);
      for (const effect of decision.effects) {
        if (effect.type === "SendCommand") {
          this.sent.push(effect);
          this.apply(
            effect.data.workflowId,
            { ...effect.data.command, now: command.now } as HistoryCommand,
            true,
          );
        }
      }
    }
  }

  it("a child started by a parent reports its start and result back", () => {
    const cluster = new Cluster();
    for (const command of afterFirstTask([startChild(1, "child-1")])) cluster.apply(WF, command);
    expect(cluster.states.get("child-1")).toMatchObject({
      status: "running",
      runId: `${RUN}.1`,
      parent: { workflowId: WF, runId: RUN, seq: 1 },
    });
    expect(cluster.states.get(WF)).toMatchObject({
      children: { 1: { status: "started", runId: `${RUN}.1` } },
    });

    const childRun = `${RUN}.1`;
    cluster.apply("child-1", {
      type: "WorkflowTaskStarted",
      now: T0 + 1,
      data: { runId: childRun, scheduledEventId: 2, identity: "w" },
    });
    cluster.apply("child-1", {
      type: "CompleteWorkflowTask",
      now: T0 + 2,
      data: {
        runId: childRun,
        scheduledEventId: 2,
        identity: "w",
        commands: [completeWorkflow(42)],
      },
    });
    expect(cluster.states.get(WF)).toMatchObject({
      status: "running",
      children: {},
      workflowTask: { status: "scheduled" },
    });
    expect(cluster.sent.map((e) => e.type === "SendCommand" && e.data.command.type)).toEqual([
      "StartWorkflow",
      "ChildWorkflowStarted",
      "ChildWorkflowClosed",
    ]);
  });

  it("a parent terminated with a running child terminates the child", () => {
    const cluster = new Cluster();
    for (const command of afterFirstTask([startChild(1, "child-1")])) cluster.apply(WF, command);
    cluster.apply(WF, { type: "TerminateWorkflow", now: T0 + 5, data: { reason: "ops" } });
    expect(cluster.states.get("child-1")).toMatchObject({
      status: "terminated",
      reason: `parent workflow ${WF} closed (terminated)`,
    });
    // The child's report reaches a parent that is closed already: a typed rejection, not a throw.
    expect(cluster.rejected).toEqual([`ChildWorkflowClosed to ${WF}: workflow-closed`]);
  });
});
