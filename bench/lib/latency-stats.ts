/** Percentiles of latencies (nearest rank), in the unit given. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export interface RunFigures {
  inFlight: number;
  workflows: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

export function figuresOf(inFlight: number, latenciesMs: number[], elapsedMs: number): RunFigures {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return {
    inFlight,
    workflows: sorted.length,
    seconds: elapsedMs / 1000,
    perSecond: sorted.length / (elapsedMs / 1000),
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
  };
}

/** Runs `total` jobs with at most `inFlight` at once; each job's latency in ms. */
export async function runClosedLoop(total: number, inFlight: number, job: (i: number) => Promise<void>): Promise<{ latenciesMs: number[]; elapsedMs: number }> {
  const latenciesMs: number[] = [];
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    while (next < total) {
      const i = next++;
      const t = performance.now();
      await job(i);
      latenciesMs.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, total) }, lane));
  return { latenciesMs, elapsedMs: performance.now() - started };
}
