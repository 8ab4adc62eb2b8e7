import type { Payload } from "@eventual/core";

/** What a mocked activity attempt does. */
export type MockBehavior =
  | { kind: "succeed"; value: Payload }
  | { kind: "fail"; error: unknown }
  /** The attempt never reports: its start-to-close (or heartbeat) limit fires in virtual time. */
  | { kind: "timeout" }
  | { kind: "invoke"; fn: (...args: any[]) => unknown }
  | { kind: "real" };

/**
 * Replaces an activity in a `TestEnvironment`. "Once" behaviours are used first, in order;
 * then the "always" behaviour; with neither, the real handler runs.
 *
 * @example
 * env.mockActivity(charge).failOnce(new Error("flaky")).succeed({ receipt: "r1" });
 */
export class ActivityMock {
  private readonly queue: MockBehavior[] = [];
  private always?: MockBehavior;
  /** Inputs of every attempt, in order. */
  readonly calls: unknown[][] = [];

  constructor(readonly activityType: string) {}

  succeed(value?: Payload): this {
    this.always = { kind: "succeed", value: value ?? null };
    return this;
  }
  succeedOnce(value?: Payload): this {
    this.queue.push({ kind: "succeed", value: value ?? null });
    return this;
  }
  fail(error: unknown): this {
    this.always = { kind: "fail", error };
    return this;
  }
  failOnce(error: unknown): this {
    this.queue.push({ kind: "fail", error });
    return this;
  }
  timeout(): this {
    this.always = { kind: "timeout" };
    return this;
  }
  timeoutOnce(): this {
    this.queue.push({ kind: "timeout" });
    return this;
  }
  invoke(fn: (...args: any[]) => unknown): this {
    this.always = { kind: "invoke", fn };
    return this;
  }
  invokeOnce(fn: (...args: any[]) => unknown): this {
    this.queue.push({ kind: "invoke", fn });
    return this;
  }
  invokeReal(): this {
    this.always = { kind: "real" };
    return this;
  }

  /** The behaviour for the next attempt (and records its input). */
  next(input: unknown[]): MockBehavior {
    this.calls.push(input);
    return this.queue.shift() ?? this.always ?? { kind: "real" };
  }
}
