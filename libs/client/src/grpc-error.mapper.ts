import type * as grpc from "@grpc/grpc-js";
import { InvalidDurationError } from "@eventual/core";
import { EventualClientError, grpcStatusName } from "./eventual-client-error";
import { ProtoMappingError } from "./proto-mapping.error";

/** Where a call went: used to make transport errors say what could not be reached. */
export interface CallSite {
  method: string;
  address: string;
}

function isServiceError(error: unknown): error is grpc.ServiceError {
  return error instanceof Error && typeof (error as Partial<grpc.ServiceError>).code === "number";
}

/**
 * Turns whatever a grpc-js call failed with into an `EventualClientError`. Server statuses
 * keep the server's message verbatim (it names the bad field); transport statuses get a
 * message that says which call to which address failed, since grpc-js's own text
 * ("No connection established. Last error: ...") does not.
 */
export function toEventualClientError(error: unknown, site: CallSite): EventualClientError {
  if (error instanceof EventualClientError) return error;
  if (!isServiceError(error)) {
    const text = error instanceof Error ? error.message : String(error);
    return new EventualClientError(
      "UNKNOWN",
      `${site.method} failed: ${text}`,
      text,
      site.method,
      {},
      { cause: error },
    );
  }
  const code = grpcStatusName(error.code);
  const details = error.details ?? "";
  const metadata = metadataRecord(error.metadata);
  const make = (message: string) =>
    new EventualClientError(code, message, details, site.method, metadata, { cause: error });
  switch (code) {
    case "UNAVAILABLE": {
      // grpc-js appends an empty "Resolution note:" to connection errors; it only adds noise.
      const reason = details.replace(/\.?\s*Resolution note:\s*$/, "");
      return make(
        `${site.method}: the Eventual server at ${site.address} is unavailable (${reason}); check that it is running and that the address is right`,
      );
    }
    case "DEADLINE_EXCEEDED":
      return make(
        `${site.method} to ${site.address} did not finish before its deadline (${details})`,
      );
    case "CANCELLED":
      return make(
        details === "Cancelled on client" ? `${site.method} was cancelled by the caller` : details,
      );
    case "OK":
    case "UNKNOWN":
    case "INVALID_ARGUMENT":
    case "NOT_FOUND":
    case "ALREADY_EXISTS":
    case "PERMISSION_DENIED":
    case "RESOURCE_EXHAUSTED":
    case "FAILED_PRECONDITION":
    case "ABORTED":
    case "OUT_OF_RANGE":
    case "UNIMPLEMENTED":
    case "INTERNAL":
    case "DATA_LOSS":
    case "UNAUTHENTICATED":
      return make(details || `${site.method} failed with ${code}`);
    default: {
      const unreachable: never = code;
      return make(`${site.method} failed with status ${String(unreachable)}`);
    }
  }
}

/**
 * An argument the client cannot send (a malformed duration, a payload that is not JSON):
 * INVALID_ARGUMENT, raised before any request leaves the process.
 */
export function toInvalidArgument(error: unknown, method: string): EventualClientError {
  if (error instanceof ProtoMappingError || error instanceof InvalidDurationError) {
    return new EventualClientError(
      "INVALID_ARGUMENT",
      error.message,
      error.message,
      method,
      {},
      { cause: error },
    );
  }
  return toEventualClientError(error, { method, address: "" });
}

/** A reply the client cannot read (unknown event type, bad JSON): INTERNAL, as gRPC does for malformed responses. */
export function toMalformedReply(error: unknown, method: string): EventualClientError {
  if (error instanceof ProtoMappingError) {
    const message = `${method} returned a malformed reply: ${error.message}`;
    return new EventualClientError(
      "INTERNAL",
      message,
      error.message,
      method,
      {},
      { cause: error },
    );
  }
  return toEventualClientError(error, { method, address: "" });
}

function metadataRecord(metadata: grpc.Metadata | undefined): Record<string, string> {
  const record: Record<string, string> = {};
  if (!metadata) return record;
  for (const [key, value] of Object.entries(metadata.getMap())) {
    record[key] = typeof value === "string" ? value : value.toString("base64");
  }
  return record;
}
