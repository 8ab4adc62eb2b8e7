import type { Failure, HistoryEvent, Payload, WorkflowCommand } from "@eventual/core";
import type { v1 } from "@eventual/proto";
import { historyEventFromProto, historyEventToProto } from "./history-event.mapper";
import { payloadFromProto, payloadToProto } from "./payload.mapper";
import { optionalMillis } from "./time.mapper";

/** Who is polling: a task queue and a name for this worker, e.g. "host:pid". */
export interface PollRequest {
  taskQueue: string;
  identity: string;
}

/** A workflow task handed to a worker: replay `history`, then report commands. */
export interface WorkflowTask {
  /** Opaque; pass it back when completing or failing the task. */
  taskToken: string;
  workflowId: string;
  runId: string;
  workflowType: string;
  scheduledEventId: number;
  attempt: number;
  history: HistoryEvent[];
}

/** An activity attempt handed to a worker. Timeouts are in ms and absent when not set. */
export interface ActivityTask {
  taskToken: string;
  workflowId: string;
  runId: string;
  activityId: string;
  activityType: string;
  input: Payload;
  attempt: number;
  scheduleToCloseTimeoutMs?: number;
  startToCloseTimeoutMs?: number;
  heartbeatTimeoutMs?: number;
}

export interface CompleteWorkflowTaskRequest {
  taskToken: string;
  commands: WorkflowCommand[];
  identity: string;
}

export interface FailTaskRequest {
  taskToken: string;
  failure: Failure;
  identity: string;
}

export interface CompleteActivityTaskRequest {
  taskToken: string;
  result?: Payload;
  identity: string;
}

export interface HeartbeatActivityTaskRequest {
  taskToken: string;
  details?: Payload;
}

/** A workflow task as the API sends it; for servers answering PollWorkflowTask. */
export function workflowTaskToProto(task: WorkflowTask): v1.PollWorkflowTaskResponse {
  return { ...task, history: task.history.map(historyEventToProto) };
}

/** A poll reply as a task, or undefined when the poll ended without one (empty token). */
export function workflowTaskFromProto(
  reply: v1.PollWorkflowTaskResponse__Output,
): WorkflowTask | undefined {
  if (!reply.taskToken) return undefined;
  return {
    taskToken: reply.taskToken,
    workflowId: reply.workflowId,
    runId: reply.runId,
    workflowType: reply.workflowType,
    scheduledEventId: reply.scheduledEventId,
    attempt: reply.attempt,
    history: reply.history.map((event, index) => historyEventFromProto(event, `history[${index}]`)),
  };
}

/** An activity task as the API sends it; for servers answering PollActivityTask. */
export function activityTaskToProto(task: ActivityTask): v1.PollActivityTaskResponse {
  return {
    taskToken: task.taskToken,
    workflowId: task.workflowId,
    runId: task.runId,
    activityId: task.activityId,
    activityType: task.activityType,
    input: payloadToProto(task.input, "input"),
    attempt: task.attempt,
    scheduleToCloseTimeoutMs: task.scheduleToCloseTimeoutMs ?? 0,
    startToCloseTimeoutMs: task.startToCloseTimeoutMs ?? 0,
    heartbeatTimeoutMs: task.heartbeatTimeoutMs ?? 0,
  };
}

export function activityTaskFromProto(
  reply: v1.PollActivityTaskResponse__Output,
): ActivityTask | undefined {
  if (!reply.taskToken) return undefined;
  const task: ActivityTask = {
    taskToken: reply.taskToken,
    workflowId: reply.workflowId,
    runId: reply.runId,
    activityId: reply.activityId,
    activityType: reply.activityType,
    input: payloadFromProto(reply.input, "input"),
    attempt: reply.attempt,
  };
  const limits = {
    scheduleToCloseTimeoutMs: optionalMillis(reply.scheduleToCloseTimeoutMs),
    startToCloseTimeoutMs: optionalMillis(reply.startToCloseTimeoutMs),
    heartbeatTimeoutMs: optionalMillis(reply.heartbeatTimeoutMs),
  };
  for (const [key, value] of Object.entries(limits) as [
    keyof typeof limits,
    number | undefined,
  ][]) {
    if (value !== undefined) task[key] = value;
  }
  return task;
}
