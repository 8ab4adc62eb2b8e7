import { InvalidArgumentError, type RequestLimits } from "./invalid-argument.error";

/** A required identifier: non-empty, not too long, no control characters. */
export function requireId(field: string, value: string | undefined, limits: RequestLimits): string {
  if (value === undefined || value === "") throw new InvalidArgumentError(field, "is required");
  if (value.trim() !== value || value.trim() === "") throw new InvalidArgumentError(field, "must not start or end with white space");
  if (value.length > limits.maxIdLength) {
    throw new InvalidArgumentError(field, `is ${value.length} characters long; the limit is ${limits.maxIdLength}`);
  }
  if (/[\u0000-\u001f\u007f]/.test(value)) throw new InvalidArgumentError(field, "must not contain control characters");
  return value;
}

/** An optional identifier: empty means absent. */
export function optionalId(field: string, value: string | undefined, limits: RequestLimits): string | undefined {
  return value === undefined || value === "" ? undefined : requireId(field, value, limits);
}

/**
 * A JSON payload: within the size limit and parseable. Absent (no Payload message) is
 * `undefined`; the text "null" is `null`.
 */
export function payload(field: string, value: { json?: string } | null | undefined, limits: RequestLimits): unknown {
  if (value === null || value === undefined) return undefined;
  const text = value.json ?? "";
  if (text === "") throw new InvalidArgumentError(`${field}.json`, 'is empty; send "null" for a null value or omit the payload');
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > limits.maxPayloadBytes) {
    throw new InvalidArgumentError(`${field}.json`, `is ${bytes} bytes; the limit is ${limits.maxPayloadBytes} bytes (keep large data elsewhere and pass a reference)`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InvalidArgumentError(`${field}.json`, `is not valid JSON (${(error as Error).message})`);
  }
}

/** A duration in ms where 0 means "not set": a whole number within the limit. */
export function optionalDurationMs(field: string, value: number | string | undefined, limits: RequestLimits): number | undefined {
  if (value === undefined) return undefined;
  const ms = Number(value);
  if (!Number.isSafeInteger(ms)) throw new InvalidArgumentError(field, `must be a whole number of milliseconds, got ${String(value)}`);
  if (ms < 0) throw new InvalidArgumentError(field, `must be >= 0 (0 means not set), got ${ms}`);
  if (ms > limits.maxTimeoutMs) throw new InvalidArgumentError(field, `is ${ms} ms; the limit is ${limits.maxTimeoutMs} ms (10 years)`);
  return ms === 0 ? undefined : ms;
}
