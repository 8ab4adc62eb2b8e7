/**
 * Values that cross the workflow boundary (inputs, results, signal payloads, heartbeat details).
 * They travel through Kafka and Postgres as JSON, so they must survive `JSON.stringify`.
 */
export type Payload = unknown;

/**
 * A serialized error. Errors cross processes and `vm` realms, so they are carried as data and
 * rebuilt on the other side.
 *
 * @example
 * const failure: Failure = { type: "ApplicationError", message: "card declined", nonRetryable: true };
 */
export interface Failure {
  /** Error class name, e.g. `ApplicationError`, `TypeError`, `CancelledError`. */
  type: string;
  message: string;
  stack?: string;
  /** When true the platform never retries the activity, whatever its retry policy says. */
  nonRetryable?: boolean;
  details?: Payload;
  cause?: Failure;
}
