import { AsyncLocalStorage } from "node:async_hooks";
import * as fs from "node:fs";
import { type Failure, historyProblems } from "@eventual/core";
import { ApplicationError, SandboxViolationError, toFailure } from "@eventual/sdk";
import {
  WorkflowBundleError,
  WorkflowCodeTimeoutError,
  WorkflowRunExecutor,
  WorkflowSandbox,
  bundleWorkflows,
} from "@eventual/worker";
import { RunDriver } from "./support/run-driver";
import { TestEnvironment, WorkflowExecutionError } from "./support/test-environment";

const workflowsPath = require.resolve("./fixtures/sandbox.workflows");
const START = Date.parse("2025-01-01T00:00:00Z");

function outcome(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

async function env(options: { maxCachedRuns?: number } = {}) {
  return TestEnvironment.create({ workflowsPath, ...options });
}

/** Runs a workflow to its end and returns the failure its history recorded. */
async function failureOf(workflowType: string): Promise<Failure> {
  const e = await env();
  const handle = await e.start(workflowType, undefined);
  const error = await handle.result().then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(WorkflowExecutionError);
  expect(handle.state().status).toBe("failed");
  const closed = handle.history().find((event) => event.type === "WorkflowFailed");
  if (closed?.type !== "WorkflowFailed") throw new Error("no WorkflowFailed event");
  // The caller gets the error rebuilt under the name the history recorded.
  const cause = (error as WorkflowExecutionError).cause;
  expect(cause instanceof ApplicationError ? cause.type : cause?.name).toBe(
    closed.data.failure.type,
  );
  expect(cause?.message).toBe(closed.data.failure.message);
  if (closed.data.failure.type === "SandboxViolationError")
    expect(cause).toBeInstanceOf(SandboxViolationError);
  return closed.data.failure;
}

describe("the workflow sandbox", () => {
  describe("refuses host timers and I/O", () => {
    it.each([
      ["usesSetTimeout", "setTimeout()", "duration()"],
      ["usesSetInterval", "setInterval()", "duration()"],
      ["usesFetch", "fetch()", "activity"],
    ])(
      "%s fails the workflow with a SandboxViolationError that says what to use instead",
      async (type, call, hint) => {
        const failure = await failureOf(type);
        expect(failure.type).toBe("SandboxViolationError");
        expect(failure.message).toContain(`${call} is not allowed in workflow code`);
        expect(failure.message).toContain(hint);
      },
    );

    // The module imports node:fs at top level and still loads; only the call is refused.
    it.each([
      ["import { readFileSync }", "readsFileViaNamedImport", "fs.readFileSync()"],
      ["import * as fs", "readsFileViaNamespace", "fs.readFileSync()"],
      ["import fs from", "readsFileViaDefaultImport", "fs.readFileSync()"],
      ["import * as fs (fs.promises)", "readsFileViaPromises", "fs.promises.readFile()"],
    ])(
      "refuses fs from workflow code with a message naming the call (%s)",
      async (_style, type, call) => {
        const failure = await failureOf(type);
        expect(failure.type).toBe("SandboxViolationError");
        expect(failure.message).toBe(
          `${call} is not allowed in workflow code: it is I/O or host state; call it from an activity instead`,
        );
      },
    );

    it("refuses fs the same way in a module compiled by tsc (__importStar)", async () => {
      const e = await TestEnvironment.create({
        workflowsPath: require.resolve("./fixtures/tsc-emit.workflows.js"),
      });
      const handle = await e.start("readsFileCompiledByTsc", undefined);
      await expect(handle.result()).rejects.toMatchObject({
        cause: {
          name: "SandboxViolationError",
          message: expect.stringMatching(/^fs\.readFileSync\(\) is not allowed/),
        },
      });
    });

    it("still lets the activities of that module use fs (they run in the worker's realm)", async () => {
      const e = await env();
      const handle = await e.start("usesFsInActivity", undefined);
      await expect(handle.result()).resolves.toBe(true);
    });

    it("offers pure built-ins such as path", async () => {
      const e = await env();
      const handle = await e.start("usesPath", undefined);
      await expect(handle.result()).resolves.toEqual({
        joined: "orders/42.json",
        ext: ".csv",
        base: "c",
      });
    });

    it("removes WeakRef and FinalizationRegistry and hides the host process", async () => {
      const e = await env();
      const handle = await e.start("globalsProbe", undefined);
      await expect(handle.result()).resolves.toEqual({
        weakRef: "undefined",
        finalizationRegistry: "undefined",
        platform: "workflow-sandbox",
        env: 0,
      });
    });
  });

  describe("makes time and randomness deterministic", () => {
    it.each([
      ["with a warm cache", 1_000],
      ["replaying every task from scratch", 0],
    ])(
      "Date.now() and new Date() read the workflow task's start time (%s)",
      async (_label, maxCachedRuns) => {
        const e = await env({ maxCachedRuns });
        const handle = await e.start("clock", undefined);
        const result = (await handle.result()) as Record<string, any>;
        const later = START + 90 * 60_000;
        const utc = new Intl.DateTimeFormat("en-US", {
          timeZone: "UTC",
          dateStyle: "short",
          timeStyle: "short",
        });
        expect(result.first).toEqual({
          intl: utc.format(START),
          intlYear: "25",
          now: START,
          iso: new Date(START).toISOString(),
          string: new Date(START).toString(),
          parsed: Date.parse("2020-02-02T00:00:00Z"),
        });
        expect(result.second.now).toBe(later);
        expect(result.second.iso).toBe(new Date(later).toISOString());
        expect(result.second.intl).toBe(utc.format(later));
        expect(result.isDate).toBe(true);
        // ...which is the timestamp history gave the task that ran that code.
        const started = handle.history().filter((event) => event.type === "WorkflowTaskStarted");
        expect(started.map((event) => event.timestamp)).toEqual([START, later]);
      },
    );

    /** The numbers a run draws, computed by a fresh executor from a hand-built history. */
    function draws(runId: string): number[] {
      const run = new RunDriver({ workflowType: "randomness", runId });
      const executor = new WorkflowRunExecutor(bundleWorkflows(workflowsPath));
      const first = run.startTask();
      run.completeTask(first, executor.advance(run.events)!.commands);
      run.tick(60_000).fireTimer(1);
      run.startTask();
      const commands = executor.advance(run.events)!.commands;
      expect(commands).toHaveLength(1);
      if (commands[0].type !== "CompleteWorkflow")
        throw new Error(`unexpected ${commands[0].type}`);
      // A from-scratch replay of the same history draws the same numbers.
      const replayed = new WorkflowRunExecutor(bundleWorkflows(workflowsPath)).advance(
        run.events,
      )!.commands;
      expect(replayed).toEqual(commands);
      return commands[0].data.result as number[];
    }

    it("Math.random() is seeded by the run id: same run, same sequence; another run, another one", () => {
      const a = draws("run-a");
      expect(a).toHaveLength(3);
      expect(new Set(a).size).toBe(3);
      for (const n of a) expect(n >= 0 && n < 1).toBe(true);
      expect(draws("run-a")).toEqual(a);
      const b = draws("run-b");
      expect(b).not.toEqual(a);
      expect(b.some((n, i) => n === a[i])).toBe(false);
    });
  });

  describe("stops code that never yields", () => {
    const options = { activationTimeoutMs: 50 };

    it("fails the workflow task of `for (;;) {}` with WorkflowCodeTimeoutError instead of hanging", () => {
      const run = new RunDriver({ workflowType: "spins" });
      const task = run.startTask();
      const executor = new WorkflowRunExecutor(bundleWorkflows(workflowsPath), options);
      let error: unknown;
      try {
        executor.advance(run.events);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(WorkflowCodeTimeoutError);
      expect((error as Error).message).toContain("more than 50 ms without awaiting");
      // The worker reports it; the task fails (and will be retried), the workflow does not.
      const events = run.failTask(task, toFailure(error));
      expect(events[0]).toMatchObject({
        type: "WorkflowTaskFailed",
        data: { cause: "worker-failure", failure: { type: "WorkflowCodeTimeoutError" } },
      });
      expect(run.status).toBe("running");
      expect(historyProblems(run.events)).toEqual([]);
    });

    it("also stops a loop that runs in a continuation, and the process survives it with AsyncLocalStorage in use", async () => {
      // Terminating a microtask while promise hooks are on corrupts Node's async-context stack
      // and aborts the process at the next native callback (nodejs/node#38503). Any
      // AsyncLocalStorage turns the hooks on: the activity context, OpenTelemetry...
      const storage = new AsyncLocalStorage<string>();
      await storage.run("outer", async () => {
        const run = new RunDriver({ workflowType: "spinsAfterActivity" });
        const executor = new WorkflowRunExecutor(bundleWorkflows(workflowsPath), options);
        const first = run.startTask();
        run.completeTask(first, executor.advance(run.events)!.commands);
        run.completeActivity(1, "done");
        run.startTask();
        expect(() => executor.advance(run.events)).toThrow(WorkflowCodeTimeoutError);
        await fs.promises.stat(__filename); // a native callback: where Node used to abort
        await new Promise((resolve) => setImmediate(resolve));
        expect(storage.getStore()).toBe("outer");
      });
    });

    it("leaves other runs' sandboxes working after stopping one", () => {
      const healthy = new RunDriver({ workflowType: "randomness" });
      const executor = new WorkflowRunExecutor(bundleWorkflows(workflowsPath), options);
      const task = healthy.startTask();
      healthy.completeTask(task, executor.advance(healthy.events)!.commands);

      const spinning = new RunDriver({ workflowType: "spins" });
      spinning.startTask();
      expect(() =>
        new WorkflowRunExecutor(bundleWorkflows(workflowsPath), options).advance(spinning.events),
      ).toThrow(WorkflowCodeTimeoutError);

      healthy.tick(60_000).fireTimer(1);
      healthy.startTask();
      expect(executor.advance(healthy.events)!.commands).toMatchObject([
        { type: "CompleteWorkflow" },
      ]);
    });
  });

  describe("loads workflows modules", () => {
    const broken = (name: string) => require.resolve(`./fixtures/broken/${name}.workflows.js`);
    const load = (name: string) =>
      WorkflowSandbox.create(bundleWorkflows(broken(name)), { activationTimeoutMs: 50 });

    it("stops a module whose top level never finishes, saying how long it waited", () => {
      expect(() => load("spins-at-load")).toThrow(
        new WorkflowCodeTimeoutError(
          "Workflow code ran for more than 50 ms without awaiting; a loop must await a durable operation",
        ),
      );
    });

    it("reports an import that cannot be resolved with the file and line", () => {
      const error = outcome(() => load("missing-import"));
      expect(error).toBeInstanceOf(WorkflowBundleError);
      expect((error as Error).message).toContain(
        'missing-import.workflows.js:3: Could not resolve "./does-not-exist"',
      );
    });

    it("refuses a module that never loads @eventual/sdk with WorkflowBundleError", () => {
      const error = outcome(() => load("no-sdk"));
      expect(error).toBeInstanceOf(WorkflowBundleError);
      expect((error as Error).message).toContain("did not load @eventual/sdk");
    });

    it("passes on what a module throws while it loads", () => {
      expect(() => load("throws-at-load")).toThrow("missing WORKFLOW_REGION");
    });
  });

  describe("isolates runs", () => {
    it.each([
      ["with a warm cache", 1_000],
      ["replaying every task from scratch", 0],
    ])("gives every run its own module-level state (%s)", async (_label, maxCachedRuns) => {
      const e = await env({ maxCachedRuns });
      const one = await e.start("moduleCounter", undefined);
      const two = await e.start("moduleCounter", undefined);
      await e.tick(1, "minute");
      expect(one.state()).toMatchObject({ status: "completed", result: 2 });
      expect(two.state()).toMatchObject({ status: "completed", result: 2 });
      // A third run, started after the others finished, still starts from 0.
      const three = await e.start("moduleCounter", undefined);
      await expect(three.result()).resolves.toBe(2);
    });
  });
});
