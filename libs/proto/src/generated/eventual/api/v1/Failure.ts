// Original file: eventual/api/v1/common.proto

import type { Payload as _eventual_api_v1_Payload, Payload__Output as _eventual_api_v1_Payload__Output } from '../../../eventual/api/v1/Payload';
import type { Failure as _eventual_api_v1_Failure, Failure__Output as _eventual_api_v1_Failure__Output } from '../../../eventual/api/v1/Failure';

/**
 * A serialized error, mirroring the core's Failure: errors cross processes, so they are
 * carried as data and rebuilt on the other side.
 */
export interface Failure {
  /**
   * Error class name, e.g. "ApplicationError", "TypeError", "CancelledError".
   */
  'type'?: (string);
  'message'?: (string);
  /**
   * Empty when the error had no stack.
   */
  'stack'?: (string);
  /**
   * When true the platform never retries the activity, whatever its retry policy says.
   */
  'nonRetryable'?: (boolean);
  'details'?: (_eventual_api_v1_Payload | null);
  /**
   * The error that caused this one, if any.
   */
  'cause'?: (_eventual_api_v1_Failure | null);
}

/**
 * A serialized error, mirroring the core's Failure: errors cross processes, so they are
 * carried as data and rebuilt on the other side.
 */
export interface Failure__Output {
  /**
   * Error class name, e.g. "ApplicationError", "TypeError", "CancelledError".
   */
  'type': (string);
  'message': (string);
  /**
   * Empty when the error had no stack.
   */
  'stack': (string);
  /**
   * When true the platform never retries the activity, whatever its retry policy says.
   */
  'nonRetryable': (boolean);
  'details': (_eventual_api_v1_Payload__Output | null);
  /**
   * The error that caused this one, if any.
   */
  'cause': (_eventual_api_v1_Failure__Output | null);
}
