import * as assert from "node:assert";
import * as pathModule from "node:path";
import * as querystring from "node:querystring";
import * as util from "node:util";
import * as vm from "node:vm";
import type { ActivationInput, ActivationOutput } from "@eventual/sdk";
import { SANDBOX_PRELUDE } from "./sandbox-prelude";
import type { WorkflowBundle } from "./workflow-bundler";

/** Built-ins with no I/O and no hidden state: workflow code may use them. */
const PURE_BUILTINS: Record<string, unknown> = { path: pathModule, util, assert, querystring };

const prelude = new vm.Script(SANDBOX_PRELUDE, { filename: "eventual-sandbox-prelude.js" });
const activateScript = new vm.Script("__eventualRuntime.activate(JSON.parse(__eventualInput))");
const checkScript = new vm.Script("__eventualRuntime.checkConditions()");
const takeScript = new vm.Script("JSON.stringify(__eventualRuntime.takeOutput())");

/** Workflow code kept the CPU for longer than allowed without awaiting anything. */
export class WorkflowCodeTimeoutError extends Error {
  override readonly name = "WorkflowCodeTimeoutError";
}

export interface SandboxOptions {
  /** Longest a single activation may run before it is stopped (guards against `while (true) {}`). */
  activationTimeoutMs?: number;
}

/**
 * One workflow run's isolated realm (`node:vm` context). Why `vm` and not the main realm with
 * patched globals: patched globals leak into activity code running concurrently in the same
 * process, and module-level state would be shared between runs. A context per run gives each
 * run its own `Date`, `Math.random`, module state and microtask queue, which is drained
 * synchronously after each step (`microtaskMode: "afterEvaluate"`), so an activation is one
 * synchronous call whose result depends only on its input.
 */
export class WorkflowSandbox {
  private constructor(
    private readonly context: vm.Context,
    private readonly timeoutMs: number,
  ) {}

  static create(bundle: WorkflowBundle, options: SandboxOptions = {}): WorkflowSandbox {
    const context = vm.createContext(
      {
        __eventualPureBuiltin: (name: string) => PURE_BUILTINS[name.replace(/^node:/, "")],
        TextEncoder,
        TextDecoder,
        URL,
        URLSearchParams,
      },
      { name: `eventual-workflow ${bundle.workflowsPath}`, microtaskMode: "afterEvaluate" },
    );
    prelude.runInContext(context);
    bundle.script.runInContext(context);
    if (!context.__eventualRuntime) {
      throw new Error(
        `${bundle.workflowsPath} did not load @eventual/sdk; a workflows module must import it to define workflows`,
      );
    }
    return new WorkflowSandbox(context, options.activationTimeoutMs ?? 1_000);
  }

  /** Delivers jobs, lets the workflow run until it is blocked, and returns what it asked for. */
  activate(input: ActivationInput): ActivationOutput {
    this.context.__eventualInput = JSON.stringify(input);
    this.run(activateScript);
    // A condition may become true only after other code ran; re-check until nothing changes.
    for (let round = 0; this.run(checkScript) === true; round++) {
      if (round > 10_000) throw new WorkflowCodeTimeoutError("condition() predicates kept resolving each other for 10,000 rounds");
    }
    return JSON.parse(this.run(takeScript) as string) as ActivationOutput;
  }

  private run(script: vm.Script): unknown {
    try {
      return script.runInContext(this.context, { timeout: this.timeoutMs });
    } catch (error) {
      if ((error as { code?: string }).code === "ERR_SCRIPT_EXECUTION_TIMEOUT") {
        throw new WorkflowCodeTimeoutError(
          `Workflow code ran for more than ${this.timeoutMs} ms without awaiting; a loop must await a durable operation`,
        );
      }
      throw error;
    }
  }
}
