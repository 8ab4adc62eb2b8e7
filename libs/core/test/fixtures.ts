import type {
  ActivityOptions,
  ChildOutcome,
  Effect,
  Failure,
  HistoryCommand,
  HistoryCommandBody,
  ParentRef,
  Payload,
  StartWorkflowData,
  WorkflowCommand,
} from "../src";

/** The clock of every fixture command unless `at` says otherwise. */
export const T0 = 1_700_000_000_000;
export const WF = "order-7";
export const RUN = "run-1";
export const IDS = { workflowId: WF, runId: RUN } as const;
export const TASK_TIMEOUT_MS = 10_000;
export const PARENT: ParentRef = { workflowId: "parent-1", runId: "parent-run", seq: 9 };
export const BOOM: Failure = { type: "Boom", message: "it broke" };

/** The same command at another time. */
export function at<C extends HistoryCommand>(now: number, command: C): C {
  return { ...command, now };
}

/**
 * The same command addressed to another run of the workflow id: run-scoped commands (tasks,
 * activities, timers) carry `runId`, a child's reports carry the parent's `parentRunId`.
 */
export function inRun(runId: string, command: HistoryCommand): HistoryCommand {
  const data: Record<string, unknown> = { ...command.data };
  if ("parentRunId" in data) data.parentRunId = runId;
  else if ("runId" in data && command.type !== "StartWorkflow") data.runId = runId;
  else throw new Error(`${command.type} does not name a run`);
  return { ...command, data } as HistoryCommand;
}

function cmd(body: HistoryCommandBody): HistoryCommand {
  return { ...body, now: T0 } as HistoryCommand;
}

// ---- history commands -------------------------------------------------------------------

export function start(over: Partial<StartWorkflowData> = {}): HistoryCommand {
  return cmd({
    type: "StartWorkflow",
    data: {
      workflowId: WF,
      runId: RUN,
      workflowType: "order",
      taskQueue: "main",
      input: { item: "book" },
      requestId: "req-1",
      ...over,
    },
  });
}

export function signal(
  requestId: string,
  signalName = "approve",
  input: Payload = { by: "ann" },
): HistoryCommand {
  return cmd({ type: "SignalWorkflow", data: { signalName, input, requestId } });
}

export function requestCancel(requestId = "cancel-1", reason = "user asked"): HistoryCommand {
  return cmd({ type: "RequestCancelWorkflow", data: { reason, requestId } });
}

export function terminate(reason = "ops"): HistoryCommand {
  return cmd({ type: "TerminateWorkflow", data: { reason } });
}

export function taskStarted(scheduledEventId: number, identity = "worker-1"): HistoryCommand {
  return cmd({ type: "WorkflowTaskStarted", data: { runId: RUN, scheduledEventId, identity } });
}

export function completeTask(
  scheduledEventId: number,
  commands: WorkflowCommand[],
  newRunId?: string,
): HistoryCommand {
  return cmd({
    type: "CompleteWorkflowTask",
    data: {
      runId: RUN,
      scheduledEventId,
      identity: "worker-1",
      commands,
      ...(newRunId ? { newRunId } : {}),
    },
  });
}

export function failTask(scheduledEventId: number, failure: Failure = BOOM): HistoryCommand {
  return cmd({
    type: "FailWorkflowTask",
    data: { runId: RUN, scheduledEventId, identity: "worker-1", failure },
  });
}

export function activityStarted(
  activityId: string,
  attempt = 1,
  identity = "worker-2",
): HistoryCommand {
  return cmd({ type: "ActivityTaskStarted", data: { runId: RUN, activityId, attempt, identity } });
}

export function completeActivity(
  activityId: string,
  attempt = 1,
  result: Payload = { charged: 12 },
): HistoryCommand {
  return cmd({ type: "CompleteActivityTask", data: { runId: RUN, activityId, attempt, result } });
}

export function failActivity(
  activityId: string,
  attempt = 1,
  failure: Failure = BOOM,
): HistoryCommand {
  return cmd({ type: "FailActivityTask", data: { runId: RUN, activityId, attempt, failure } });
}

export function heartbeat(activityId: string, attempt = 1, details?: Payload): HistoryCommand {
  return cmd({
    type: "HeartbeatActivityTask",
    data: { runId: RUN, activityId, attempt, ...(details !== undefined ? { details } : {}) },
  });
}

export function timerFired(timerId: string): HistoryCommand {
  return cmd({ type: "TimerFired", data: { runId: RUN, timerId } });
}

export function childStarted(seq: number, workflowId: string, runId: string): HistoryCommand {
  return cmd({ type: "ChildWorkflowStarted", data: { parentRunId: RUN, seq, workflowId, runId } });
}

