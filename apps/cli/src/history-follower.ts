import { EventualClientError } from "@eventual/client";
import { type CloseEventType, type EventOf, type HistoryEvent, isCloseEvent } from "@eventual/core";
import type { GatewayClient } from "./cli-context";

/** How often `--follow` asks for new events. */
export const FOLLOW_POLL_MS = 200;

/**
 * How long `--follow` accepts NOT_FOUND for a run it just started: the read model lags the log
 * by the projector's delay (milliseconds, more on a busy or cold platform).
 */
export const FOLLOW_NOT_FOUND_GRACE_MS = 10_000;

const PAGE_SIZE = 100;

/**
 * Reads a run's history incrementally: each `poll()` returns the events after the last one it
 * returned. Page tokens are opaque and the last page carries none, so it cannot ask for "after
 * event N"; instead it remembers the token of the page that holds the tail and re-reads that
 * one page, dropping ids it has seen (at most a page's worth per poll).
 *
 * @example
 * const follower = new HistoryFollower(client, { workflowId: "greet-ana", runId });
 * for (const event of await follower.poll()) console.log(event.type);
 */
export class HistoryFollower {
  private tailPageToken: string | undefined;
  private lastEventId = 0;

  constructor(
    private readonly client: Pick<GatewayClient, "getWorkflowHistory">,
    private readonly ref: { workflowId: string; runId: string },
    private readonly pageSize = PAGE_SIZE,
  ) {}

  async poll(): Promise<HistoryEvent[]> {
    const fresh: HistoryEvent[] = [];
    for (;;) {
      const page = await this.client.getWorkflowHistory({
        ...this.ref,
        pageSize: this.pageSize,
        ...(this.tailPageToken ? { pageToken: this.tailPageToken } : {}),
      });
      for (const event of page.events) {
        if (event.eventId > this.lastEventId) {
          fresh.push(event);
          this.lastEventId = event.eventId;
        }
      }
      if (!page.nextPageToken) return fresh;
      this.tailPageToken = page.nextPageToken;
    }
  }
}

/** What `followRun` needs besides the client. */
export interface FollowOptions {
  /** Called once per event, in order, as soon as it is read. */
  onEvent(event: HistoryEvent, runId: string): void;
  /** Called when the run continues as new and following moves to the new run. */
  onNewRun?(runId: string): void;
  sleep(ms: number): Promise<void>;
  now(): number;
  pollMs?: number;
  notFoundGraceMs?: number;
}

/**
 * Follows a run until it closes, through continue-as-new, and returns the close event of the
 * last run together with that run's id.
 *
 * @example
 * const { close, runId } = await followRun(client, { workflowId, runId }, { onEvent: print, sleep, now: Date.now });
 */
export async function followRun(
  client: Pick<GatewayClient, "getWorkflowHistory">,
  ref: { workflowId: string; runId: string },
  options: FollowOptions,
): Promise<{ close: EventOf<CloseEventType>; runId: string }> {
  const pollMs = options.pollMs ?? FOLLOW_POLL_MS;
  const graceMs = options.notFoundGraceMs ?? FOLLOW_NOT_FOUND_GRACE_MS;
  let runId = ref.runId;
  let follower = new HistoryFollower(client, { workflowId: ref.workflowId, runId });
  let runSeenAt = options.now();
  let seenAny = false;
  for (;;) {
    let events: HistoryEvent[] = [];
    try {
      events = await follower.poll();
    } catch (error) {
      const notYetProjected =
        error instanceof EventualClientError &&
        error.code === "NOT_FOUND" &&
        !seenAny &&
        options.now() - runSeenAt < graceMs;
      if (!notYetProjected) throw error;
    }
    for (const event of events) {
      seenAny = true;
      options.onEvent(event, runId);
      if (!isCloseEvent(event)) continue;
      if (event.type !== "WorkflowContinuedAsNew") return { close: event, runId };
      runId = event.data.newRunId;
      follower = new HistoryFollower(client, { workflowId: ref.workflowId, runId });
      runSeenAt = options.now();
      seenAny = false;
      options.onNewRun?.(runId);
      break;
    }
    await options.sleep(pollMs);
  }
}
