import type { Failure } from "@eventual/core";

/**
 * Time since a run started, to the millisecond: seconds for short runs, then minutes, hours
 * and days so a week-long reminder stays readable.
 *
 * @example
 * formatOffset(1234)        // → "+1.234s"
 * formatOffset(75_000)      // → "+1m15.000s"
 * formatOffset(90_061_001)  // → "+1d01h01m01.001s"
 */
export function formatOffset(ms: number): string {
  const sign = ms < 0 ? "-" : "+";
  let rest = Math.abs(Math.round(ms));
  const days = Math.floor(rest / 86_400_000);
  rest -= days * 86_400_000;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = (rest / 1000).toFixed(3);
  const two = (n: number) => String(n).padStart(2, "0");
  if (days > 0) return `${sign}${days}d${two(hours)}h${two(minutes)}m${seconds.padStart(6, "0")}s`;
  if (hours > 0) return `${sign}${hours}h${two(minutes)}m${seconds.padStart(6, "0")}s`;
  if (minutes > 0) return `${sign}${minutes}m${seconds.padStart(6, "0")}s`;
  return `${sign}${seconds}s`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A wall-clock time as `YYYY-MM-DD HH:mm:ss`, in the machine's zone unless one is given (tests
 * pass "UTC" so they do not depend on where they run).
 *
 * @example
 * formatTimestamp(Date.UTC(2025, 10, 25, 14, 17, 3), "UTC") // → "2025-11-25 14:17:03"
 */
export function formatTimestamp(ms: number, timeZone?: string): string {
  const key = timeZone ?? "";
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(key, format);
  }
  const part = Object.fromEntries(format.formatToParts(ms).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}:${part.second}`;
}

/**
 * A payload as compact JSON, cut to `max` characters so one event stays one line.
 *
 * @example
 * formatPayload({ by: "ben" })        // → '{"by":"ben"}'
 * formatPayload("x".repeat(100), 10)  // → '"xxxxxxxx…'
 */
export function formatPayload(value: unknown, max = 80): string {
  let text: string;
  try {
    text = value === undefined ? "undefined" : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return truncate(text, max);
}

/**
 * A failure as `Type: message`, with its causes, on one line.
 *
 * @example
 * formatFailure({ type: "ApplicationError", message: "card declined" }) // → "ApplicationError: card declined"
 */
export function formatFailure(failure: Failure, max = 200): string {
  const parts: string[] = [];
  for (let f: Failure | undefined = failure; f; f = f.cause) {
    parts.push(`${f.type}: ${f.message}`.replace(/\s*\n\s*/g, " "));
  }
  return truncate(parts.join(" (caused by ") + ")".repeat(parts.length - 1), max);
}

/** Cuts text to `max` characters, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}
