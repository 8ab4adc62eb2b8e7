import type { ActivationInput, ActivationOutput } from "@eventual/sdk";
import { SandboxError, SandboxThread } from "./sandbox-thread";
import { type WorkflowBundle, WorkflowBundleError } from "./workflow-bundler";

/** Workflow code kept the CPU for longer than allowed without awaiting anything. */
export class WorkflowCodeTimeoutError extends Error {
  override readonly name = "WorkflowCodeTimeoutError";
}

/** The sandbox's realm is gone (its thread died): replay the run into a new one. */
export class SandboxLostError extends Error {
  override readonly name = "SandboxLostError";
}

export interface SandboxOptions {
  /** Longest a single activation may run before it is stopped (guards against `while (true) {}`). */
  activationTimeoutMs?: number;
}

let sandboxIds = 0;
const released = new FinalizationRegistry<{ thread: SandboxThread; sandboxId: number }>(({ thread, sandboxId }) =>
  thread.send({ op: "dispose", sandboxId }),
);

/**
 * One workflow run's isolated realm: a `node:vm` context in the sandbox thread. Why `vm` and
 * not the main realm with patched globals: patched globals would leak into activity code
 * running concurrently, and module state would be shared between runs. A context per run gives
 * each run its own `Date`, `Math.random`, module state and microtask queue, drained
 * synchronously after each step (`microtaskMode: "afterEvaluate"`), so an activation is one
 * synchronous call whose result depends only on its input. See sandbox-thread-source.ts for
 * why the contexts live in a worker thread.
 */
export class WorkflowSandbox {
  private constructor(
    private readonly thread: SandboxThread,
    private readonly sandboxId: number,
  ) {}

  static create(bundle: WorkflowBundle, options: SandboxOptions = {}): WorkflowSandbox {
    const thread = SandboxThread.shared();
    const sandboxId = ++sandboxIds;
    const filename = `eventual-workflows:${bundle.workflowsPath}`;
    call(() => thread.call({ op: "loadBundle", bundleId: `${thread.generation}/${bundle.id}`, code: bundle.code, filename }));
    call(() =>
      thread.call({ op: "create", sandboxId, bundleId: `${thread.generation}/${bundle.id}`, filename, timeoutMs: options.activationTimeoutMs ?? 1_000 }),
    );
    const sandbox = new WorkflowSandbox(thread, sandboxId);
    released.register(sandbox, { thread, sandboxId });
    return sandbox;
  }

  /** Delivers jobs, lets the workflow run until it is blocked, and returns what it asked for. */
  activate(input: ActivationInput): ActivationOutput {
    if (!this.thread.alive) throw new SandboxLostError("the sandbox thread of this run exited; replay the run");
    const output = call(() => this.thread.call({ op: "activate", sandboxId: this.sandboxId, input: JSON.stringify(input) }));
    return JSON.parse(output as string) as ActivationOutput;
  }
}

/** Rebuilds the thread's errors as this module's classes where they have one. */
function call<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof SandboxError) {
      if (error.name === "WorkflowCodeTimeoutError") throw new WorkflowCodeTimeoutError(error.message);
      if (error.name === "SandboxLostError") throw new SandboxLostError(error.message);
      if (error.name === "WorkflowBundleError") throw new WorkflowBundleError(error.message);
    }
    throw error;
  }
}
