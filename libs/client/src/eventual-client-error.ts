import { status } from "@grpc/grpc-js";

/** gRPC status names, e.g. `"NOT_FOUND"`: what callers switch on instead of numeric codes. */
export type GrpcStatusName = keyof typeof status;

/**
 * Every failure of an Eventual client call: a gRPC status from the server, a transport
 * problem (UNAVAILABLE, DEADLINE_EXCEEDED, CANCELLED), an argument the client could not
 * encode (INVALID_ARGUMENT, before anything is sent) or a reply it could not decode
 * (INTERNAL).
 *
 * @example
 * try {
 *   await client.signalWorkflow({ workflowId: "order-7", signalName: "approve" });
 * } catch (error) {
 *   if (error instanceof EventualClientError && error.code === "NOT_FOUND") console.log("no such order");
 *   else throw error;
 * }
 */
export class EventualClientError extends Error {
  override readonly name = "EventualClientError";

  constructor(
    /** The gRPC status name. */
    readonly code: GrpcStatusName,
    /** What went wrong: the server's status message as sent, or the client's explanation. */
    message: string,
    /**
     * The raw status details as gRPC reported them (for server errors, the same text as
     * `message`); for errors raised in the client, the underlying reason.
     */
    readonly details: string,
    /** The RPC that failed, e.g. "StartWorkflow"; empty when no call was made. */
    readonly method: string = "",
    /** Trailing metadata of the failed call, for servers that put error details there. */
    readonly metadata: Readonly<Record<string, string>> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** The numeric gRPC status code of `code`. */
  get grpcCode(): number {
    return status[this.code];
  }
}

/** The name of a numeric gRPC status; codes outside the spec count as UNKNOWN, as gRPC says. */
export function grpcStatusName(code: number): GrpcStatusName {
  const name = (status as unknown as Record<number, string | undefined>)[code];
  return name !== undefined && name in status ? (name as GrpcStatusName) : "UNKNOWN";
}
