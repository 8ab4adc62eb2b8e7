/**
 * Times cross into SQL as ISO-8601 text cast to timestamptz: it carries the millisecond
 * exactly (unlike `to_timestamp(ms / 1000.0)`, a float) and does not depend on the session
 * time zone.
 *
 * @example
 * isoTime(1_700_000_000_123) // → "2023-11-14T22:13:20.123Z"
 */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}
