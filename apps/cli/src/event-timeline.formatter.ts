import { type HistoryEvent, assertNever } from "@eventual/core";
import { formatFailure, formatOffset, formatPayload, formatTimestamp } from "./display-format";

// The longest event type name, so the summaries line up. "ActivityTaskCancelRequested".
const TYPE_WIDTH = 27;
const ID_WIDTH = 4;
const OFFSET_WIDTH = 10;

/** Options of a timeline. */
export interface EventTimelineOptions {
  /** Offsets count from here; default: the first event's timestamp (WorkflowStarted). */
  startTimeMs?: number;
  /** Zone of wall-clock times in summaries (timer fire times); default the machine's. */
  timeZone?: string;
}

/**
 * Renders a run's history one line per event: id, time since the run started, type and a
 * short summary of its data. Stateful because some events only make sense with earlier ones
 * (ActivityTaskCompleted names an activity id; the type was on ActivityTaskScheduled), and
 * because `start --follow` feeds it events as they arrive rather than all at once.
 *
 * @example
 * const timeline = new EventTimeline();
 * for (const event of events) console.log(timeline.line(event));
 * //    1  +0.000s     WorkflowStarted             greeter on "main", input "ana"
 * //    5  +0.051s     TimerFired                  timer user/1
 * //    8  +0.060s     ActivityTaskCompleted       greet attempt 1 → "hello ana (1)"
 */
export class EventTimeline {
  private startTimeMs: number | undefined;
  private readonly timeZone: string | undefined;
  private readonly activityTypes = new Map<string, string>();

  constructor(options: EventTimelineOptions = {}) {
    this.startTimeMs = options.startTimeMs;
    this.timeZone = options.timeZone;
  }

  /** One event as a line (no trailing newline). Feed events in order. */
  line(event: HistoryEvent): string {
    this.startTimeMs ??= event.timestamp;
    if (event.type === "ActivityTaskScheduled") {
      this.activityTypes.set(event.data.activityId, event.data.activityType);
    }
    const id = String(event.eventId).padStart(ID_WIDTH);
    const offset = formatOffset(event.timestamp - this.startTimeMs).padEnd(OFFSET_WIDTH);
    return `${id}  ${offset}  ${event.type.padEnd(TYPE_WIDTH)}  ${this.summary(event)}`.trimEnd();
  }

  /** Every event of a history, one line each. */
  lines(events: readonly HistoryEvent[]): string[] {
    return events.map((event) => this.line(event));
  }

