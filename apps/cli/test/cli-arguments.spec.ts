import {
  CliUsageError,
  DEFAULT_ADDRESS,
  STATUS_CHOICES,
  parseAddress,
  parseDurationOption,
  parseJsonOption,
  parsePort,
  parsePositiveInt,
  resolveAddress,
} from "@eventual/cli";

/** The usage error a call throws, for asserting on its message. */
function usageError(call: () => unknown): CliUsageError {
  try {
    call();
  } catch (error) {
    if (error instanceof CliUsageError) return error;
    throw error;
  }
  throw new Error("expected a CliUsageError");
}

describe("parseJsonOption", () => {
  it.each([
    ['"ana"', "ana"],
    ['{"by":"ben"}', { by: "ben" }],
    ["42", 42],
    ["null", null],
    ["[1, 2]", [1, 2]],
  ])("reads %s as JSON", (text, value) => expect(parseJsonOption("--input", text)).toEqual(value));

  it("names the option and where the JSON breaks", () => {
    expect(usageError(() => parseJsonOption("--input", "{bad")).message).toBe(
      "--input is not valid JSON: Expected property name or '}' in JSON at position 1",
    );
    expect(usageError(() => parseJsonOption("--input", "[1,")).message).toBe(
      "--input is not valid JSON: Unexpected end of JSON input",
    );
  });

  it("shows how to quote a bare word, which the shell stripped of its quotes", () => {
    expect(usageError(() => parseJsonOption("--input", "ana")).message).toBe(
      `--input is not valid JSON: Unexpected token 'a', "ana" is not valid JSON (a string needs JSON quotes: --input '"ana"')`,
    );
    expect(usageError(() => parseJsonOption("--input", "{bad")).message).not.toContain("quotes");
  });
});

describe("addresses", () => {
  it.each(["127.0.0.1:7233", "localhost:1", "gateway.internal:65535", "[::1]:7233"])(
    "accepts %s",
    (text) => expect(parseAddress(text, "--address")).toBe(text),
  );

  it.each([
    "localhost",
    "127.0.0.1:",
    ":7233",
    "127.0.0.1:0",
    "127.0.0.1:70000",
    "http://x:1",
    "a b:1",
  ])("refuses %s, saying where it came from", (text) =>
    expect(usageError(() => parseAddress(text, "EVENTUAL_ADDRESS")).message).toBe(
      `EVENTUAL_ADDRESS must be host:port (e.g. 127.0.0.1:7233), got "${text}"`,
    ),
  );

  it("takes --address, else EVENTUAL_ADDRESS, else the default", () => {
    expect(resolveAddress("a:1", { EVENTUAL_ADDRESS: "b:2" })).toBe("a:1");
    expect(resolveAddress(undefined, { EVENTUAL_ADDRESS: "b:2" })).toBe("b:2");
    expect(resolveAddress(undefined, { EVENTUAL_ADDRESS: "" })).toBe(DEFAULT_ADDRESS);
    expect(resolveAddress(undefined, {})).toBe("127.0.0.1:7233");
    expect(usageError(() => resolveAddress("nope", {})).message).toMatch(/^--address must be/);
  });
});

describe("numbers and durations", () => {
  it("reads --limit as a whole number of at least 1", () => {
    expect(parsePositiveInt("--limit", "20")).toBe(20);
    for (const bad of ["0", "-1", "2.5", "ten", "", "1e3"]) {
      expect(usageError(() => parsePositiveInt("--limit", bad)).message).toBe(
        `--limit must be a whole number of at least 1, got "${bad}"`,
      );
    }
  });

  it("reads ports from 0 to 65535", () => {
    expect(parsePort("--port", "0")).toBe(0);
    expect(parsePort("--port", "7233")).toBe(7233);
    expect(usageError(() => parsePort("--port", "65536")).message).toMatch(
      /^--port must be a port/,
    );
    expect(usageError(() => parsePort("--port", "x")).message).toMatch(/^--port must be a port/);
  });

  it("reads durations the way the SDK writes them", () => {
    expect(parseDurationOption("--timeout", "30s")).toBe(30_000);
    expect(parseDurationOption("--timeout", "5 minutes")).toBe(300_000);
    expect(parseDurationOption("--timeout", "250ms")).toBe(250);
    expect(usageError(() => parseDurationOption("--timeout", "soon")).message).toMatch(
      /^--timeout: Cannot read duration "soon"/,
    );
  });

  it("offers every workflow status for --status", () => {
    expect(STATUS_CHOICES).toEqual([
      "running",
      "completed",
      "failed",
      "cancelled",
      "terminated",
      "timed-out",
      "continued-as-new",
    ]);
  });
});
