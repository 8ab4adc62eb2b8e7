import type { Effect } from "./effect";
import type { HistoryCommand } from "./history-command";
import type { HistoryEvent } from "./history-event";
import type { Rejection } from "./rejection";

/**
 * The topics that carry workflow traffic (DESIGN §2). Every record is keyed by workflow id, so
 * one workflow's commands, events and tasks share a partition number.
 */
export const TOPICS = {
  historyCommands: "history.commands",
  historyEvents: "history.events",
  matchingTasks: "matching.tasks",
  timersCommands: "timers.commands",
  historyReplies: "history.replies",
  /** Records a service could not read, kept with where they came from and why (never dropped). */
  deadLetters: "dead-letters",
} as const;

export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];

/** The topic names a deployment uses: the defaults, optionally behind a prefix. */
export type TopicNames = { [K in keyof typeof TOPICS]: string };

/**
 * Topic names under a prefix, so several deployments (or test runs) can share one cluster.
 *
 * @example
 * topicNames("staging.").historyEvents === "staging.history.events"
 */
export function topicNames(prefix = ""): TopicNames {
  return {
    historyCommands: prefix + TOPICS.historyCommands,
    historyEvents: prefix + TOPICS.historyEvents,
    matchingTasks: prefix + TOPICS.matchingTasks,
    timersCommands: prefix + TOPICS.timersCommands,
    historyReplies: prefix + TOPICS.historyReplies,
    deadLetters: prefix + TOPICS.deadLetters,
  };
}

/** history.commands: a command for one workflow id, stamped with `now` by whoever sent it. */
export interface HistoryCommandMessage {
  workflowId: string;
  command: HistoryCommand;
  /** Set by a gateway waiting for the outcome: history answers on history.replies. */
  replyTo?: ReplyAddress;
}

/** Where the outcome of a command goes: the gateway instance, and its request. */
export interface ReplyAddress {
  /** The gateway instance; history.replies records are keyed by it. */
  gateway: string;
  correlationId: string;
}

/** What happened to one command; the gateway answers its caller from this. */
export type CommandOutcome =
  | { status: "applied"; workflowId: string; runId: string; events: number }
  | { status: "duplicate"; workflowId: string; runId?: string }
  | { status: "rejected"; workflowId: string; rejection: Rejection };

/** history.replies: the outcome of a command that asked for one. */
export interface HistoryReplyMessage {
  replyTo: ReplyAddress;
  outcome: CommandOutcome;
}

/** history.events: one event of one run. The log is the truth (DESIGN §3.1). */
export interface HistoryEventMessage {
  workflowId: string;
  runId: string;
  event: HistoryEvent;
}

/** matching.tasks: work for the task queues, or the withdrawal of an activity's task. */
export type MatchingTaskMessage = Extract<Effect, { type: "DispatchWorkflowTask" | "DispatchActivityTask" | "CancelActivityTask" }>;

/** timers.commands: start (or move) a durable timer, or cancel it. */
export type TimerCommandMessage = Extract<Effect, { type: "StartTimer" | "CancelTimer" }>;

/** Serialises a message for a topic. JSON, because payloads are JSON values already. */
export function encodeMessage(
  message: HistoryCommandMessage | HistoryEventMessage | MatchingTaskMessage | TimerCommandMessage | HistoryReplyMessage,
): string {
  return JSON.stringify(message);
}

/** Thrown for a record that is not a well-formed message of its topic. */
export class MalformedMessageError extends Error {
  override readonly name = "MalformedMessageError";
}

/** Parses a history.commands record, checking the envelope (the command itself is checked by `decide`). */
export function decodeHistoryCommand(value: string): HistoryCommandMessage {
  const message = parseObject(value, TOPICS.historyCommands) as Partial<HistoryCommandMessage>;
  const command = message.command as Partial<HistoryCommand> | undefined;
  if (typeof message.workflowId !== "string" || !message.workflowId) throw new MalformedMessageError("history.commands record has no workflowId");
  if (!command || typeof command.type !== "string" || typeof command.now !== "number" || typeof command.data !== "object") {
    throw new MalformedMessageError(`history.commands record for ${message.workflowId} has no well-formed command ({ type, data, now })`);
  }
  return message as HistoryCommandMessage;
}

/** Parses a history.events record. */
export function decodeHistoryEvent(value: string): HistoryEventMessage {
  const message = parseObject(value, TOPICS.historyEvents) as Partial<HistoryEventMessage>;
  if (typeof message.workflowId !== "string" || typeof message.runId !== "string" || typeof message.event?.eventId !== "number") {
    throw new MalformedMessageError("history.events record is not { workflowId, runId, event }");
  }
  return message as HistoryEventMessage;
}

function parseObject(value: string, topic: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch (error) {
    throw new MalformedMessageError(`${topic} record is not JSON: ${(error as Error).message}`);
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new MalformedMessageError(`${topic} record is not a JSON object`);
  return parsed as Record<string, unknown>;
}
