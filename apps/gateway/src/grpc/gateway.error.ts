import * as grpc from "@grpc/grpc-js";
import type { RejectionCode } from "@eventual/core";
import { InvalidQueryError } from "@eventual/store";
import { InvalidArgumentError } from "../validation/invalid-argument.error";

/** The gRPC statuses the gateway answers with on purpose; anything else is INTERNAL. */
export type GatewayStatus =
  | "INVALID_ARGUMENT"
  | "NOT_FOUND"
  | "ALREADY_EXISTS"
  | "FAILED_PRECONDITION"
  | "DEADLINE_EXCEEDED"
  | "UNAVAILABLE"
  | "INTERNAL";

/**
 * A failure with a chosen gRPC status and a message for the caller. Handlers throw it; the
 * controller turns it into the call's status.
 *
 * @example
 * throw new GatewayError("NOT_FOUND", "workflow order-7 not found");
 */
export class GatewayError extends Error {
  override readonly name = "GatewayError";
  constructor(
    readonly status: GatewayStatus,
    message: string,
  ) {
    super(message);
  }

  /** The status for a rejection from the core (its codes are gRPC's already). */
  static fromRejection(code: RejectionCode, message: string): GatewayError {
    switch (code) {
      case "NOT_FOUND":
      case "ALREADY_EXISTS":
      case "FAILED_PRECONDITION":
      case "INVALID_ARGUMENT":
        return new GatewayError(code, message);
      default: {
        const unreachable: never = code;
        return new GatewayError("INTERNAL", `unknown rejection code ${String(unreachable)}: ${message}`);
      }
    }
  }
}

/** A status error as grpc-js sends it. */
export type StatusError = Partial<grpc.StatusObject> & { code: grpc.status; details: string; message: string };

/**
 * Maps what a handler threw to the call's status: validation and query errors are
 * INVALID_ARGUMENT naming the field (snake_case, as the .proto spells it); unknown errors are
 * INTERNAL and `unexpected` is told, so they are logged rather than shown in detail.
 *
 * @example
 * callback(toStatusError(new InvalidQueryError("pageToken", "page token is malformed"))); // INVALID_ARGUMENT "page_token: page token is malformed"
 */
export function toStatusError(error: unknown, unexpected: (error: unknown) => void = () => undefined): StatusError {
  if (error instanceof GatewayError) return statusError(grpc.status[error.status], error.message);
  if (error instanceof InvalidArgumentError) return statusError(grpc.status.INVALID_ARGUMENT, error.message);
  if (error instanceof InvalidQueryError) {
    return statusError(grpc.status.INVALID_ARGUMENT, `${snakeCase(error.field)}: ${error.message}`);
  }
  unexpected(error);
  return statusError(grpc.status.INTERNAL, "internal error in the gateway; it has been logged");
}

function statusError(code: grpc.status, details: string): StatusError {
  return { code, details, message: details, metadata: new grpc.Metadata() };
}

/** `pageToken` → `page_token`: store errors name fields in TypeScript's spelling. */
export function snakeCase(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
