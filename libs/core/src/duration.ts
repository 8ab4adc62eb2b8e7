/** Units accepted by `duration(n, unit)` and by every `...Timeout` option. */
export type DurationUnit =
  | "millisecond"
  | "milliseconds"
  | "second"
  | "seconds"
  | "minute"
  | "minutes"
  | "hour"
  | "hours"
  | "day"
  | "days"
  | "week"
  | "weeks";

/** A span of time written the way people say it, e.g. `{ amount: 5, unit: "minutes" }`, or milliseconds. */
export type DurationSpec = number | { amount: number; unit: DurationUnit };

const UNIT_MS: Record<DurationUnit, number> = {
  millisecond: 1,
  milliseconds: 1,
  second: 1_000,
  seconds: 1_000,
  minute: 60_000,
  minutes: 60_000,
  hour: 3_600_000,
  hours: 3_600_000,
  day: 86_400_000,
  days: 86_400_000,
  week: 604_800_000,
  weeks: 604_800_000,
};

/** Thrown for a malformed duration; the message names the offending value. */
export class InvalidDurationError extends Error {
  override readonly name = "InvalidDurationError";
}

/**
 * Converts a duration to milliseconds, refusing negative, non-finite and unknown units.
 *
 * @example
 * toMillis(1, "day") === 86_400_000
 */
export function toMillis(amount: number, unit: DurationUnit = "milliseconds"): number {
  // Own keys only: "constructor" or "toString" must not pass for a unit (and yield NaN).
  const factor = Object.hasOwn(UNIT_MS, unit) ? UNIT_MS[unit] : undefined;
  if (factor === undefined) {
    throw new InvalidDurationError(
      `Unknown duration unit "${String(unit)}"; use one of ${Object.keys(UNIT_MS).join(", ")}`,
    );
  }
  if (typeof amount !== "number" || !Number.isFinite(amount) || amount < 0) {
    throw new InvalidDurationError(
      `Duration amount must be a finite number >= 0, got ${String(amount)} ${unit}`,
    );
  }
  return Math.round(amount * factor);
}

/** Milliseconds of a `DurationSpec`. */
export function specToMillis(spec: DurationSpec): number {
  return typeof spec === "number" ? toMillis(spec) : toMillis(spec.amount, spec.unit);
}

/**
 * A duration as users write it: milliseconds, `{ amount, unit }`, or a string such as
 * `"30 seconds"`, `"5m"`, `"1.5 hours"`, `"250ms"`.
 */
export type DurationInput = DurationSpec | string;

const SHORT_UNITS: Record<string, DurationUnit> = {
  ms: "milliseconds",
  s: "seconds",
  sec: "seconds",
  secs: "seconds",
  m: "minutes",
  min: "minutes",
  mins: "minutes",
  h: "hours",
  hr: "hours",
  hrs: "hours",
  d: "days",
  w: "weeks",
};

/**
 * Milliseconds of any `DurationInput`; throws `InvalidDurationError` naming the bad text.
 *
 * @example
 * parseDuration("5 minutes") === 300_000; parseDuration({ amount: 2, unit: "hours" }) === 7_200_000
 */
export function parseDuration(input: DurationInput): number {
  if (typeof input !== "string") return specToMillis(input);
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]+)\s*$/.exec(input);
  if (!match) {
    throw new InvalidDurationError(`Cannot read duration "${input}"; write it like "30 seconds", "5m" or "250ms"`);
  }
  const word = match[2].toLowerCase();
  const unit = (SHORT_UNITS[word] ?? word) as DurationUnit;
  if (!(unit in UNIT_MS)) {
    throw new InvalidDurationError(`Unknown unit "${match[2]}" in duration "${input}"; use ms, seconds, minutes, hours, days or weeks`);
  }
  return toMillis(Number(match[1]), unit);
}
