import type { Failure, Payload } from "@eventual/core";
import type { v1 } from "@eventual/proto";
import { ProtoMappingError } from "./proto-mapping.error";

/**
 * A JS value as a `Payload` message; `undefined` becomes no message at all, so "absent" and
 * `null` stay distinct across the wire.
 *
 * @example
 * payloadToProto({ email: "a@b.c" }, "input") // => { json: '{"email":"a@b.c"}' }
 */
export function payloadToProto(value: Payload, field: string): v1.Payload | null {
  if (value === undefined) return null;
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (error) {
    // BigInt and cyclic structures throw; say which field so the caller can find it.
    throw new ProtoMappingError(field, `is not JSON-serializable (${(error as Error).message})`);
  }
  if (json === undefined)
    throw new ProtoMappingError(field, `is not JSON-serializable (a ${typeof value})`);
  return { json };
}

/** The value of a `Payload` message; no message means `undefined`. */
export function payloadFromProto(
  payload: v1.Payload__Output | null | undefined,
  field: string,
): Payload {
  if (!payload) return undefined;
  try {
    return JSON.parse(payload.json) as Payload;
  } catch (error) {
    throw new ProtoMappingError(`${field}.json`, `is not valid JSON (${(error as Error).message})`);
  }
}

/** The core's `Failure` as a message; absent optional fields become proto3 defaults. */
export function failureToProto(failure: Failure, field: string): v1.Failure {
  return {
    type: failure.type,
    message: failure.message,
    stack: failure.stack ?? "",
    nonRetryable: failure.nonRetryable ?? false,
    details: payloadToProto(failure.details, `${field}.details`),
    cause: failure.cause ? failureToProto(failure.cause, `${field}.cause`) : null,
  };
}

/** A `Failure` message as the core's `Failure`, leaving out fields that were not set. */
export function failureFromProto(failure: v1.Failure__Output, field: string): Failure {
  const result: Failure = { type: failure.type, message: failure.message };
  if (failure.stack) result.stack = failure.stack;
  if (failure.nonRetryable) result.nonRetryable = true;
  const details = payloadFromProto(failure.details, `${field}.details`);
  if (details !== undefined) result.details = details;
  if (failure.cause) result.cause = failureFromProto(failure.cause, `${field}.cause`);
  return result;
}

/** A failure the server must have sent (e.g. for a FAILED run). */
export function requiredFailureFromProto(
  failure: v1.Failure__Output | null,
  field: string,
): Failure {
  if (!failure) throw new ProtoMappingError(field, "is missing");
  return failureFromProto(failure, field);
}
