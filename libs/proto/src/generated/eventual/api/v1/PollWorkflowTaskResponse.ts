// Original file: eventual/api/v1/worker_service.proto

import type { HistoryEvent as _eventual_api_v1_HistoryEvent, HistoryEvent__Output as _eventual_api_v1_HistoryEvent__Output } from '../../../eventual/api/v1/HistoryEvent';
import type { Long } from '@grpc/proto-loader';

export interface PollWorkflowTaskResponse {
  /**
   * Opaque; pass it back on Complete/FailWorkflowTask. Empty when no task arrived before
   * the poll's deadline, and then every other field is empty too.
   */
  'taskToken'?: (string);
  'workflowId'?: (string);
  'runId'?: (string);
  'workflowType'?: (string);
  'scheduledEventId'?: (number | string | Long);
  'attempt'?: (number);
  /**
   * The run's history up to the task, oldest first.
   */
  'history'?: (_eventual_api_v1_HistoryEvent)[];
}

export interface PollWorkflowTaskResponse__Output {
  /**
   * Opaque; pass it back on Complete/FailWorkflowTask. Empty when no task arrived before
   * the poll's deadline, and then every other field is empty too.
   */
  'taskToken': (string);
  'workflowId': (string);
  'runId': (string);
  'workflowType': (string);
  'scheduledEventId': (number);
  'attempt': (number);
  /**
   * The run's history up to the task, oldest first.
   */
  'history': (_eventual_api_v1_HistoryEvent__Output)[];
}
