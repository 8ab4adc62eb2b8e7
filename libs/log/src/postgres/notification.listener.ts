import { Client, type Notification } from "pg";
import type { LogTables } from "./postgres-log.schema";
import type { ResolvedPostgresLogOptions } from "./postgres-log.options";

/** What a notification on one of the log's channels means. */
type LogEvent = { kind: "appended"; topic: string; partition: number } | { kind: "members"; groupId: string };

/**
 * One LISTEN connection per PostgresLog, turning the log's notifications into in-process
 * wake-ups: partition workers waiting for records, group runners waiting for membership
 * changes.
 *
 * A worker reads `version(topic, partition)` before it queries, and waits only if the version
 * is still the same: an append announced between the query and the wait is never slept
 * through. Notifications can still be lost while the connection is down; on reconnecting
 * every waiter is woken (the version of every partition moves) and every group rebalances,
 * and the fallback poll covers whatever remains.
 *
 * @example
 * const seen = listener.version("history.events", 3);
 * const records = await readRecords(...);
 * if (records.length === 0) await listener.waitForAppend("history.events", 3, seen, pollIntervalMs, signal);
 */
export class NotificationListener {
  private client?: Client;
  private started?: Promise<void>;
  private closed = false;
  /** Moves on every reconnect, so every partition's version changes then. */
  private epoch = 0;
  private readonly appends = new Map<string, number>();
  private readonly waiters = new Map<string, Set<() => void>>();
  private readonly groupListeners = new Map<string, Set<() => void>>();

  constructor(
    private readonly options: ResolvedPostgresLogOptions,
    private readonly tables: LogTables,
  ) {}

  /** Connects and listens (once); resolves when notifications are flowing. */
  start(): Promise<void> {
    this.started ??= this.connect().catch((error: unknown) => {
      this.started = undefined;
      throw error;
    });
    return this.started;
  }

  /** Changes whenever records were appended to the partition (or notifications may have been lost). */
  version(topic: string, partition: number): number {
    return this.epoch + (this.appends.get(key(topic, partition)) ?? 0);
  }

  /** Resolves when the partition's version differs from `seen`, after `timeoutMs`, or on abort. */
  waitForAppend(topic: string, partition: number, seen: number, timeoutMs: number, signal: AbortSignal): Promise<void> {
    if (this.version(topic, partition) !== seen || signal.aborted || this.closed) return Promise.resolve();
    const k = key(topic, partition);
    return new Promise((resolve) => {
      const waiters = this.waiters.get(k) ?? new Set();
      this.waiters.set(k, waiters);
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener("abort", done);
        waiters.delete(done);
        if (waiters.size === 0 && this.waiters.get(k) === waiters) this.waiters.delete(k);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      signal.addEventListener("abort", done, { once: true });
      waiters.add(done);
    });
  }

  /** Calls `onChange` whenever a member of `groupId` joins, leaves or releases partitions; returns the unsubscribe. */
  onGroupChange(groupId: string, onChange: () => void): () => void {
    const listeners = this.groupListeners.get(groupId) ?? new Set();
    this.groupListeners.set(groupId, listeners);
    listeners.add(onChange);
    return () => {
      listeners.delete(onChange);
      if (listeners.size === 0 && this.groupListeners.get(groupId) === listeners) this.groupListeners.delete(groupId);
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wakeEveryone();
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.options.connectionString, application_name: `eventual-log:listener`, keepAlive: true });
    // A broken connection reports through `error` and/or `end`; either means reconnect, once,
    // and only for a connection that was listening (a failed connect is the caller's to retry).
    let listening = false;
    let lost = false;
    const onLost = (error?: unknown) => {
      if (!listening || lost) return;
      lost = true;
      if (this.client === client) this.client = undefined;
      if (this.closed) return;
      this.options.onError(error ?? new Error("LISTEN connection ended"), { phase: "log notifications" });
      void this.reconnect();
    };
    client.on("error", onLost);
    client.on("end", () => onLost());
    client.on("notification", (message) => this.dispatch(message));
    try {
      await client.connect();
      await client.query(`LISTEN "${this.tables.appendedChannel}"; LISTEN "${this.tables.membersChannel}"`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    listening = true;
  }

  private async reconnect(): Promise<void> {
    while (!this.closed) {
      await new Promise((resolve) => setTimeout(resolve, this.options.restartBackoffMs));
      if (this.closed) return;
      try {
        await this.connect();
        // Whatever was announced while we were away is unknown: look at everything again.
        this.wakeEveryone();
        return;
      } catch (error) {
        this.options.onError(error, { phase: "log notifications reconnect" });
      }
    }
  }

  private wakeEveryone(): void {
    this.epoch++;
    for (const waiters of [...this.waiters.values()]) for (const wake of [...waiters]) wake();
    for (const listeners of [...this.groupListeners.values()]) for (const listener of [...listeners]) listener();
  }

  private dispatch(message: Notification): void {
    const event = this.parse(message);
    if (!event) return;
    switch (event.kind) {
      case "appended": {
        const k = key(event.topic, event.partition);
        this.appends.set(k, (this.appends.get(k) ?? 0) + 1);
        for (const wake of [...(this.waiters.get(k) ?? [])]) wake();
        return;
      }
      case "members":
        for (const listener of [...(this.groupListeners.get(event.groupId) ?? [])]) listener();
        return;
      default: {
        const unexpected: never = event;
        throw new Error(`unhandled log event ${JSON.stringify(unexpected)}`);
      }
    }
  }

  private parse(message: Notification): LogEvent | undefined {
    const payload = message.payload ?? "";
    if (message.channel === this.tables.membersChannel) return { kind: "members", groupId: payload };
    if (message.channel !== this.tables.appendedChannel) return undefined;
    const at = payload.indexOf(":");
    const partition = Number(payload.slice(0, at));
    return at > 0 && Number.isInteger(partition) ? { kind: "appended", topic: payload.slice(at + 1), partition } : undefined;
  }
}

const key = (topic: string, partition: number) => `${partition}:${topic}`;
