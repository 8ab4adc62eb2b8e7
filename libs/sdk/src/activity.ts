import type { Payload } from "@eventual/core";
import { type ActivityCallOptions, resolveActivityOptions } from "./activity-options";
import { activities } from "./definitions";
import { currentRuntime } from "./workflow-runtime";
import { workflowInfo } from "./workflow-context";

/**
 * A callable activity. From workflow code a call schedules it durably and resolves with its
 * result; anywhere else it simply runs the handler (handy in unit tests).
 */
export interface Activity<Args extends unknown[] = any[], Out = unknown> {
  (...args: Args): Promise<Out>;
  readonly kind: "activity";
  readonly name: string;
  readonly options: ActivityCallOptions;
  readonly handler: (...args: Args) => Promise<Out> | Out;
  /** The same activity with per-call options layered on the definition's. */
  with(options: ActivityCallOptions): Activity<Args, Out>;
}

/**
 * Defines an activity: the code that does I/O, with its timeouts and retry policy.
 *
 * @example
 * export const sendReminder = activity("sendReminder", { startToCloseTimeout: "30s" },
 *   async (email: string) => emailClient.send(email, "reminder message"));
 */
export function activity<Args extends unknown[], Out>(name: string, handler: (...args: Args) => Promise<Out> | Out): Activity<Args, Awaited<Out>>;
export function activity<Args extends unknown[], Out>(
  name: string,
  options: ActivityCallOptions,
  handler: (...args: Args) => Promise<Out> | Out,
): Activity<Args, Awaited<Out>>;
export function activity(name: string, a: unknown, b?: unknown): Activity {
  const options = (typeof a === "function" ? {} : a) as ActivityCallOptions;
  const handler = (typeof a === "function" ? a : b) as (...args: unknown[]) => unknown;
  const definition = makeActivity(name, options, {}, handler);
  activities.add(definition);
  return definition;
}

function makeActivity(
  name: string,
  options: ActivityCallOptions,
  callOptions: ActivityCallOptions,
  handler: (...args: any[]) => unknown,
): Activity {
  const call = (...args: unknown[]): Promise<unknown> => {
    const runtime = currentRuntime();
    if (!runtime) return Promise.resolve().then(() => handler(...args));
    try {
      const resolved = resolveActivityOptions(name, options, callOptions, workflowInfo().taskQueue);
      const seq = runtime.nextSeq();
      return runtime.startOperation("activity", `activity "${name}"`, {
        type: "ScheduleActivity",
        data: { seq, activityType: name, input: args as Payload, options: resolved },
      });
    } catch (error) {
      return Promise.reject(error);
    }
  };
  // A function's own `name` is read-only to assignment; defining it keeps stack traces readable.
  Object.defineProperty(call, "name", { value: name });
  return Object.assign(call, {
    kind: "activity" as const,
    options,
    handler: handler as Activity["handler"],
    with: (more: ActivityCallOptions) => makeActivity(name, options, { ...callOptions, ...more }, handler),
  });
}
