// Original file: eventual/api/v1/worker_service.proto

import type { Payload as _eventual_api_v1_Payload, Payload__Output as _eventual_api_v1_Payload__Output } from '../../../eventual/api/v1/Payload';
import type { Long } from '@grpc/proto-loader';

export interface PollActivityTaskResponse {
  /**
   * Empty when no task arrived before the poll's deadline (see PollWorkflowTaskResponse).
   */
  'taskToken'?: (string);
  'workflowId'?: (string);
  'runId'?: (string);
  'activityId'?: (string);
  'activityType'?: (string);
  'input'?: (_eventual_api_v1_Payload | null);
  /**
   * 1 for the first attempt.
   */
  'attempt'?: (number);
  /**
   * Limits in milliseconds; 0 means none.
   */
  'scheduleToCloseTimeoutMs'?: (number | string | Long);
  'startToCloseTimeoutMs'?: (number | string | Long);
  /**
   * Longest allowed gap between heartbeats; 0 means heartbeats are not required.
   */
  'heartbeatTimeoutMs'?: (number | string | Long);
}

export interface PollActivityTaskResponse__Output {
  /**
   * Empty when no task arrived before the poll's deadline (see PollWorkflowTaskResponse).
   */
  'taskToken': (string);
  'workflowId': (string);
  'runId': (string);
  'activityId': (string);
  'activityType': (string);
  'input': (_eventual_api_v1_Payload__Output | null);
  /**
   * 1 for the first attempt.
   */
  'attempt': (number);
  /**
   * Limits in milliseconds; 0 means none.
   */
  'scheduleToCloseTimeoutMs': (number);
  'startToCloseTimeoutMs': (number);
  /**
   * Longest allowed gap between heartbeats; 0 means heartbeats are not required.
   */
  'heartbeatTimeoutMs': (number);
}
