// Original file: eventual/internal/v1/matching_service.proto

import type { TaskKind as _eventual_internal_v1_TaskKind, TaskKind__Output as _eventual_internal_v1_TaskKind__Output } from '../../../eventual/internal/v1/TaskKind';

export interface PollTaskRequest {
  'kind'?: (_eventual_internal_v1_TaskKind);
  'taskQueue'?: (string);
  /**
   * The worker's identity, recorded in the started event, e.g. "host:pid".
   */
  'identity'?: (string);
  /**
   * Chosen by the gateway, the same on every instance of one fan-out: it appears in the
   * instances' logs, so one worker poll can be followed across them.
   */
  'pollId'?: (string);
}

export interface PollTaskRequest__Output {
  'kind': (_eventual_internal_v1_TaskKind__Output);
  'taskQueue': (string);
  /**
   * The worker's identity, recorded in the started event, e.g. "host:pid".
   */
  'identity': (string);
  /**
   * Chosen by the gateway, the same on every instance of one fan-out: it appears in the
   * instances' logs, so one worker poll can be followed across them.
   */
  'pollId': (string);
}
