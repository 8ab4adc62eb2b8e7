/**
 * Ends every `switch` over a union: adding a variant without handling it is a compile error.
 *
 * @example
 * switch (event.type) { case "A": ...; default: return assertNever(event); }
 */
export function assertNever(value: never, what = "value"): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
}
