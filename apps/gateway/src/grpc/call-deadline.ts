import type * as grpc from "@grpc/grpc-js";

/**
 * Milliseconds left before the call's deadline, or `fallback` when the caller set none.
 * A little is kept back so the gateway's own answer (e.g. "no reply from history yet")
 * reaches the caller before its deadline cuts the call off.
 *
 * @example
 * const waitMs = remainingMs(call, 10_000); // a call with a 2 s deadline → ~1950
 */
export function remainingMs(call: Pick<grpc.ServerUnaryCall<unknown, unknown>, "getDeadline">, fallback: number, margin = 50): number {
  const deadline = call.getDeadline();
  const at = deadline instanceof Date ? deadline.getTime() : Number(deadline);
  if (!Number.isFinite(at)) return fallback;
  return Math.max(0, at - Date.now() - margin);
}

/** Whether the call has a deadline at all (GetWorkflowResult waits forever without one). */
export function hasDeadline(call: Pick<grpc.ServerUnaryCall<unknown, unknown>, "getDeadline">): boolean {
  const deadline = call.getDeadline();
  const at = deadline instanceof Date ? deadline.getTime() : Number(deadline);
  return Number.isFinite(at);
}
