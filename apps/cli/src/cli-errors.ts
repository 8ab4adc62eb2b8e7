import { EventualClientError } from "@eventual/client";

/** Exit codes: 0 success, 1 the operation failed, 2 the command line was wrong. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/**
 * The command line itself is wrong (bad JSON, a malformed address or duration): exit code 2,
 * and nothing was sent to the gateway.
 *
 * @example
 * throw new CliUsageError(`--input is not valid JSON: ${error.message}`);
 */
export class CliUsageError extends Error {
  override readonly name = "CliUsageError";
  readonly exitCode = EXIT_USAGE;
}

/**
 * The command was fine but what it asked for failed (unknown workflow, gateway down, the
 * workflow failed): exit code 1. The message is the one line the user sees.
 *
 * @example
 * throw new CliFailure(`workflow "order-7" failed: ApplicationError: card declined`);
 */
export class CliFailure extends Error {
  override readonly name: string = "CliFailure";
  readonly exitCode = EXIT_FAILURE;
}

/**
 * Nothing listens at the address (or it never answered in time). Its own type because it is the
 * most common first-run mistake and the message says how to fix it.
 */
export class GatewayUnreachableError extends CliFailure {
  override readonly name = "GatewayUnreachableError";

  constructor(
    readonly address: string,
    options?: { cause?: unknown },
  ) {
    super(
      `cannot reach the Eventual gateway at ${address} — is it running? start one with "eventual dev"`,
      options,
    );
  }
}

/**
 * Ends the command with an exit code and prints nothing more: for outcomes already written to
 * stdout (e.g. a failed workflow's result as JSON under `--json`).
 */
export class CliExit extends Error {
  override readonly name = "CliExit";

  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}

/** What the command was about, so a bare gRPC status can be said in the user's terms. */
export interface ErrorSubject {
  address: string;
  workflowId?: string;
  runId?: string;
  /** The call waits on purpose (GetWorkflowResult), so DEADLINE_EXCEEDED means "still running". */
  waitedFor?: string;
}

/**
 * Says a client error in one line that names what the user typed, with the gRPC status in
 * parentheses so scripts and bug reports can match on it.
 *
 * @example
 * fromClientError(new EventualClientError("NOT_FOUND", "workflow x not found", "", "DescribeWorkflow"), { address, workflowId: "x" })
 * // → CliFailure('no workflow "x" (NOT_FOUND)')
 */
export function fromClientError(error: EventualClientError, subject: ErrorSubject): CliFailure {
  const options = { cause: error };
  switch (error.code) {
    case "UNAVAILABLE":
      return new GatewayUnreachableError(subject.address, options);
    case "NOT_FOUND":
      if (subject.workflowId === undefined) break;
      return new CliFailure(
        subject.runId
          ? `workflow "${subject.workflowId}" has no run "${subject.runId}" (NOT_FOUND)`
          : `no workflow "${subject.workflowId}" (NOT_FOUND)`,
        options,
      );
    case "DEADLINE_EXCEEDED":
      return new CliFailure(
        subject.waitedFor !== undefined && subject.workflowId !== undefined
          ? `workflow "${subject.workflowId}" is still running after ${subject.waitedFor} (DEADLINE_EXCEEDED)`
          : `the Eventual gateway at ${subject.address} did not answer in time (DEADLINE_EXCEEDED)`,
        options,
      );
    case "UNIMPLEMENTED":
      // What a port held by some other HTTP/2 server answers ("Received HTTP status code 404").
      return new CliFailure(
        `the server at ${subject.address} does not answer ${error.method || "the call"} — is it an Eventual gateway? (${error.message}) (UNIMPLEMENTED)`,
        options,
      );
    default:
      // The server's own text: for INVALID_ARGUMENT it names the field ("input: is too large").
      break;
  }
  return new CliFailure(`${error.message} (${error.code})`, options);
}

/**
 * Maps anything an action threw to the exit code and the line to print. `EventualClientError`s
 * are translated with `subject`; errors nobody expected keep their message (and, with
 * EVENTUAL_DEBUG=1, the caller prints their stack).
 */
export function toCliError(
  error: unknown,
  subject: ErrorSubject,
): CliUsageError | CliFailure | CliExit {
  if (error instanceof CliUsageError || error instanceof CliFailure || error instanceof CliExit) {
    return error;
  }
  if (error instanceof EventualClientError) return fromClientError(error, subject);
  const message = error instanceof Error ? error.message : String(error);
  return new CliFailure(`unexpected error: ${message}`, { cause: error });
}
