// Original file: eventual/api/v1/workflow_service.proto

import type { Payload as _eventual_api_v1_Payload, Payload__Output as _eventual_api_v1_Payload__Output } from '../../../eventual/api/v1/Payload';
import type { IdReusePolicy as _eventual_api_v1_IdReusePolicy, IdReusePolicy__Output as _eventual_api_v1_IdReusePolicy__Output } from '../../../eventual/api/v1/IdReusePolicy';
import type { Long } from '@grpc/proto-loader';

export interface StartWorkflowRequest {
  'workflowId'?: (string);
  'workflowType'?: (string);
  'input'?: (_eventual_api_v1_Payload | null);
  'taskQueue'?: (string);
  /**
   * Makes the start idempotent: retrying with the same id returns the same run.
   */
  'requestId'?: (string);
  'idReusePolicy'?: (_eventual_api_v1_IdReusePolicy);
  /**
   * Limit on the run as a whole; 0 means none.
   */
  'executionTimeoutMs'?: (number | string | Long);
  /**
   * Limit on one workflow task from start to completion; 0 means the server default.
   */
  'taskTimeoutMs'?: (number | string | Long);
}

export interface StartWorkflowRequest__Output {
  'workflowId': (string);
  'workflowType': (string);
  'input': (_eventual_api_v1_Payload__Output | null);
  'taskQueue': (string);
  /**
   * Makes the start idempotent: retrying with the same id returns the same run.
   */
  'requestId': (string);
  'idReusePolicy': (_eventual_api_v1_IdReusePolicy__Output);
  /**
   * Limit on the run as a whole; 0 means none.
   */
  'executionTimeoutMs': (number);
  /**
   * Limit on one workflow task from start to completion; 0 means the server default.
   */
  'taskTimeoutMs': (number);
}
