// Original file: eventual/internal/v1/matching_service.proto

import type { TaskKind as _eventual_internal_v1_TaskKind, TaskKind__Output as _eventual_internal_v1_TaskKind__Output } from '../../../eventual/internal/v1/TaskKind';
import type { Long } from '@grpc/proto-loader';

export interface PollTaskResponse {
  /**
   * Opaque; pass it to AckTask or ReleaseTask at the same instance. Empty when no task came
   * before the deadline, and then every other field is empty too.
   */
  'taskToken'?: (string);
  'kind'?: (_eventual_internal_v1_TaskKind);
  'workflowId'?: (string);
  'runId'?: (string);
  /**
   * Where the task was read: partition and offset of matching.tasks.
   */
  'partition'?: (number);
  'offset'?: (number | string | Long);
  /**
   * The matching.tasks record as JSON text: a DispatchWorkflowTask or DispatchActivityTask
   * message of the core ({ "type": ..., "data": ... }).
   */
  'taskJson'?: (string);
}

export interface PollTaskResponse__Output {
  /**
   * Opaque; pass it to AckTask or ReleaseTask at the same instance. Empty when no task came
   * before the deadline, and then every other field is empty too.
   */
  'taskToken': (string);
  'kind': (_eventual_internal_v1_TaskKind__Output);
  'workflowId': (string);
  'runId': (string);
  /**
   * Where the task was read: partition and offset of matching.tasks.
   */
  'partition': (number);
  'offset': (number);
  /**
   * The matching.tasks record as JSON text: a DispatchWorkflowTask or DispatchActivityTask
   * message of the core ({ "type": ..., "data": ... }).
   */
  'taskJson': (string);
}
