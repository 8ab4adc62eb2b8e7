import { type DurationInput, parseDuration } from "@eventual/core";
import { ProtoMappingError } from "./proto-mapping.error";

/** A duration as the API's int64 milliseconds; 0 is the API's "not set". */
export function durationMs(duration: DurationInput | undefined, field: string): number {
  if (duration === undefined) return 0;
  try {
    return parseDuration(duration);
  } catch (error) {
    throw new ProtoMappingError(field, (error as Error).message);
  }
}

/** A time bound as epoch milliseconds; 0 is the API's "unbounded". */
export function timeMs(time: Date | number | undefined, field: string): number {
  if (time === undefined) return 0;
  const ms = time instanceof Date ? time.getTime() : time;
  if (!Number.isFinite(ms) || ms < 0)
    throw new ProtoMappingError(field, `must be a time, got ${String(time)}`);
  return ms;
}

/** Milliseconds as the API sends them, where 0 means "not set". */
export function optionalMillis(value: number): number | undefined {
  return value === 0 ? undefined : value;
}
