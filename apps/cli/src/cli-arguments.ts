import type { WorkflowStatus } from "@eventual/client";
import { InvalidDurationError, parseDuration } from "@eventual/core";
import { CliUsageError } from "./cli-errors";

/** Where `eventual` looks for the gateway when neither --address nor EVENTUAL_ADDRESS says. */
export const DEFAULT_ADDRESS = "127.0.0.1:7233";

// A record, not a list, so a status added to the client's union fails to compile until it is
// listed here too; key order is the order `--help` shows.
const STATUSES: Record<WorkflowStatus, true> = {
  running: true,
  completed: true,
  failed: true,
  cancelled: true,
  terminated: true,
  "timed-out": true,
  "continued-as-new": true,
};

/** Every status `workflow list --status` accepts. */
export const STATUS_CHOICES = Object.keys(STATUSES) as WorkflowStatus[];

/**
 * Parses a JSON option value. JSON, not a bare string, so `--input 42` and `--input '"42"'`
 * stay different; the error says which option and, for a bare word, how to quote it.
 *
 * @example
 * parseJsonOption("--input", '{"by":"ben"}') // → { by: "ben" }
 * parseJsonOption("--input", "{bad")         // throws CliUsageError("--input is not valid JSON: Expected property name or '}' in JSON at position 1")
 */
export function parseJsonOption(option: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // A bare word is the usual slip: the shell already ate the quotes a JSON string needs.
    const hint =
      /^[A-Za-z_]/.test(text.trim()) && !/^(true|false|null)\b/.test(text.trim())
        ? ` (a string needs JSON quotes: ${option} '${JSON.stringify(text)}')`
        : "";
    throw new CliUsageError(`${option} is not valid JSON: ${reason}${hint}`);
  }
}

/**
 * Checks a gateway address: `host:port`, `[ipv6]:port`. Checked here because grpc-js would
 * quietly default a missing port to 443 and then fail with a confusing connection error.
 *
 * @example
 * parseAddress("127.0.0.1:7233", "--address") // → "127.0.0.1:7233"
 * parseAddress("localhost", "EVENTUAL_ADDRESS") // throws CliUsageError naming EVENTUAL_ADDRESS
 */
export function parseAddress(text: string, source: string): string {
  const match = /^(\[[0-9A-Fa-f:.]+\]|[^\s:[\]/]+):(\d{1,5})$/.exec(text.trim());
  const port = match ? Number(match[2]) : NaN;
  if (!match || port < 1 || port > 65_535) {
    throw new CliUsageError(`${source} must be host:port (e.g. ${DEFAULT_ADDRESS}), got "${text}"`);
  }
  return `${match[1]}:${port}`;
}

/**
 * A positive whole number, for `--limit`.
 *
 * @example
 * parsePositiveInt("--limit", "20") // → 20
 */
export function parsePositiveInt(option: string, text: string): number {
  const value = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(value) || value < 1) {
    throw new CliUsageError(`${option} must be a whole number of at least 1, got "${text}"`);
  }
  return value;
}

/**
 * A TCP port for `eventual dev --port`; 0 asks the OS for a free one.
 *
 * @example
 * parsePort("--port", "7233") // → 7233
 */
export function parsePort(option: string, text: string): number {
  const value = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || value > 65_535) {
    throw new CliUsageError(`${option} must be a port from 0 to 65535, got "${text}"`);
  }
  return value;
}

/**
 * A duration as the SDK writes them ("30s", "5 minutes", "250ms"), in milliseconds.
 *
 * @example
 * parseDurationOption("--timeout", "30s") // → 30000
 */
export function parseDurationOption(option: string, text: string): number {
  try {
    return parseDuration(text);
  } catch (error) {
    if (error instanceof InvalidDurationError)
      throw new CliUsageError(`${option}: ${error.message}`);
    throw error;
  }
}

/**
 * The gateway address a command uses: --address, else EVENTUAL_ADDRESS, else the default,
 * checked and with the error naming where the bad value came from.
 *
 * @example
 * resolveAddress(undefined, { EVENTUAL_ADDRESS: "10.0.0.5:7233" }) // → "10.0.0.5:7233"
 */
export function resolveAddress(
  option: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): string {
  if (option !== undefined) return parseAddress(option, "--address");
  const fromEnv = env.EVENTUAL_ADDRESS;
  if (fromEnv) return parseAddress(fromEnv, "EVENTUAL_ADDRESS");
  return DEFAULT_ADDRESS;
}
