import type { Failure, Payload, WorkflowCommand } from "@eventual/core";
import { CancelledError } from "./errors";
import { fromFailure, toFailure } from "./failure-converter";

/** What a workflow knows about itself. */
export interface WorkflowInfo {
  workflowId: string;
  runId: string;
  workflowType: string;
  taskQueue: string;
  /** When the run started, from its history (the same on every replay). */
  startTime: Date;
}

export type LogLevel = "debug" | "info" | "warn" | "error";

/** One line logged by workflow code; only produced when not replaying. */
export interface LogEntry {
  level: LogLevel;
  message: string;
  timestamp: number;
}

/**
 * What the host delivers to a workflow in one activation. `resolve`/`reject` settle the
 * operation the workflow started with that sequence number (activity, timer, child).
 */
export type ActivationJob =
  | {
      type: "start";
      input: Payload;
      info: { workflowId: string; runId: string; workflowType: string; taskQueue: string; startTime: number };
    }
  | { type: "resolve"; seq: number; value: Payload }
  | { type: "reject"; seq: number; failure: Failure }
  | { type: "signal"; signalName: string; input: Payload }
  | { type: "cancel"; reason: string };

export interface ActivationInput {
  jobs: ActivationJob[];
  /** The workflow's clock for this activation: the workflow task's start time. */
  now: number;
  replaying: boolean;
}

/** A problem the host must turn into a failed workflow task. */
export interface ActivationProblem {
  kind: "nondeterminism" | "unknown-workflow";
  message: string;
  seq?: number;
}

export interface ActivationOutput {
  commands: WorkflowCommand[];
  logs: LogEntry[];
  problem?: ActivationProblem;
}

export type OperationKind = "activity" | "timer" | "child";

interface PendingOperation {
  kind: OperationKind;
  label: string;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface Condition {
  predicate: () => boolean;
  resolve(value: boolean): void;
  reject(error: Error): void;
}

/** What starting a workflow needs from its definition; kept minimal to avoid import cycles. */
export interface RunnableWorkflow {
  handler(input: any, context: any): Promise<unknown>;
}

/**
 * The state of one workflow run inside its sandbox. Every SDK call allocates a sequence
 * number, pushes a plain command and registers a completion; the host settles completions
 * from history. Everything here is synchronous and realm-local, which is what makes replay
 * deterministic.
 */
export class WorkflowRuntime {
  now = 0;
  replaying = false;
  cancelRequested = false;
  info?: WorkflowInfo;
  private seq = 0;
  private done = false;
  private commands: WorkflowCommand[] = [];
  private logs: LogEntry[] = [];
  private problem?: ActivationProblem;
  private readonly pending = new Map<number, PendingOperation>();
  /** Operations the workflow stopped waiting for; their late outcomes are ignored. */
  private readonly abandoned = new Set<number>();
  private readonly signalHandlers = new Map<string, Set<(input: any) => unknown>>();
  private readonly signalWaiters = new Map<string, Array<(input: unknown) => void>>();
  private readonly signalBuffer = new Map<string, Payload[]>();
  private readonly conditions = new Set<Condition>();
  private readonly cancelWaiters = new Set<(error: Error) => void>();
  private randomState: [number, number, number, number] = [0, 0, 0, 0];

  constructor(
    private readonly findWorkflow: (type: string) => RunnableWorkflow | undefined,
    private readonly knownWorkflows: () => string[],
    private readonly makeContext: () => unknown,
  ) {}

  /** Applies the jobs of one activation. Microtasks run after this returns (the host drains them). */
  activate(input: ActivationInput): void {
    this.now = input.now;
    this.replaying = input.replaying;
    for (const job of input.jobs) {
      if (this.problem) return;
      this.applyJob(job);
    }
  }

  /** Re-evaluates waiting conditions; returns true if any resolved (the host drains again). */
  checkConditions(): boolean {
    let resolved = false;
    for (const condition of [...this.conditions]) {
      let ok: boolean;
      try {
        ok = condition.predicate();
      } catch (error) {
        this.conditions.delete(condition);
        condition.reject(error as Error);
        resolved = true;
        continue;
      }
      if (ok) {
        this.conditions.delete(condition);
        condition.resolve(true);
        resolved = true;
      }
    }
    return resolved;
  }

  /** Hands the activation's commands and logs to the host and starts a fresh batch. */
  takeOutput(): ActivationOutput {
    const output: ActivationOutput = { commands: this.commands, logs: this.logs };
    if (this.problem) output.problem = this.problem;
    this.commands = [];
    this.logs = [];
    return output;
  }

  // ---- used by the SDK's workflow APIs ----

  nextSeq(): number {
    return ++this.seq;
  }

