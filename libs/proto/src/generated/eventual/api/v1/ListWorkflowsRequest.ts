// Original file: eventual/api/v1/workflow_service.proto

import type { WorkflowExecutionStatus as _eventual_api_v1_WorkflowExecutionStatus, WorkflowExecutionStatus__Output as _eventual_api_v1_WorkflowExecutionStatus__Output } from '../../../eventual/api/v1/WorkflowExecutionStatus';
import type { Long } from '@grpc/proto-loader';

export interface ListWorkflowsRequest {
  /**
   * Empty means any type.
   */
  'workflowType'?: (string);
  /**
   * UNSPECIFIED means any status.
   */
  'status'?: (_eventual_api_v1_WorkflowExecutionStatus);
  /**
   * Runs started at or after this time; 0 means no lower bound.
   */
  'startTimeFromMs'?: (number | string | Long);
  /**
   * Runs started before this time; 0 means no upper bound.
   */
  'startTimeToMs'?: (number | string | Long);
  'pageSize'?: (number);
  'pageToken'?: (string);
}

export interface ListWorkflowsRequest__Output {
  /**
   * Empty means any type.
   */
  'workflowType': (string);
  /**
   * UNSPECIFIED means any status.
   */
  'status': (_eventual_api_v1_WorkflowExecutionStatus__Output);
  /**
   * Runs started at or after this time; 0 means no lower bound.
   */
  'startTimeFromMs': (number);
  /**
   * Runs started before this time; 0 means no upper bound.
   */
  'startTimeToMs': (number);
  'pageSize': (number);
  'pageToken': (string);
}
