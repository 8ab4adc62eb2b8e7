import {
  type EventOf,
  type HistoryEvent,
  type HistoryEventType,
  historyProblems,
} from "@eventual/core";
import type { WorkflowHandle } from "@eventual/testing";

/** The default virtual start of a TestEnvironment. */
export const T0 = Date.parse("2025-01-01T00:00:00Z");

export const SECOND = 1_000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

type AnyHandle = Pick<WorkflowHandle<unknown>, "workflowId" | "history">;

/** Every run's history must be one the core itself would accept. */
export function expectValidHistory(...handles: AnyHandle[]): void {
  for (const handle of handles) {
    expect({ workflowId: handle.workflowId, problems: historyProblems(handle.history()) }).toEqual({
      workflowId: handle.workflowId,
      problems: [],
    });
  }
}

export function eventTypes(handle: AnyHandle): HistoryEventType[] {
  return handle.history().map((e) => e.type);
}

export function eventsOf<T extends HistoryEventType>(
  handle: AnyHandle | HistoryEvent[],
  type: T,
): Array<EventOf<T>> {
  const events = Array.isArray(handle) ? handle : handle.history();
  return events.filter((e): e is EventOf<T> => e.type === type);
}

/** Event types without the workflow-task bookkeeping, which says little about behaviour. */
export function businessEvents(handle: AnyHandle): HistoryEventType[] {
  return eventTypes(handle).filter((t) => !t.startsWith("WorkflowTask"));
}
