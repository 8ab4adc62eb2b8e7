import {
  type CommandOutcome,
  type Effect,
  type HistoryCommandMessage,
  type HistoryEventMessage,
  type WorkflowState,
  INITIAL_STATE,
  type TopicNames,
  assertNever,
  decide,
  encodeMessage,
  evolve,
  topicNames,
} from "@eventual/core";
import type { OutgoingRecord } from "@eventual/log";

export type { CommandOutcome };

export interface BatchResult {
  /** Events, tasks, timer requests and commands for other workflows: appended in one transaction. */
  records: OutgoingRecord[];
  outcomes: CommandOutcome[];
  /** Puts back the states this batch changed: call it when the batch's transaction fails. */
  undo(): void;
}

/**
 * The history service's state for one partition of history.commands: the current state of
 * every workflow id in it, and the translation of `decide`'s output into log records. Pure
 * apart from its map; the service wraps it in the log port's exactly-once processor, so the
 * records of a batch and its consumed offsets commit together (DESIGN §3.2).
 *
 * @example
 * const part = new HistoryPartition(3);
 * part.rebuild(eventMessagesOfPartition3);
 * const { records } = part.apply(commandMessages);
 */
export class HistoryPartition {
  private readonly states = new Map<string, WorkflowState>();

  constructor(
    readonly partition: number,
    private readonly topics: TopicNames = topicNames(),
  ) {}

  get workflowCount(): number {
    return this.states.size;
  }

  state(workflowId: string): WorkflowState {
    return this.states.get(workflowId) ?? INITIAL_STATE;
  }

  /** Folds events read back from history.events (on assignment) into the states. */
  rebuild(events: Iterable<HistoryEventMessage>): void {
    for (const { workflowId, event } of events) {
      this.states.set(workflowId, evolve(this.state(workflowId), event));
    }
  }

  /**
   * Applies commands in order and returns the records to append. The states move on at once;
   * if the records are not committed (the transaction failed and the batch will be delivered
   * again), the caller must `undo()` so the redelivery meets the states it was decided on.
   */
  apply(commands: Iterable<HistoryCommandMessage>): BatchResult {
    const records: OutgoingRecord[] = [];
    const outcomes: CommandOutcome[] = [];
    const before = new Map<string, WorkflowState | undefined>();
    for (const { workflowId, command, replyTo } of commands) {
      const outcome = this.applyOne(workflowId, command, records, before);
      outcomes.push(outcome);
      if (replyTo)
        records.push({
          topic: this.topics.historyReplies,
          key: replyTo.gateway,
          value: encodeMessage({ replyTo, outcome }),
        });
    }
    const undo = () => {
      for (const [id, state] of before) {
        if (state === undefined) this.states.delete(id);
        else this.states.set(id, state);
      }
    };
    return { records, outcomes, undo };
  }

  private applyOne(
    workflowId: string,
    command: HistoryCommandMessage["command"],
    records: OutgoingRecord[],
    before: Map<string, WorkflowState | undefined>,
  ): CommandOutcome {
    const decision = decide(this.state(workflowId), command);
    if (!decision.ok) return { status: "rejected", workflowId, rejection: decision.rejection };
    const after = decision.state;
    if (decision.events.length === 0 && decision.effects.length === 0) {
      return {
        status: "duplicate",
        workflowId,
        ...(after.status !== "none" ? { runId: after.runId } : {}),
      };
    }
    if (!before.has(workflowId)) before.set(workflowId, this.states.get(workflowId));
    this.states.set(workflowId, after);
    const runId = after.status === "none" ? "" : after.runId;
    for (const event of decision.events) {
      records.push({
        topic: this.topics.historyEvents,
        key: workflowId,
        value: encodeMessage({ workflowId, runId, event }),
      });
    }
    for (const effect of decision.effects)
      records.push(recordFor(this.topics, workflowId, effect, command.now));
    return { status: "applied", workflowId, runId, events: decision.events.length };
  }
}

/** Where each kind of effect goes. Every record is keyed by the workflow it concerns. */
function recordFor(
  topics: TopicNames,
  workflowId: string,
  effect: Effect,
  now: number,
): OutgoingRecord {
  switch (effect.type) {
    case "DispatchWorkflowTask":
    case "DispatchActivityTask":
    case "CancelActivityTask":
      return {
        topic: topics.matchingTasks,
        key: effect.data.workflowId,
        value: encodeMessage(effect),
      };
    case "StartTimer":
    case "CancelTimer":
      return {
        topic: topics.timersCommands,
        key: effect.data.workflowId,
        value: encodeMessage(effect),
      };
    case "SendCommand": {
      // Commands for other workflows (or the next run of this one) are stamped now: their
      // time is when this decision happened.
      const target = effect.data.workflowId;
      return {
        topic: topics.historyCommands,
        key: target,
        value: encodeMessage({
          workflowId: target,
          command: { ...effect.data.command, now } as HistoryCommandMessage["command"],
        }),
        headers: { "eventual-source-workflow": workflowId },
      };
    }
    default:
      return assertNever(effect, "effect");
  }
}
