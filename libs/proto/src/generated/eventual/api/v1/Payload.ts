// Original file: eventual/api/v1/common.proto


/**
 * A value that crosses the workflow boundary: a workflow or activity input, a result, a
 * signal payload, heartbeat or failure details.
 * 
 * Carried as JSON text rather than as google.protobuf.Value or bytes because the core's
 * payloads ARE JSON values (anything that survives JSON.stringify) and are stored as JSON in
 * Kafka and Postgres: the text goes from the caller to the log untouched, so the gateway
 * can measure and limit its size without re-encoding it, numbers keep the exact text the
 * caller wrote, and tools such as grpcurl show it readably. An absent Payload message means
 * "no value" (undefined); the JSON text "null" is the value null.
 */
export interface Payload {
  /**
   * UTF-8 JSON text of one value, e.g. "{\"email\":\"a@b.c\"}", "42" or "null".
   */
  'json'?: (string);
}

/**
 * A value that crosses the workflow boundary: a workflow or activity input, a result, a
 * signal payload, heartbeat or failure details.
 * 
 * Carried as JSON text rather than as google.protobuf.Value or bytes because the core's
 * payloads ARE JSON values (anything that survives JSON.stringify) and are stored as JSON in
 * Kafka and Postgres: the text goes from the caller to the log untouched, so the gateway
 * can measure and limit its size without re-encoding it, numbers keep the exact text the
 * caller wrote, and tools such as grpcurl show it readably. An absent Payload message means
 * "no value" (undefined); the JSON text "null" is the value null.
 */
export interface Payload__Output {
  /**
   * UTF-8 JSON text of one value, e.g. "{\"email\":\"a@b.c\"}", "42" or "null".
   */
  'json': (string);
}
