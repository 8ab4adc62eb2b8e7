import { type DurationInput, type ParentClosePolicy, parseDuration } from "@eventual/core";
import { ChildWorkflowFailure, WorkflowUsageError } from "./errors";
import { workflows } from "./definitions";
import { type WorkflowContext, log, requireRuntime, workflowInfo } from "./workflow-context";
import { currentRuntime } from "./workflow-runtime";

/** Defaults of a workflow, used when it is started without overrides. */
export interface WorkflowOptions {
  taskQueue?: string;
  /** Limit on the run as a whole. */
  executionTimeout?: DurationInput;
}

/** Options for starting a workflow as a child of the calling workflow. */
export interface ChildWorkflowOptions {
  /** Defaults to `<parent id>/<sequence number>`: unique and stable on replay. */
  workflowId?: string;
  taskQueue?: string;
  executionTimeout?: DurationInput;
  parentClosePolicy?: ParentClosePolicy;
}

export type WorkflowHandler<In, Out> = (input: In, context: WorkflowContext) => Promise<Out>;

/**
 * A workflow definition. Called from another workflow it runs as a child and resolves with
 * the child's result; clients start it by name.
 */
export interface Workflow<In = void, Out = void> {
  (input: In, options?: ChildWorkflowOptions): Promise<Out>;
  readonly kind: "workflow";
  readonly name: string;
  readonly options: WorkflowOptions;
  readonly handler: WorkflowHandler<In, Out>;
}

/**
 * Defines a workflow: deterministic orchestration code that survives crashes and deploys.
 *
 * @example
 * export const reminder = workflow("reminder", async (email: string) => {
 *   while (true) {
 *     await duration(1, "day");
 *     await sendReminder(email);
 *   }
 * });
 */
export function workflow<In = void, Out = void>(name: string, handler: WorkflowHandler<In, Out>): Workflow<In, Out>;
export function workflow<In = void, Out = void>(name: string, options: WorkflowOptions, handler: WorkflowHandler<In, Out>): Workflow<In, Out>;
export function workflow(name: string, a: unknown, b?: unknown): Workflow<unknown, unknown> {
  if (!name) throw new WorkflowUsageError("workflow() needs a non-empty name");
  const options = (typeof a === "function" ? {} : a) as WorkflowOptions;
  const handler = (typeof a === "function" ? a : b) as WorkflowHandler<unknown, unknown>;
  if (typeof handler !== "function") throw new WorkflowUsageError(`workflow "${name}" needs a handler function`);
  const call = (input: unknown, childOptions: ChildWorkflowOptions = {}) => startChild(name, options, input, childOptions);
  Object.defineProperty(call, "name", { value: name });
  const definition = Object.assign(call, { kind: "workflow" as const, options, handler }) as Workflow<unknown, unknown>;
  workflows.add(definition);
  return definition;
}

function startChild(workflowType: string, defined: WorkflowOptions, input: unknown, options: ChildWorkflowOptions): Promise<unknown> {
  if (!currentRuntime()) {
    return Promise.reject(
      new WorkflowUsageError(`workflow "${workflowType}" was called outside a workflow; start it with the client or TestEnvironment.start`),
    );
  }
  const runtime = requireRuntime("a child workflow call");
  const parent = workflowInfo();
  const seq = runtime.nextSeq();
  const workflowId = options.workflowId ?? `${parent.workflowId}/${seq}`;
  const timeout = options.executionTimeout ?? defined.executionTimeout;
  const result = runtime.startOperation("child", `child workflow "${workflowType}" (${workflowId})`, {
    type: "StartChildWorkflow",
    data: {
      seq,
      workflowId,
      workflowType,
      input: input ?? null,
      taskQueue: options.taskQueue ?? defined.taskQueue ?? parent.taskQueue,
      ...(timeout !== undefined ? { executionTimeoutMs: parseDuration(timeout) } : {}),
      ...(options.parentClosePolicy ? { parentClosePolicy: options.parentClosePolicy } : {}),
    },
  });
  return result.catch((error: Error) => {
    if (error.name === "CancelledError") throw error;
    // The host builds the failure from history events, which do not carry the child's type;
    // this call knows it, so the error is rebuilt here with both names.
    const cause = error instanceof ChildWorkflowFailure ? error.cause : error;
    throw new ChildWorkflowFailure(`child workflow "${workflowType}" (${workflowId}) failed: ${cause.message}`, workflowId, workflowType, cause);
  });
}

/** Builds the context object passed to handlers (second argument). */
export function makeWorkflowContext(): WorkflowContext {
  return { workflow: workflowInfo(), log };
}