  /**
   * What an event says, in a few words. An exhaustive switch: a new event type in the core's
   * union fails to compile here until the CLI knows how to show it.
   */
  summary(event: HistoryEvent): string {
    switch (event.type) {
      case "WorkflowStarted": {
        const d = event.data;
        return join([
          `${d.workflowType} on "${d.taskQueue}"`,
          d.input === null || d.input === undefined ? undefined : `input ${formatPayload(d.input)}`,
          d.parent && `child of ${d.parent.workflowId} (run ${d.parent.runId})`,
          d.continuedFromRunId && `continued from run ${d.continuedFromRunId}`,
          d.executionTimeoutMs !== undefined
            ? `execution timeout ${formatOffset(d.executionTimeoutMs).slice(1)}`
            : undefined,
        ]);
      }
      case "WorkflowCompleted":
        return `result ${formatPayload(event.data.result)}`;
      case "WorkflowFailed":
        return formatFailure(event.data.failure);
      case "WorkflowCancelled":
        return event.data.details === undefined || event.data.details === null
          ? ""
          : `details ${formatPayload(event.data.details)}`;
      case "WorkflowTerminated":
        return event.data.reason ? `reason: ${event.data.reason}` : "";
      case "WorkflowTimedOut":
        return "execution timeout reached";
      case "WorkflowContinuedAsNew":
        return join([
          `new run ${event.data.newRunId} of ${event.data.workflowType} on "${event.data.taskQueue}"`,
          `input ${formatPayload(event.data.input)}`,
        ]);
      case "WorkflowCancelRequested":
        return event.data.reason ? `reason: ${event.data.reason}` : "";
      case "WorkflowTaskScheduled":
        return `attempt ${event.data.attempt}`;
      case "WorkflowTaskStarted":
        return `by ${event.data.identity}`;
      case "WorkflowTaskCompleted":
        return `by ${event.data.identity}`;
      case "WorkflowTaskFailed":
        return `${event.data.cause}: ${formatFailure(event.data.failure)}`;
      case "WorkflowTaskTimedOut":
        return `task scheduled at #${event.data.scheduledEventId}, started at #${event.data.startedEventId}`;
      case "ActivityTaskScheduled":
        return join([
          `${event.data.activityType} (activity ${event.data.activityId}) attempt ${event.data.attempt}`,
          `input ${formatPayload(event.data.input)}`,
        ]);
      case "ActivityTaskStarted":
        return `${this.activity(event.data.activityId)} attempt ${event.data.attempt} by ${event.data.identity}`;
      case "ActivityTaskCompleted":
        return `${this.activity(event.data.activityId)} attempt ${event.data.attempt} → ${formatPayload(event.data.result)}`;
      case "ActivityTaskFailed":
        return join([
          `${this.activity(event.data.activityId)} attempt ${event.data.attempt}: ${formatFailure(event.data.failure)}`,
          this.retry(event.data.nextAttemptAt),
        ]);
      case "ActivityTaskTimedOut":
        return join([
          `${this.activity(event.data.activityId)} attempt ${event.data.attempt}: ${event.data.timeoutType} timeout`,
          this.retry(event.data.nextAttemptAt),
        ]);
      case "ActivityTaskCancelRequested":
        return this.activity(event.data.activityId);
      case "ActivityTaskCancelled":
        return this.activity(event.data.activityId);
      case "TimerStarted":
        return `timer ${event.data.timerId} fires at ${this.at(event.data.fireAt)}`;
      case "TimerFired":
        return `timer ${event.data.timerId}`;
      case "TimerCancelled":
        return `timer ${event.data.timerId}`;
      case "SignalReceived":
        return join([
          `signal "${event.data.signalName}"`,
          event.data.input === null || event.data.input === undefined
            ? undefined
            : `input ${formatPayload(event.data.input)}`,
        ]);
      case "SignalExternalInitiated":
        return join([
          `signal "${event.data.signalName}" to workflow ${event.data.workflowId}`,
          `input ${formatPayload(event.data.input)}`,
        ]);
      case "ChildWorkflowInitiated":
        return join([
          `child ${event.data.workflowId} (${event.data.workflowType} on "${event.data.taskQueue}")`,
          `input ${formatPayload(event.data.input)}`,
        ]);
      case "ChildWorkflowStarted":
        return `child ${event.data.workflowId} run ${event.data.runId}`;
      case "ChildWorkflowCompleted":
        return `child ${event.data.workflowId} → ${formatPayload(event.data.result)}`;
      case "ChildWorkflowFailed":
        return `child ${event.data.workflowId}: ${formatFailure(event.data.failure)}`;
      case "ChildWorkflowCancelled":
        return `child ${event.data.workflowId} run ${event.data.runId}`;
      case "ChildWorkflowTimedOut":
        return `child ${event.data.workflowId} run ${event.data.runId}`;
      case "MarkerRecorded":
        return `${event.data.markerName} #${event.data.seq}: ${formatPayload(event.data.details)}`;
      default:
        return assertNever(event, "history event");
    }
  }

  /** An activity by its type when the timeline saw it scheduled, else by its id. */
  private activity(activityId: string): string {
    return this.activityTypes.get(activityId) ?? `activity ${activityId}`;
  }

  private retry(nextAttemptAt: number | undefined): string | undefined {
    return nextAttemptAt === undefined ? undefined : `retry at ${this.at(nextAttemptAt)}`;
  }

  /** A point in time as an offset from the start (how the timeline counts) and wall-clock. */
  private at(ms: number): string {
    const offset = this.startTimeMs === undefined ? "" : `${formatOffset(ms - this.startTimeMs)} `;
    return `${offset}(${formatTimestamp(ms, this.timeZone)})`;
  }
}

/** Joins the parts that are present with ", ". */
function join(parts: Array<string | undefined | false>): string {
  return parts.filter((part): part is string => Boolean(part)).join(", ");
}

/** Width of the type column: tests check every event type fits. */
export const TIMELINE_TYPE_WIDTH = TYPE_WIDTH;
