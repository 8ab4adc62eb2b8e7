/**
 * Workflow ids this gateway started in the last few seconds. The read model lags the log by
 * a few milliseconds, so a signal sent right after its start could find nothing there; for an
 * id this gateway just started, the lookup waits for the projection instead of answering
 * NOT_FOUND. Ids nobody started still get NOT_FOUND at once. Bounded in size and age.
 *
 * @example
 * recent.add("order-7");
 * if (recent.has("order-7")) await waitForProjection("order-7");
 */
export class RecentStarts {
  private readonly started = new Map<string, number>();

  constructor(
    private readonly ttlMs = 30_000,
    private readonly maxSize = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  add(workflowId: string): void {
    this.started.delete(workflowId);
    this.started.set(workflowId, this.now());
    // Map iteration is insertion order: the first entries are the oldest.
    for (const [id, at] of this.started) {
      if (this.started.size <= this.maxSize && this.now() - at < this.ttlMs) break;
      this.started.delete(id);
    }
  }

  has(workflowId: string): boolean {
    const at = this.started.get(workflowId);
    return at !== undefined && this.now() - at < this.ttlMs;
  }
}
