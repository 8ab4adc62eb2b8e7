import type { HistoryEvent, WorkflowCommand } from "@eventual/core";
import { DeterminismError } from "@eventual/sdk";

/** Events that a workflow task's commands produce, in the order the core appends them. */
export function isCommandEvent(event: HistoryEvent): boolean {
  switch (event.type) {
    case "ActivityTaskScheduled":
      return event.data.attempt === 1;
    case "ActivityTaskCancelRequested":
    case "ActivityTaskCancelled":
    case "TimerStarted":
    case "TimerCancelled":
    case "ChildWorkflowInitiated":
    case "SignalExternalInitiated":
    case "MarkerRecorded":
    case "WorkflowCompleted":
    case "WorkflowFailed":
    case "WorkflowCancelled":
    case "WorkflowContinuedAsNew":
      return true;
    default:
      return false;
  }
}

/** Where a mismatch happened, for the error message. */
export interface RunLabel {
  workflowType: string;
  workflowId: string;
  runId: string;
}

/**
 * Checks that replayed code issued the same operations, in the same order, as the history
 * recorded after one workflow task. Throws `DeterminismError` naming the sequence number, the
 * recorded call and the call the code makes now.
 */
export class CommandMatcher {
  private index = 0;

  constructor(
    private readonly commands: readonly WorkflowCommand[],
    private readonly run: RunLabel,
  ) {}

  /** Matches the next recorded command event. */
  match(event: HistoryEvent): void {
    // A cancel request may be followed by its cancellation in the same task; that is the core's doing.
    if (event.type === "ActivityTaskCancelled") return;
    let command = this.commands[this.index];
    // Cancelling a timer that fired during the task records nothing; skip such commands.
    while (command?.type === "CancelTimer" && !(event.type === "TimerCancelled" && event.data.seq === command.data.seq)) {
      command = this.commands[++this.index];
    }
    if (!command) {
      throw this.error(seqOfEvent(event), describeEvent(event), "nothing (the code did not issue it)");
    }
    if (!sameOperation(command, event)) {
      throw this.error(seqOfEvent(event) ?? seqOfCommand(command), describeEvent(event), describeCommand(command));
    }
    this.index++;
  }

  /** The task's recorded events ended; the code must not have asked for more. */
  finish(): void {
    const rest = this.commands.slice(this.index).filter((c) => c.type !== "CancelTimer");
    if (rest.length > 0) {
      throw this.error(seqOfCommand(rest[0]), "nothing (history has no such call)", describeCommand(rest[0]));
    }
  }

  private error(seq: number | undefined, recorded: string, actual: string): DeterminismError {
    const at = seq === undefined ? "" : ` at operation #${seq}`;
    return new DeterminismError(
      `Workflow "${this.run.workflowType}" (id ${this.run.workflowId}, run ${this.run.runId}) is not deterministic${at}: ` +
        `history recorded ${recorded}, but the code now calls ${actual}. ` +
        `Changing the order or kind of awaited operations breaks running workflows; keep the old path for them.`,
      { seq, expected: recorded, actual },
    );
  }
}

function sameOperation(command: WorkflowCommand, event: HistoryEvent): boolean {
  switch (command.type) {
    case "ScheduleActivity":
      return event.type === "ActivityTaskScheduled" && event.data.seq === command.data.seq && event.data.activityType === command.data.activityType;
    case "RequestCancelActivity":
      return event.type === "ActivityTaskCancelRequested" && event.data.seq === command.data.seq;
    case "StartTimer":
      return event.type === "TimerStarted" && event.data.seq === command.data.seq;
    case "CancelTimer":
      return event.type === "TimerCancelled" && event.data.seq === command.data.seq;
    case "StartChildWorkflow":
      return event.type === "ChildWorkflowInitiated" && event.data.seq === command.data.seq && event.data.workflowType === command.data.workflowType;
    case "SignalExternalWorkflow":
      return event.type === "SignalExternalInitiated" && event.data.seq === command.data.seq && event.data.signalName === command.data.signalName;
    case "RecordMarker":
      return event.type === "MarkerRecorded" && event.data.seq === command.data.seq && event.data.markerName === command.data.markerName;
    case "CompleteWorkflow":
      return event.type === "WorkflowCompleted";
    case "FailWorkflow":
      return event.type === "WorkflowFailed";
    case "CancelWorkflow":
      return event.type === "WorkflowCancelled";
    case "ContinueAsNew":
      return event.type === "WorkflowContinuedAsNew";
    default: {
      const never: never = command;
      throw new Error(`Unknown workflow command ${JSON.stringify(never)}`);
    }
  }
}

/** Human wording of a command, as a user would recognise it in their code. */
export function describeCommand(command: WorkflowCommand): string {
  switch (command.type) {
    case "ScheduleActivity":
      return `activity "${command.data.activityType}" (#${command.data.seq})`;
    case "RequestCancelActivity":
      return `cancel of activity #${command.data.seq}`;
    case "StartTimer":
      return `a timer (duration/time, #${command.data.seq})`;
    case "CancelTimer":
      return `cancel of timer #${command.data.seq}`;
    case "StartChildWorkflow":
      return `child workflow "${command.data.workflowType}" (#${command.data.seq})`;
    case "SignalExternalWorkflow":
      return `sendSignal("${command.data.signalName}") (#${command.data.seq})`;
    case "RecordMarker":
      return `marker "${command.data.markerName}" (#${command.data.seq})`;
    case "CompleteWorkflow":
      return "return from the workflow (complete)";
    case "FailWorkflow":
      return `throw from the workflow (${command.data.failure.type}: ${command.data.failure.message})`;
    case "CancelWorkflow":
      return "end as cancelled";
    case "ContinueAsNew":
      return "continue-as-new";
    default: {
      const never: never = command;
      return JSON.stringify(never);
    }
  }
}

function describeEvent(event: HistoryEvent): string {
  switch (event.type) {
    case "ActivityTaskScheduled":
      return `activity "${event.data.activityType}" (#${event.data.seq})`;
    case "ActivityTaskCancelRequested":
      return `cancel of activity #${event.data.seq}`;
    case "TimerStarted":
      return `a timer (duration/time, #${event.data.seq})`;
    case "TimerCancelled":
      return `cancel of timer #${event.data.seq}`;
    case "ChildWorkflowInitiated":
      return `child workflow "${event.data.workflowType}" (#${event.data.seq})`;
    case "SignalExternalInitiated":
      return `sendSignal("${event.data.signalName}") (#${event.data.seq})`;
    case "MarkerRecorded":
      return `marker "${event.data.markerName}" (#${event.data.seq})`;
    case "WorkflowCompleted":
      return "return from the workflow (complete)";
    case "WorkflowFailed":
      return "throw from the workflow";
    case "WorkflowCancelled":
      return "end as cancelled";
    case "WorkflowContinuedAsNew":
      return "continue-as-new";
    default:
      return event.type;
  }
}

function seqOfEvent(event: HistoryEvent): number | undefined {
  const data = event.data as { seq?: number };
  return typeof data.seq === "number" ? data.seq : undefined;
}

function seqOfCommand(command: WorkflowCommand): number | undefined {
  const data = command.data as { seq?: number };
  return typeof data.seq === "number" ? data.seq : undefined;
}
