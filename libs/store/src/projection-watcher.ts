import { Client } from "pg";
import { projectionChannel } from "./projection-notifier";

/** A wait registered before the caller looks at the read model, so no change slips between. */
export interface ProjectionWait {
  /** Resolves when the projector reports a change to the workflow, or after the wait's bound. */
  readonly changed: Promise<void>;
  dispose(): void;
}

export interface ProjectionWatcherOptions {
  url: string;
  schema: string;
  /** A lost listening connection; the watcher reconnects on its own. */
  onError?: (error: unknown) => void;
  /** Delay before reconnecting (default 500 ms). */
  reconnectMs?: number;
}

/**
 * Wakes readers of the read model when the projector commits changes to a workflow
 * (LISTEN on `projectionChannel(schema)`), instead of each reader polling Postgres. Every wait
 * is bounded, so a missed notification (connection lost, listener reconnecting) only delays a
 * reader to its next bounded re-check.
 *
 * @example
 * const watcher = await ProjectionWatcher.start({ url, schema: "public" });
 * const wait = watcher.watch("order-7", 500);          // register first ...
 * try {
 *   if (!(await isClosed("order-7"))) await wait.changed; // ... then look, then wait
 * } finally { wait.dispose(); }
 */
export class ProjectionWatcher {
  private readonly waiters = new Map<string, Set<() => void>>();
  private client?: Client;
  private closed = false;
  private reconnecting?: NodeJS.Timeout;

  private constructor(private readonly options: ProjectionWatcherOptions) {}

  static async start(options: ProjectionWatcherOptions): Promise<ProjectionWatcher> {
    const watcher = new ProjectionWatcher(options);
    await watcher.connect();
    return watcher;
  }

  watch(workflowId: string, maxWaitMs: number): ProjectionWait {
    let wake!: () => void;
    const changed = new Promise<void>((resolve) => (wake = resolve));
    const timer = setTimeout(wake, Math.max(0, maxWaitMs));
    timer.unref();
    let set = this.waiters.get(workflowId);
    if (!set) this.waiters.set(workflowId, (set = new Set()));
    set.add(wake);
    const dispose = () => {
      clearTimeout(timer);
      const current = this.waiters.get(workflowId);
      current?.delete(wake);
      if (current?.size === 0) this.waiters.delete(workflowId);
      wake();
    };
    return { changed, dispose };
  }

  /** Waits currently registered (for tests and metrics). */
  get waiting(): number {
    let n = 0;
    for (const set of this.waiters.values()) n += set.size;
    return n;
  }

  /** Nest calls this when the module holding the watcher closes. */
  async onModuleDestroy(): Promise<void> {
    await this.close();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnecting);
    this.wakeAll();
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.options.url, application_name: "eventual-projection-watcher" });
    client.on("notification", (message) => this.onNotification(message.payload));
    client.on("error", (error) => this.lost(client, error));
    client.on("end", () => this.lost(client, new Error("the listening connection ended")));
    await client.connect();
    await client.query(`LISTEN "${projectionChannel(this.options.schema)}"`);
    this.client = client;
    // Changes made while no connection listened went unannounced: let every reader re-check.
    this.wakeAll();
  }

  private onNotification(payload: string | undefined): void {
    let ids: unknown;
    try {
      ids = JSON.parse(payload ?? "[]");
    } catch {
      return;
    }
    if (!Array.isArray(ids)) return;
    for (const id of ids) {
      const set = typeof id === "string" ? this.waiters.get(id) : undefined;
      if (set) for (const wake of set) wake();
    }
  }

  private lost(client: Client, error: unknown): void {
    if (this.closed || this.client !== client) return;
    this.client = undefined;
    this.options.onError?.(error);
    client.end().catch(() => undefined);
    this.wakeAll();
    const retry = () => {
      this.reconnecting = setTimeout(() => {
        if (this.closed) return;
        this.connect().catch((e: unknown) => {
          this.options.onError?.(e);
          retry();
        });
      }, this.options.reconnectMs ?? 500);
    };
    retry();
  }

  private wakeAll(): void {
    for (const set of this.waiters.values()) for (const wake of set) wake();
  }
}

/**
 * Looks at the read model until `look` finds what it wants, looking again whenever the
 * projector reports a change to the workflow and at least every `recheckMs`; gives up with
 * undefined after `timeoutMs`. Each wait is registered before the look, so a change committed
 * in between still wakes it. Without `changes`, looks once.
 *
 * @example
 * const run = await untilProjected(watcher, "order-7", () => queries.describeWorkflow("order-7"), { timeoutMs: 5_000 });
 */
export async function untilProjected<T>(
  changes: Pick<ProjectionWatcher, "watch"> | undefined,
  workflowId: string,
  look: () => Promise<T | undefined>,
  bounds: { timeoutMs: number; recheckMs?: number },
): Promise<T | undefined> {
  const until = Date.now() + bounds.timeoutMs;
  for (;;) {
    const remaining = until - Date.now();
    const wait = changes?.watch(workflowId, Math.min(bounds.recheckMs ?? remaining, remaining));
    try {
      const found = await look();
      if (found !== undefined) return found;
      if (!wait || Date.now() >= until) return undefined;
      await wait.changed;
    } finally {
      wait?.dispose();
    }
  }
}
