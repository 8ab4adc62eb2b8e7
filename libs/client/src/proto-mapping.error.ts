/**
 * A value that cannot cross the API boundary: a payload that is not JSON, an event of an
 * unknown type, a missing status. Thrown by the mappers, which do not know which side they
 * run on: the client turns it into INVALID_ARGUMENT for what the caller passed and INTERNAL
 * for what the server sent; a server would answer INVALID_ARGUMENT.
 */
export class ProtoMappingError extends Error {
  override readonly name = "ProtoMappingError";

  constructor(
    /** Path of the offending field, e.g. "input" or "events[3].data_json". */
    readonly field: string,
    problem: string,
  ) {
    super(`${field}: ${problem}`);
  }
}