  /** Records a command that starts an operation and returns the promise its completion settles. */
  startOperation<T>(kind: OperationKind, label: string, command: WorkflowCommand & { data: { seq: number } }): Promise<T> {
    const seq = command.data.seq;
    const promise = new Promise<T>((resolve, reject) => {
      this.pending.set(seq, { kind, label, resolve: resolve as (v: unknown) => void, reject });
    });
    // Marks the promise handled so an abandoned operation that is later cancelled does not
    // surface as an unhandled rejection; awaiting it still throws.
    promise.catch(() => undefined);
    this.push(command);
    return promise;
  }

  /** Stops waiting for an operation: its promise rejects with `CancelledError` and the command is recorded. */
  cancelOperation(seq: number): void {
    const op = this.pending.get(seq);
    if (!op) return;
    this.pending.delete(seq);
    this.abandoned.add(seq);
    if (op.kind === "activity") this.push({ type: "RequestCancelActivity", data: { seq } });
    if (op.kind === "timer") this.push({ type: "CancelTimer", data: { seq } });
    op.reject(new CancelledError(`${op.label} was cancelled`));
  }

  hasPending(seq: number): boolean {
    return this.pending.has(seq);
  }

  push(command: WorkflowCommand): void {
    if (!this.done) this.commands.push(command);
  }

