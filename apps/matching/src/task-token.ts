/** A task token that this service did not issue, or that was mangled on the way. */
export class InvalidTaskTokenError extends Error {
  override readonly name = "InvalidTaskTokenError";
  constructor(token: string) {
    super(`task_token "${token.slice(0, 80)}" is not a token this matching service issued`);
  }
}

/**
 * What a task token names: one hand-out of the task at (partition, offset), during one
 * session of that partition. The session tells a token from before a revocation (the task
 * was read again since, and the new copy has its own tokens); the lease tells two hand-outs
 * of the same task apart (a late release must not requeue a later hand-out).
 */
export interface TaskToken {
  partition: number;
  offset: bigint;
  session: number;
  lease: number;
}

const PREFIX = "m1";

/**
 * The token as the gateway sees it: opaque, ASCII, versioned.
 *
 * @example
 * encodeTaskToken({ partition: 3, offset: 120n, session: 2, lease: 7 }) === "m1.3.120.2.7"
 */
export function encodeTaskToken(token: TaskToken): string {
  return [PREFIX, token.partition, token.offset, token.session, token.lease].join(".");
}

/** Parses a token from encodeTaskToken; throws InvalidTaskTokenError for anything else. */
export function decodeTaskToken(text: string): TaskToken {
  const parts = text.split(".");
  if (parts.length !== 5 || parts[0] !== PREFIX || !parts.slice(1).every((p) => /^\d{1,19}$/.test(p))) throw new InvalidTaskTokenError(text);
  const [partition, session, lease] = [parts[1], parts[3], parts[4]].map(Number);
  if (![partition, session, lease].every(Number.isSafeInteger)) throw new InvalidTaskTokenError(text);
  return { partition, offset: BigInt(parts[2]), session, lease };
}
