import {
  type Decision,
  type Effect,
  type HistoryCommand,
  type HistoryEvent,
  type HistoryEventBody,
  type RejectionCode,
  type RejectionReason,
  type WorkflowState,
  INITIAL_STATE,
  decide,
  evolve,
  historyProblems,
} from "../src";

/**
 * Given / when / then over `decide`, with no infrastructure:
 *
 * @example
 * given(start(), taskStarted(2))
 *   .when(completeTask(2, [completeWorkflow("done")]))
 *   .then({ events: [...], effects: [...] });
 *
 * `given` builds the state by running `decide` on each earlier command (each must be accepted).
 * `when` runs one more and, for an accepted decision, checks the invariants every decision
 * owes: event ids continue the run's history without gaps, every event is stamped with the
 * command's `now`, the run's history stays valid, and folding `evolve` over the emitted events
 * reproduces the state `decide` returned.
 */
export function given(...commands: HistoryCommand[]): Given {
  let state: WorkflowState = INITIAL_STATE;
  let history: HistoryEvent[] = [];
  for (const [index, command] of commands.entries()) {
    const decision = decide(state, command);
    if (!decision.ok) {
      throw new Error(
        `given: command ${index} (${command.type}) was rejected: ${decision.rejection.message}`,
      );
    }
    history = appendToRun(history, decision.events);
    state = decision.state;
  }
  return new Given(state, history);
}

/** A run's history after a decision: a `WorkflowStarted` begins a new run's history. */
export function appendToRun(history: HistoryEvent[], events: HistoryEvent[]): HistoryEvent[] {
  const startAt = events.findIndex((e) => e.type === "WorkflowStarted");
  return startAt >= 0 ? events.slice(startAt) : [...history, ...events];
}

/** `{ type, data }` of each event, without id and timestamp. */
export function bodies(events: readonly HistoryEvent[]): HistoryEventBody[] {
  return events.map(({ type, data }) => ({ type, data }) as HistoryEventBody);
}

export class Given {
  constructor(
    readonly state: WorkflowState,
    /** The current (or last) run's history so far. */
    readonly history: HistoryEvent[],
  ) {}

  when(command: HistoryCommand): When {
    return new When(this, command);
  }
}

export class When {
  readonly decision: Decision;

  constructor(
    readonly given: Given,
    readonly command: HistoryCommand,
  ) {
    this.decision = decide(given.state, command);
    if (this.decision.ok) this.checkInvariants(this.decision);
  }

  private get accepted(): Extract<Decision, { ok: true }> {
    if (!this.decision.ok) {
      throw new Error(
        `expected ${this.command.type} to be accepted, was rejected: ${JSON.stringify(this.decision.rejection)}`,
      );
    }
    return this.decision;
  }

  get events(): HistoryEvent[] {
    return this.accepted.events;
  }

  get effects(): Effect[] {
    return this.accepted.effects;
  }

  get state(): WorkflowState {
    return this.accepted.state;
  }

  /** The run's whole history after this decision. */
  get history(): HistoryEvent[] {
    return appendToRun(this.given.history, this.events);
  }

  /** Exactly these events (type and data, in order) and/or exactly these effects. */
  then(expected: { events?: HistoryEventBody[]; effects?: Effect[] }): this {
    if (expected.events) expect(bodies(this.events)).toEqual(expected.events);
    if (expected.effects) expect(this.effects).toEqual(expected.effects);
    return this;
  }

  /** Asserts on the state after the decision. */
  thenState(check: (state: WorkflowState) => void): this {
    check(this.state);
    return this;
  }

  /** Accepted as a duplicate: no events, no effects, and the very same state object. */
  thenNothing(): this {
    expect(this.decision.ok).toBe(true);
    expect(this.events).toEqual([]);
    expect(this.effects).toEqual([]);
    expect(this.state).toBe(this.given.state);
    return this;
  }

  /** A typed rejection, never a throw. */
  thenRejected(code: RejectionCode, reason: RejectionReason): this {
    expect(this.decision).toEqual({
      ok: false,
      rejection: { code, reason, message: expect.any(String) },
    });
    if (!this.decision.ok) expect(this.decision.rejection.message.length).toBeGreaterThan(10);
    return this;
  }

  private checkInvariants(decision: Extract<Decision, { ok: true }>): void {
    const { events, state } = decision;
    if (events.length === 0) {
      expect(state).toBe(this.given.state);
      return;
    }
    const before = this.given.state;
    const firstId =
      events[0].type === "WorkflowStarted" || before.status !== "running" ? 1 : before.nextEventId;
    expect(events.map((e) => e.eventId)).toEqual(events.map((_, i) => firstId + i));
    expect(events.every((e) => e.timestamp === this.command.now)).toBe(true);
    expect(historyProblems(this.history)).toEqual([]);
    expect(events.reduce(evolve, before)).toEqual(state);
    expect(this.history.reduce(evolve, INITIAL_STATE)).toEqual(state);
  }
}
