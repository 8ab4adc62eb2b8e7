import type { Effect } from "./effect";
import { evolve } from "./evolve";
import type { HistoryEvent, HistoryEventBody } from "./history-event";
import type { RunningWorkflow, TimerRecord, WorkflowState } from "./workflow-state";

/**
 * Collects what one `decide` call emits. Every event is folded with `evolve` the moment it is
 * emitted, so later steps of the same decision see its effect, and timer effects are derived
 * from how the state's timers changed rather than written by hand next to each event.
 */
export class DecisionRecorder {
  readonly events: HistoryEvent[] = [];
  readonly effects: Effect[] = [];

  constructor(
    public state: WorkflowState,
    private readonly now: number,
    /** A timer that is firing right now: it needs no cancel effect when the state drops it. */
    private readonly firingTimerId?: string,
  ) {}

  emit(body: HistoryEventBody): void {
    const before = this.state;
    const eventId = body.type === "WorkflowStarted" || before.status !== "running" ? 1 : before.nextEventId;
    const event = { ...body, eventId, timestamp: this.now } as HistoryEvent;
    this.state = evolve(before, event);
    this.events.push(event);
    this.diffTimers(before, this.state);
  }

  effect(effect: Effect): void {
    this.effects.push(effect);
  }

  /** The running state; callers use it where the decision has already checked for a running run. */
  get running(): RunningWorkflow {
    if (this.state.status !== "running") throw new Error(`Expected a running workflow, state is ${this.state.status}`);
    return this.state;
  }

  private diffTimers(before: WorkflowState, after: WorkflowState): void {
    const was = timersOf(before);
    const now = timersOf(after);
    for (const [timerId] of Object.entries(was)) {
      if (!(timerId in now) && timerId !== this.firingTimerId && before.status !== "none") {
        this.effects.push({ type: "CancelTimer", data: { workflowId: before.workflowId, runId: before.runId, timerId } });
      }
    }
    for (const [timerId, record] of Object.entries(now)) {
      if (was[timerId]?.fireAt !== record.fireAt && after.status !== "none") {
        this.effects.push({
          type: "StartTimer",
          data: { workflowId: after.workflowId, runId: after.runId, timerId, fireAt: record.fireAt },
        });
      }
    }
  }
}

function timersOf(state: WorkflowState): Record<string, TimerRecord> {
  return state.status === "running" ? state.timers : {};
}
