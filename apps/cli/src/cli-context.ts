import type { EventualClient } from "@eventual/client";

/**
 * The slice of `EventualClient` the commands use, plus a reachability check. An interface so
 * the in-process specs can hand the program a fake gateway.
 */
export type GatewayClient = Pick<
  EventualClient,
  | "startWorkflow"
  | "signalWorkflow"
  | "cancelWorkflow"
  | "describeWorkflow"
  | "getWorkflowHistory"
  | "getFullWorkflowHistory"
  | "listWorkflows"
  | "getWorkflowResult"
  | "close"
> & {
  /**
   * Resolves once a connection is up; throws `GatewayUnreachableError` when the address
   * refuses, cannot be resolved or does not answer within `timeoutMs`.
   */
  waitUntilReachable(timeoutMs: number): Promise<void>;
};

/** What `startEmbeddedPlatform` from @eventual/embedded gives back. */
export interface EmbeddedPlatform {
  /** `host:port` of the gRPC gateway. */
  address: string;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * The signature `eventual dev` is written against. Declared here, not imported, so that every
 * other command compiles and runs without the embedded runtime; dev.command.ts checks the real
 * function against it where it loads it.
 */
export type StartEmbeddedPlatform = (options: {
  dataDir: string;
  port?: number;
}) => Promise<EmbeddedPlatform>;

/**
 * Everything the program touches outside itself. `main.ts` wires the real process; specs pass
 * buffers, a fake client and fake clocks, and run the whole program in-process.
 *
 * @example
 * const out: string[] = [];
 * const code = await runCli(["workflow", "list"], { ...processContext(), stdout: (t) => out.push(t) });
 */
export interface CliContext {
  /** Writes text as is (commands add their own newlines). */
  stdout(text: string): void;
  stderr(text: string): void;
  env: Readonly<Record<string, string | undefined>>;
  /** A client for `address`; not yet connected. */
  createClient(address: string): GatewayClient;
  sleep(ms: number): Promise<void>;
  now(): number;
  /** Where relative paths (`dev --data-dir`) are resolved. */
  cwd(): string;
  /** Loads `startEmbeddedPlatform` (lazily: only `eventual dev` needs it). */
  loadEmbeddedPlatform(): Promise<StartEmbeddedPlatform>;
  /** Resolves with the name of the first SIGINT/SIGTERM, for `eventual dev`. */
  shutdownSignal(): Promise<string>;
  /** Zone of printed wall-clock times; default the machine's. */
  timeZone?: string;
}

/** How long a command waits for a connection before saying the gateway cannot be reached. */
export const CONNECT_TIMEOUT_MS = 5_000;

/** Writes one line to stdout. */
export function printLine(ctx: CliContext, line = ""): void {
  ctx.stdout(`${line}\n`);
}

/** Writes one line to stderr. */
export function printErrorLine(ctx: CliContext, line: string): void {
  ctx.stderr(`${line}\n`);
}