export function childClosed(
  seq: number,
  workflowId: string,
  outcome: ChildOutcome,
  runId?: string,
): HistoryCommand {
  return cmd({
    type: "ChildWorkflowClosed",
    data: { parentRunId: RUN, seq, workflowId, outcome, ...(runId ? { runId } : {}) },
  });
}

// ---- workflow commands ------------------------------------------------------------------

export const ACTIVITY_OPTIONS: ActivityOptions = { taskQueue: "acts" };

export function scheduleActivity(
  seq: number,
  options: ActivityOptions = ACTIVITY_OPTIONS,
  activityType = "charge",
  input: Payload = [12],
): WorkflowCommand {
  return { type: "ScheduleActivity", data: { seq, activityType, input, options } };
}

export function requestCancelActivity(seq: number): WorkflowCommand {
  return { type: "RequestCancelActivity", data: { seq } };
}

export function startTimer(seq: number, fireAt: number): WorkflowCommand {
  return { type: "StartTimer", data: { seq, fireAt } };
}

export function cancelTimer(seq: number): WorkflowCommand {
  return { type: "CancelTimer", data: { seq } };
}

export function startChild(
  seq: number,
  workflowId: string,
  over: Partial<Extract<WorkflowCommand, { type: "StartChildWorkflow" }>["data"]> = {},
): WorkflowCommand {
  return {
    type: "StartChildWorkflow",
    data: { seq, workflowId, workflowType: "ship", input: { box: 1 }, taskQueue: "main", ...over },
  };
}

export function signalExternal(
  seq: number,
  workflowId: string,
  signalName = "ping",
  input: Payload = { n: 1 },
): WorkflowCommand {
  return { type: "SignalExternalWorkflow", data: { seq, workflowId, signalName, input } };
}

export function recordMarker(
  seq: number,
  details: Payload = 0.42,
  markerName: "side-effect" | "version" = "side-effect",
): WorkflowCommand {
  return { type: "RecordMarker", data: { seq, markerName, details } };
}

export function completeWorkflow(result: Payload = "done"): WorkflowCommand {
  return { type: "CompleteWorkflow", data: { result } };
}

export function failWorkflow(failure: Failure = BOOM): WorkflowCommand {
  return { type: "FailWorkflow", data: { failure } };
}

export function cancelWorkflow(details?: Payload): WorkflowCommand {
  return { type: "CancelWorkflow", data: details === undefined ? {} : { details } };
}

export function continueAsNew(
  input: Payload,
  over: { workflowType?: string; taskQueue?: string } = {},
): WorkflowCommand {
  return { type: "ContinueAsNew", data: { input, ...over } };
}

// ---- scenarios and expected effects -------------------------------------------------------

/** A fresh run whose first workflow task (scheduled as event 2) is in flight. */
export const TASK_IN_FLIGHT = [start(), taskStarted(2)];

/** A fresh run whose first task completed with `commands` (events 1-4, then the commands'). */
export function afterFirstTask(
  commands: WorkflowCommand[],
  over: Partial<StartWorkflowData> = {},
): HistoryCommand[] {
  return [start(over), taskStarted(2), completeTask(2, commands)];
}

export function dispatchTask(
  scheduledEventId: number,
  attempt = 1,
  ids: { workflowId: string; runId: string } = IDS,
): Effect {
  return {
    type: "DispatchWorkflowTask",
    data: { ...ids, workflowType: "order", taskQueue: "main", scheduledEventId, attempt },
  };
}

export function dispatchActivity(
  activityId: string,
  attempt = 1,
  options: ActivityOptions = ACTIVITY_OPTIONS,
): Effect {
  return {
    type: "DispatchActivityTask",
    data: { ...IDS, activityId, activityType: "charge", input: [12], attempt, options },
  };
}

export function startTimerEffect(timerId: string, fireAt: number, runId = RUN): Effect {
  return { type: "StartTimer", data: { workflowId: WF, runId, timerId, fireAt } };
}

export function cancelTimerEffect(timerId: string): Effect {
  return { type: "CancelTimer", data: { ...IDS, timerId } };
}

export function cancelActivityEffect(activityId: string): Effect {
  return { type: "CancelActivityTask", data: { ...IDS, activityId } };
}

export function sendCommand(workflowId: string, command: HistoryCommandBody): Effect {
  return { type: "SendCommand", data: { workflowId, command } };
}

/** The report a child sends its parent when it closes. */
export function reportToParent(outcome: ChildOutcome, runId = RUN): Effect {
  return sendCommand(PARENT.workflowId, {
    type: "ChildWorkflowClosed",
    data: { parentRunId: PARENT.runId, seq: PARENT.seq, workflowId: WF, runId, outcome },
  });
}
