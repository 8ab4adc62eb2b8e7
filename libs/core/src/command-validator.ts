import { assertNever } from "./assert-never";
import { retryPolicyProblem } from "./retry-policy";
import { type ActivityOptions, type WorkflowCommand, isClosingCommand } from "./workflow-command";
import { type RunningWorkflow, activityIdOf } from "./workflow-state";

/**
 * Checks a workflow task's commands against the run before any is applied, so a bad task
 * changes nothing but its own failure. Returns a message naming the first problem.
 */
export function commandProblem(run: RunningWorkflow, commands: WorkflowCommand[], newRunId: string | undefined): string | undefined {
  let lastSeq = run.lastSeq;
  /** Sequence numbers of activities this task schedules: the only ones it may also cancel. */
  const activitiesHere = new Set<number>();
  for (const [index, command] of commands.entries()) {
    const where = `command ${index} (${command.type})`;
    if (isClosingCommand(command) && index !== commands.length - 1) {
      return `${where} closes the workflow but is not the last command`;
    }
    switch (command.type) {
      case "ScheduleActivity":
      case "StartTimer":
      case "StartChildWorkflow":
      case "SignalExternalWorkflow":
      case "RecordMarker": {
        const { seq } = command.data;
        if (!Number.isInteger(seq) || seq <= lastSeq) {
          return `${where} uses sequence number ${seq}, but numbers must increase (last was ${lastSeq})`;
        }
        lastSeq = seq;
        if (command.type === "ScheduleActivity") activitiesHere.add(seq);
        const problem = payloadProblem(command);
        if (problem) return `${where}: ${problem}`;
        break;
      }
      case "RequestCancelActivity": {
        const id = activityIdOf(command.data.seq);
        if (!run.activities[id] && !run.closedActivities[id] && !activitiesHere.has(command.data.seq)) {
          return `${where} cancels activity seq ${command.data.seq}, which this run never scheduled`;
        }
        break;
      }
      case "CancelTimer":
        if (command.data.seq > lastSeq) return `${where} cancels timer seq ${command.data.seq}, which was never started`;
        break;
      case "CancelWorkflow":
        if (!run.cancelRequested) return `${where}: the workflow can only end as cancelled after a cancel request`;
        break;
      case "ContinueAsNew":
        if (!newRunId) return `${where} needs a new run id on the CompleteWorkflowTask command`;
        if (newRunId === run.runId) return `${where}: the new run id must differ from the current run's (${run.runId})`;
        break;
      case "CompleteWorkflow":
      case "FailWorkflow":
        break;
      default:
        return assertNever(command, "workflow command");
    }
  }
  return undefined;
}

function payloadProblem(
  command: Extract<WorkflowCommand, { type: "ScheduleActivity" | "StartTimer" | "StartChildWorkflow" | "SignalExternalWorkflow" | "RecordMarker" }>,
): string | undefined {
  switch (command.type) {
    case "ScheduleActivity":
      if (!command.data.activityType) return "activityType is empty";
      return activityOptionsProblem(command.data.options);
    case "StartTimer":
      return Number.isFinite(command.data.fireAt) ? undefined : `fireAt must be a time, got ${command.data.fireAt}`;
    case "StartChildWorkflow":
      if (!command.data.workflowId) return "child workflowId is empty";
      if (!command.data.workflowType) return "child workflowType is empty";
      if (!command.data.taskQueue) return "child taskQueue is empty";
      return undefined;
    case "SignalExternalWorkflow":
      if (!command.data.workflowId) return "target workflowId is empty";
      return command.data.signalName ? undefined : "signalName is empty";
    case "RecordMarker":
      return undefined;
    default:
      return assertNever(command, "workflow command");
  }
}

/** Names the first bad field of an activity's options, or undefined when they are sane. */
export function activityOptionsProblem(options: ActivityOptions): string | undefined {
  if (!options.taskQueue) return "options.taskQueue is empty";
  for (const key of ["startToCloseTimeoutMs", "scheduleToCloseTimeoutMs", "scheduleToStartTimeoutMs", "heartbeatTimeoutMs"] as const) {
    const value = options[key];
    if (value !== undefined && !(Number.isFinite(value) && value > 0)) return `options.${key} must be > 0, got ${value}`;
  }
  return retryPolicyProblem(options.retry);
}
