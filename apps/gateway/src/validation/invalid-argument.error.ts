/**
 * A request field is wrong. The gateway answers INVALID_ARGUMENT with this message, which names
 * the field as the API spells it (snake_case, as in the .proto and in grpcurl).
 */
export class InvalidArgumentError extends Error {
  override readonly name = "InvalidArgumentError";
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field}: ${problem}`);
  }
}

/** Limits on what a request may carry. Defaults mirror Temporal's where it has one. */
export interface RequestLimits {
  /** Longest workflow id, type, task queue, signal name or request id, in characters. */
  maxIdLength: number;
  /** Largest JSON payload (input, result, signal, details), in bytes of UTF-8. */
  maxPayloadBytes: number;
  /** Longest timeout a request may set. */
  maxTimeoutMs: number;
}

export const DEFAULT_REQUEST_LIMITS: RequestLimits = {
  maxIdLength: 1_000,
  maxPayloadBytes: 2 * 1024 * 1024,
  maxTimeoutMs: 10 * 365 * 24 * 3_600_000,
};