  addCondition(predicate: () => boolean): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      const stop = this.onCancel((error) => {
        if (this.conditions.delete(condition)) reject(error);
      });
      const condition: Condition = {
        predicate,
        resolve: (value) => (stop(), resolve(value)),
        reject: (error) => (stop(), reject(error)),
      };
      this.conditions.add(condition);
    });
  }

  /** Gives up on waiting conditions with this predicate (their promises resolve `false`). */
  removeConditionsFor(predicate: () => boolean): void {
    for (const c of [...this.conditions]) {
      if (c.predicate !== predicate) continue;
      this.conditions.delete(c);
      c.resolve(false);
    }
  }

  /** Runs `listener` when the workflow is cancelled (at once if it already is); returns a disposer. */
  onCancel(listener: (error: Error) => void): () => void {
    if (this.cancelRequested) {
      listener(new CancelledError("workflow cancelled"));
      return () => undefined;
    }
    this.cancelWaiters.add(listener);
    return () => this.cancelWaiters.delete(listener);
  }

  onSignal(signalName: string, handler: (input: any) => unknown): () => void {
    let handlers = this.signalHandlers.get(signalName);
    if (!handlers) this.signalHandlers.set(signalName, (handlers = new Set()));
    handlers.add(handler);
    // Signals that arrived before anyone listened are handed over in order.
    const buffered = this.signalBuffer.get(signalName) ?? [];
    this.signalBuffer.delete(signalName);
    for (const input of buffered) this.callHandler(handler, input);
    return () => handlers.delete(handler);
  }

  /** The next signal of that name: a buffered one at once, otherwise the next to arrive (which every open wait gets). */
  nextSignal(signalName: string): { promise: Promise<unknown>; abandon(): void } {
    const buffered = this.signalBuffer.get(signalName);
    if (buffered && buffered.length > 0) {
      const input = buffered.shift();
      return { promise: Promise.resolve(input), abandon: () => undefined };
    }
    let waiter!: (input: unknown) => void;
    let stop: () => void = () => undefined;
    const promise = new Promise<unknown>((resolve, reject) => {
      stop = this.onCancel(reject);
      waiter = (input) => (stop(), resolve(input));
    });
    promise.catch(() => undefined);
    let waiters = this.signalWaiters.get(signalName);
    if (!waiters) this.signalWaiters.set(signalName, (waiters = []));
    waiters.push(waiter);
    return {
      promise,
      abandon: () => {
        stop();
        const list = this.signalWaiters.get(signalName);
        const index = list?.indexOf(waiter) ?? -1;
        if (list && index >= 0) list.splice(index, 1);
      },
    };
  }

  log(level: LogLevel, args: unknown[]): void {
    if (this.replaying) return;
    this.logs.push({ level, message: args.map(formatLogArg).join(" "), timestamp: this.now });
  }

  /** Deterministic `Math.random`: sfc32 seeded from the run id. */
  random(): number {
    const s = this.randomState;
    const t = (((s[0] + s[1]) | 0) + s[3]) | 0;
    s[3] = (s[3] + 1) | 0;
    s[0] = s[1] ^ (s[1] >>> 9);
    s[1] = (s[2] + (s[2] << 3)) | 0;
    s[2] = (s[2] << 21) | (s[2] >>> 11);
    s[2] = (s[2] + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  // ---- jobs ----

  private applyJob(job: ActivationJob): void {
    switch (job.type) {
      case "start":
        this.start(job);
        return;
      case "resolve":
        this.settle(job.seq, (op) => op.resolve(job.value));
        return;
      case "reject":
        this.settle(job.seq, (op) => op.reject(fromFailure(job.failure)));
        return;
      case "signal":
        this.deliverSignal(job.signalName, job.input);
        return;
      case "cancel":
        this.cancelWorkflow();
        return;
      default: {
        const never: never = job;
        throw new Error(`Unknown activation job ${JSON.stringify(never)}`);
      }
    }
  }

  private start(job: Extract<ActivationJob, { type: "start" }>): void {
    const { info } = job;
    this.info = { ...info, startTime: new Date(info.startTime) };
    this.seedRandom(info.runId);
    const definition = this.findWorkflow(info.workflowType);
    if (!definition) {
      this.problem = {
        kind: "unknown-workflow",
        message: `No workflow named "${info.workflowType}" is registered in this worker's workflows (registered: ${this.knownWorkflows().join(", ") || "none"})`,
      };
      return;
    }
    let result: Promise<unknown>;
    try {
      result = Promise.resolve(definition.handler(job.input, this.makeContext()));
    } catch (error) {
      result = Promise.reject(error);
    }
    result.then(
      (value) => this.finish({ type: "CompleteWorkflow", data: { result: value } }),
      (error) => this.finish(this.closingCommandFor(error)),
    );
  }

  private closingCommandFor(error: unknown): WorkflowCommand {
    const failure = toFailure(error);
    if (this.cancelRequested && failure.type === "CancelledError") return { type: "CancelWorkflow", data: {} };
    return { type: "FailWorkflow", data: { failure } };
  }

  private finish(command: WorkflowCommand): void {
    if (this.done) return;
    this.push(command);
    this.done = true;
  }

  private settle(seq: number, action: (op: PendingOperation) => void): void {
    const op = this.pending.get(seq);
    if (!op && this.abandoned.has(seq)) return;
    if (!op) {
      this.problem = {
        kind: "nondeterminism",
        seq,
        message: `History settles operation #${seq}, but the workflow code has no operation #${seq} waiting`,
      };
      return;
    }
    this.pending.delete(seq);
    action(op);
  }

  private deliverSignal(signalName: string, input: Payload): void {
    const handlers = this.signalHandlers.get(signalName);
    // Every wait open when the signal arrives gets it. Handing it to the oldest wait alone would
    // lose it whenever that wait was abandoned (the loser of a Promise.race with a timer, in a
    // loop), and an abandoned wait cannot be told from a live one.
    const waiters = this.signalWaiters.get(signalName)?.splice(0) ?? [];
    for (const waiter of waiters) waiter(input);
    if (handlers && handlers.size > 0) {
      for (const handler of [...handlers]) this.callHandler(handler, input);
    } else if (waiters.length === 0) {
      let buffer = this.signalBuffer.get(signalName);
      if (!buffer) this.signalBuffer.set(signalName, (buffer = []));
      buffer.push(input);
    }
  }

  private callHandler(handler: (input: unknown) => unknown, input: unknown): void {
    try {
      const out = handler(input);
      if (out && typeof (out as Promise<unknown>).then === "function") {
        (out as Promise<unknown>).then(undefined, (error) => this.finish({ type: "FailWorkflow", data: { failure: toFailure(error) } }));
      }
    } catch (error) {
      this.finish({ type: "FailWorkflow", data: { failure: toFailure(error) } });
    }
  }

  private cancelWorkflow(): void {
    if (this.cancelRequested) return;
    this.cancelRequested = true;
    for (const seq of [...this.pending.keys()]) this.cancelOperation(seq);
    const error = new CancelledError("workflow cancelled");
    for (const listener of [...this.cancelWaiters]) listener(error);
    this.cancelWaiters.clear();
  }

  private seedRandom(runId: string): void {
    // Four 32-bit lanes from an FNV-1a hash of the run id: same run, same sequence.
    let h = 0x811c9dc5;
    const lanes: number[] = [];
    for (let lane = 0; lane < 4; lane++) {
      for (let i = 0; i < runId.length; i++) {
        h ^= runId.charCodeAt(i) + lane;
        h = Math.imul(h, 0x01000193);
      }
      lanes.push(h >>> 0);
    }
    this.randomState = lanes as [number, number, number, number];
    for (let i = 0; i < 12; i++) this.random();
  }
}

function formatLogArg(arg: unknown): string {
  if (typeof arg === "string") return arg;
  if (arg instanceof Error) return `${arg.name}: ${arg.message}`;
  try {
    return JSON.stringify(arg);
  } catch {
    return String(arg);
  }
}

declare const globalThis: { __EVENTUAL_SANDBOX__?: boolean; __eventualRuntime?: WorkflowRuntime };

/** The run this realm belongs to, or undefined outside a workflow sandbox. */
export function currentRuntime(): WorkflowRuntime | undefined {
  return globalThis.__eventualRuntime;
}

/** Called once when the SDK loads: inside a sandbox it creates the run's runtime. */
export function installRuntime(factory: () => WorkflowRuntime): void {
  if (globalThis.__EVENTUAL_SANDBOX__ && !globalThis.__eventualRuntime) {
    globalThis.__eventualRuntime = factory();
  }
}
