import type {
  HistoryEvent,
  HistoryEventType,
  WorkflowCommand,
  WorkflowCommandType,
} from "@eventual/core";
import type { v1 } from "@eventual/proto";
import { ProtoMappingError } from "./proto-mapping.error";

// Records rather than arrays so that adding a type to the core without listing it here is a
// compile error (and so is listing one the core does not have).
const HISTORY_EVENT_TYPES: Record<HistoryEventType, true> = {
  WorkflowStarted: true,
  WorkflowCompleted: true,
  WorkflowFailed: true,
  WorkflowCancelled: true,
  WorkflowTerminated: true,
  WorkflowTimedOut: true,
  WorkflowContinuedAsNew: true,
  WorkflowCancelRequested: true,
  WorkflowTaskScheduled: true,
  WorkflowTaskStarted: true,
  WorkflowTaskCompleted: true,
  WorkflowTaskFailed: true,
  WorkflowTaskTimedOut: true,
  ActivityTaskScheduled: true,
  ActivityTaskStarted: true,
  ActivityTaskCompleted: true,
  ActivityTaskFailed: true,
  ActivityTaskTimedOut: true,
  ActivityTaskCancelRequested: true,
  ActivityTaskCancelled: true,
  TimerStarted: true,
  TimerFired: true,
  TimerCancelled: true,
  SignalReceived: true,
  SignalExternalInitiated: true,
  ChildWorkflowInitiated: true,
  ChildWorkflowStarted: true,
  ChildWorkflowCompleted: true,
  ChildWorkflowFailed: true,
  ChildWorkflowCancelled: true,
  ChildWorkflowTimedOut: true,
  MarkerRecorded: true,
};

const WORKFLOW_COMMAND_TYPES: Record<WorkflowCommandType, true> = {
  ScheduleActivity: true,
  RequestCancelActivity: true,
  StartTimer: true,
  CancelTimer: true,
  StartChildWorkflow: true,
  SignalExternalWorkflow: true,
  RecordMarker: true,
  CompleteWorkflow: true,
  FailWorkflow: true,
  CancelWorkflow: true,
  ContinueAsNew: true,
};

export function isHistoryEventType(type: string): type is HistoryEventType {
  return Object.hasOwn(HISTORY_EVENT_TYPES, type);
}

export function isWorkflowCommandType(type: string): type is WorkflowCommandType {
  return Object.hasOwn(WORKFLOW_COMMAND_TYPES, type);
}

/** The core's event as the API carries it: envelope fields typed, the data as JSON. */
export function historyEventToProto(event: HistoryEvent): v1.HistoryEvent {
  return {
    eventId: event.eventId,
    timestampMs: event.timestamp,
    type: event.type,
    dataJson: JSON.stringify(event.data),
  };
}

/**
 * An API event as the core's `HistoryEvent`. Checks the envelope (known type, data is an
 * object) but not each variant's fields: the events come from the history service, which
 * wrote them with the core's own types.
 */
export function historyEventFromProto(event: v1.HistoryEvent__Output, field: string): HistoryEvent {
  if (!isHistoryEventType(event.type))
    throw new ProtoMappingError(`${field}.type`, `unknown event type "${event.type}"`);
  const data = parseDataObject(event.dataJson, `${field}.data_json`);
  return {
    eventId: event.eventId,
    timestamp: event.timestampMs,
    type: event.type,
    data,
  } as HistoryEvent;
}

/** A workflow command as the API carries it. */
export function workflowCommandToProto(
  command: WorkflowCommand,
  field: string,
): v1.WorkflowCommand {
  try {
    return { type: command.type, dataJson: JSON.stringify(command.data) };
  } catch (error) {
    throw new ProtoMappingError(
      `${field}.data`,
      `is not JSON-serializable (${(error as Error).message})`,
    );
  }
}

/**
 * An API command as the core's `WorkflowCommand`, checking the envelope only. A server must
 * still validate each command's fields (the core's command validator does) before applying
 * it: unlike events, commands come from user-hosted workers.
 */
export function workflowCommandFromProto(
  command: v1.WorkflowCommand__Output,
  field: string,
): WorkflowCommand {
  if (!isWorkflowCommandType(command.type)) {
    throw new ProtoMappingError(`${field}.type`, `unknown command type "${command.type}"`);
  }
  const data = parseDataObject(command.dataJson, `${field}.data_json`);
  return { type: command.type, data } as WorkflowCommand;
}

function parseDataObject(json: string, field: string): Record<string, unknown> {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new ProtoMappingError(field, `is not valid JSON (${(error as Error).message})`);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new ProtoMappingError(field, "must be a JSON object");
  }
  return data as Record<string, unknown>;
}
