import {
  type DurationUnit,
  InvalidDurationError,
  parseDuration,
  specToMillis,
  toMillis,
} from "../src";

describe("toMillis", () => {
  it.each<[number, DurationUnit, number]>([
    [250, "millisecond", 250],
    [250, "milliseconds", 250],
    [1, "second", 1_000],
    [30, "seconds", 30_000],
    [1, "minute", 60_000],
    [5, "minutes", 300_000],
    [1, "hour", 3_600_000],
    [2, "hours", 7_200_000],
    [1, "day", 86_400_000],
    [3, "days", 259_200_000],
    [1, "week", 604_800_000],
    [2, "weeks", 1_209_600_000],
  ])("%d %s = %d ms", (amount, unit, ms) => {
    expect(toMillis(amount, unit)).toBe(ms);
  });

  it("defaults to milliseconds, accepts zero and fractions, and rounds to whole milliseconds", () => {
    expect(toMillis(42)).toBe(42);
    expect(toMillis(0, "days")).toBe(0);
    expect(toMillis(1.5, "seconds")).toBe(1_500);
    expect(toMillis(0.0004, "seconds")).toBe(0);
    expect(toMillis(0.0006, "seconds")).toBe(1);
    expect(toMillis(2.5)).toBe(3);
  });

  it.each([
    [-1, "Duration amount must be a finite number >= 0, got -1 seconds"],
    [Number.NaN, "Duration amount must be a finite number >= 0, got NaN seconds"],
    [
      Number.POSITIVE_INFINITY,
      "Duration amount must be a finite number >= 0, got Infinity seconds",
    ],
  ])("refuses the amount %d", (amount, message) => {
    expect(() => toMillis(amount, "seconds")).toThrow(new InvalidDurationError(message));
  });

  it("refuses a non-number amount from untyped callers", () => {
    expect(() => toMillis("5" as unknown as number, "seconds")).toThrow(InvalidDurationError);
  });

  it.each(["fortnight", "ms", "Seconds", "constructor", "toString", "__proto__"])(
    "refuses the unknown unit %j",
    (unit) => {
      expect(() => toMillis(1, unit as DurationUnit)).toThrow(InvalidDurationError);
      expect(() => toMillis(1, unit as DurationUnit)).toThrow(
        `Unknown duration unit "${unit}"; use one of millisecond, milliseconds, second`,
      );
    },
  );

  it("throws an error whose name says what it is", () => {
    expect(() => toMillis(-1)).toThrow(expect.objectContaining({ name: "InvalidDurationError" }));
  });
});

describe("specToMillis", () => {
  it("takes plain milliseconds or an amount with a unit", () => {
    expect(specToMillis(250)).toBe(250);
    expect(specToMillis({ amount: 2, unit: "hours" })).toBe(7_200_000);
    expect(() => specToMillis({ amount: -2, unit: "hours" })).toThrow(InvalidDurationError);
  });
});

describe("parseDuration", () => {
  it.each<[string, number]>([
    ["30 seconds", 30_000],
    ["5m", 300_000],
    ["1.5 hours", 5_400_000],
    ["250ms", 250],
    [" 2 d ", 172_800_000],
    ["1 W", 604_800_000],
  ])("reads %j", (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it("passes numbers and specs through", () => {
    expect(parseDuration(10)).toBe(10);
    expect(parseDuration({ amount: 1, unit: "minute" })).toBe(60_000);
  });

  it.each(["", "soon", "-5 seconds", "5", "5 fortnights", "5 constructor", "1e3 ms"])(
    "refuses %j",
    (text) => {
      expect(() => parseDuration(text)).toThrow(InvalidDurationError);
    },
  );
});
