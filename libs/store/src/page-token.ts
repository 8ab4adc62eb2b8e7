/**
 * Thrown for a page token this store did not issue for this query (garbled, from another
 * run or another filter) or a query argument out of range. The gateway answers it with
 * INVALID_ARGUMENT naming `field`.
 */
export class InvalidQueryError extends Error {
  override readonly name = "InvalidQueryError";
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Encodes a keyset position as an opaque token. Opaque so clients cannot build positions
 * the store never handed out, and so the encoding can change without an API change.
 *
 * @example
 * const token = encodePageToken({ k: "h", r: "run-1", e: 50 }); // → "eyJrIjoiaCIs..."
 */
export function encodePageToken(position: Record<string, string | number | null>): string {
  return Buffer.from(JSON.stringify(position), "utf8").toString("base64url");
}

/**
 * Decodes a token made by `encodePageToken` and checks it is of the expected kind `k`.
 *
 * @example
 * const { e } = decodePageToken(token, "h");
 */
export function decodePageToken(token: string, kind: string): Record<string, unknown> {
  let position: unknown;
  try {
    position = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
  } catch {
    throw new InvalidQueryError("pageToken", "page token is malformed");
  }
  if (!position || typeof position !== "object" || (position as { k?: unknown }).k !== kind) {
    throw new InvalidQueryError("pageToken", "page token does not belong to this query");
  }
  return position as Record<string, unknown>;
}

/** Largest page any query returns. */
export const MAX_PAGE_SIZE = 1000;

export function checkPageSize(pageSize: number): void {
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new InvalidQueryError(
      "pageSize",
      `pageSize must be an integer from 1 to ${MAX_PAGE_SIZE}, got ${pageSize}`,
    );
  }
}
