import type { Payload } from "@eventual/core";
import { Timeout } from "./errors";
import { type TimeoutInput, timeoutPromise } from "./timers";
import { requireRuntime } from "./workflow-context";

/** Stops a signal handler registered with `onSignal`. */
export interface Disposable {
  dispose(): void;
}

export interface ExpectSignalOptions {
  /** Give up after this long (or when this promise resolves) with a `Timeout` error. */
  timeout?: TimeoutInput;
}

/**
 * A named, typed signal. Define it once, next to the workflow that receives it.
 *
 * @example
 * const approve = signal<{ by: string }>("approve");
 * // in the workflow:  const { by } = await approve.expectSignal({ timeout: "1 day" });
 * // elsewhere:        await client.signalWorkflow(id, approve, { by: "ana" });
 */
export interface Signal<T = void> {
  readonly kind: "signal";
  readonly name: string;
  expectSignal(options?: ExpectSignalOptions): Promise<T>;
  onSignal(handler: (payload: T) => void | Promise<void>): Disposable;
  /** Sends this signal to another workflow, from inside a workflow. */
  sendSignal(workflowId: string, ...payload: T extends void ? [] : [T]): Promise<void>;
}

export function signal<T = void>(name: string): Signal<T> {
  return {
    kind: "signal",
    name,
    expectSignal: (options) => expectSignal<T>(name, options),
    onSignal: (handler) => onSignal<T>(name, handler),
    sendSignal: (workflowId, ...payload) => sendSignal(workflowId, name, payload[0] as Payload),
  };
}

type SignalRef<T> = Signal<T> | string;

function nameOf(ref: SignalRef<unknown>): string {
  return typeof ref === "string" ? ref : ref.name;
}

/**
 * Waits for the next signal of this name (one that already arrived unclaimed is taken first).
 * Every wait open when a signal arrives gets that signal, so a wait that lost a
 * `Promise.race` never swallows the signal meant for the wait that replaced it.
 *
 * @example
 * const answer = await expectSignal<string>("answer", { timeout: duration(5, "minutes") });
 */
export async function expectSignal<T = unknown>(ref: SignalRef<T>, options: ExpectSignalOptions = {}): Promise<T> {
  const runtime = requireRuntime("expectSignal()");
  const name = nameOf(ref);
  const next = runtime.nextSignal(name);
  if (options.timeout === undefined) return (await next.promise) as T;
  const timer = timeoutPromise(options.timeout, `expectSignal("${name}") timeout`);
  const winner = await Promise.race([
    next.promise.then((value) => ({ value })),
    timer.expired.then(() => undefined),
  ]);
  if (winner) {
    timer.cancel();
    return winner.value as T;
  }
  next.abandon();
  throw new Timeout(`Timed out waiting for signal "${name}"`, "signal");
}

/**
 * Calls `handler` for every signal of this name until disposed.
 *
 * @example
 * const sub = onSignal<number>("add", (n) => { total += n; });  // later: sub.dispose()
 */
export function onSignal<T = unknown>(ref: SignalRef<T>, handler: (payload: T) => void | Promise<void>): Disposable {
  const runtime = requireRuntime("onSignal()");
  const dispose = runtime.onSignal(nameOf(ref), handler as (input: unknown) => unknown);
  return { dispose };
}

/**
 * Sends a signal to another workflow from inside a workflow. Recorded in history, delivered
 * once; the promise resolves when the send is recorded.
 *
 * @example
 * await sendSignal("order-42", "paid", { amount: 10 });
 */
export async function sendSignal(workflowId: string, ref: SignalRef<any>, payload?: Payload): Promise<void> {
  const runtime = requireRuntime("sendSignal()");
  const seq = runtime.nextSeq();
  runtime.push({ type: "SignalExternalWorkflow", data: { seq, workflowId, signalName: nameOf(ref), input: payload ?? null } });
}
