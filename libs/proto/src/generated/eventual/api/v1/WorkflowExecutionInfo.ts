// Original file: eventual/api/v1/workflow_service.proto

import type { WorkflowExecutionStatus as _eventual_api_v1_WorkflowExecutionStatus, WorkflowExecutionStatus__Output as _eventual_api_v1_WorkflowExecutionStatus__Output } from '../../../eventual/api/v1/WorkflowExecutionStatus';
import type { Payload as _eventual_api_v1_Payload, Payload__Output as _eventual_api_v1_Payload__Output } from '../../../eventual/api/v1/Payload';
import type { Failure as _eventual_api_v1_Failure, Failure__Output as _eventual_api_v1_Failure__Output } from '../../../eventual/api/v1/Failure';
import type { Long } from '@grpc/proto-loader';

/**
 * One run as the read models see it.
 */
export interface WorkflowExecutionInfo {
  'workflowId'?: (string);
  'runId'?: (string);
  'workflowType'?: (string);
  'taskQueue'?: (string);
  'status'?: (_eventual_api_v1_WorkflowExecutionStatus);
  'startTimeMs'?: (number | string | Long);
  /**
   * 0 while the run is open.
   */
  'closeTimeMs'?: (number | string | Long);
  /**
   * Set when status is COMPLETED.
   */
  'result'?: (_eventual_api_v1_Payload | null);
  /**
   * Set when status is FAILED.
   */
  'failure'?: (_eventual_api_v1_Failure | null);
  /**
   * Number of events in the run's history.
   */
  'historyLength'?: (number | string | Long);
}

/**
 * One run as the read models see it.
 */
export interface WorkflowExecutionInfo__Output {
  'workflowId': (string);
  'runId': (string);
  'workflowType': (string);
  'taskQueue': (string);
  'status': (_eventual_api_v1_WorkflowExecutionStatus__Output);
  'startTimeMs': (number);
  /**
   * 0 while the run is open.
   */
  'closeTimeMs': (number);
  /**
   * Set when status is COMPLETED.
   */
  'result': (_eventual_api_v1_Payload__Output | null);
  /**
   * Set when status is FAILED.
   */
  'failure': (_eventual_api_v1_Failure__Output | null);
  /**
   * Number of events in the run's history.
   */
  'historyLength': (number);
}
