/**
 * Tuning of the Postgres log adapter. Only `connectionString` is required.
 *
 * @example
 * new PostgresLog({ connectionString: process.env.DATABASE_URL!, schema: "eventual_log", onError: (e, ctx) => logger.warn(ctx, e) });
 */
export interface PostgresLogOptions {
  /** Where the log lives, e.g. `process.env.DATABASE_URL` (`postgres://user:pw@host:5432/db`). */
  connectionString: string;
  /**
   * Schema holding the log's tables, created on first use. Separate schemas are separate logs
   * in one database (tests use one per file). Lower-case letters, digits and `_`, at most 48
   * characters (the LISTEN channel names derived from it must stay under Postgres' 63). Default
   * `eventual_log`.
   */
  schema?: string;
  /** Pooled connections for appends, reads and batch commits. Default 10. */
  maxConnections?: number;
  /**
   * Fallback poll of an idle partition. Appends wake consumers through LISTEN/NOTIFY; this only
   * bounds the delay when a notification is lost (e.g. while the listening connection
   * reconnects). Default 5 s.
   */
  pollIntervalMs?: number;
  /**
   * How often a group member looks for dead members and unowned partitions. Joins, leaves and
   * released partitions are announced by NOTIFY and handled at once; this bounds how long the
   * partitions of a member that died without leaving (its session ended, its locks released)
   * wait for a taker. Default 1 s.
   */
  rebalanceIntervalMs?: number;
  /** Pause before a partition restarts after a failed batch, or a lost session reconnects. Default 200 ms. */
  restartBackoffMs?: number;
  /**
   * Told about errors the adapter recovers from by itself (a failed batch, a fenced commit, a
   * lost connection). Default: `console.warn`.
   */
  onError?: (error: unknown, context: { topic?: string; partition?: number; groupId?: string; phase: string }) => void;
}

export type ResolvedPostgresLogOptions = Required<PostgresLogOptions>;

export const DEFAULT_SCHEMA = "eventual_log";
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,47}$/;

/**
 * Fills in defaults and rejects unusable values with a message saying what to pass instead.
 *
 * @example
 * resolveOptions({ connectionString: url }).schema; // "eventual_log"
 */
export function resolveOptions(options: PostgresLogOptions): ResolvedPostgresLogOptions {
  if (!options?.connectionString) {
    throw new TypeError("PostgresLog needs a connection string, e.g. new PostgresLog({ connectionString: process.env.DATABASE_URL })");
  }
  const resolved: ResolvedPostgresLogOptions = {
    schema: DEFAULT_SCHEMA,
    maxConnections: 10,
    pollIntervalMs: 5_000,
    rebalanceIntervalMs: 1_000,
    restartBackoffMs: 200,
    onError: (error, context) => console.warn(`[postgres-log] ${context.phase} failed`, context, error),
    ...stripUndefined(options),
  };
  if (!SCHEMA_NAME.test(resolved.schema)) {
    throw new TypeError(
      `PostgresLog schema ${JSON.stringify(resolved.schema)} is not usable: use lower-case letters, digits and "_", ` +
        `starting with a letter or "_", at most 48 characters (e.g. "${DEFAULT_SCHEMA}").`,
    );
  }
  for (const key of ["maxConnections", "pollIntervalMs", "rebalanceIntervalMs", "restartBackoffMs"] as const) {
    const value = resolved[key];
    if (!Number.isFinite(value) || value <= 0) throw new TypeError(`PostgresLog option ${key} must be a positive number, got ${value}`);
  }
  return resolved;
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
