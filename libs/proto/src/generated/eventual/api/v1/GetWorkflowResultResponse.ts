// Original file: eventual/api/v1/workflow_service.proto

import type { WorkflowExecutionStatus as _eventual_api_v1_WorkflowExecutionStatus, WorkflowExecutionStatus__Output as _eventual_api_v1_WorkflowExecutionStatus__Output } from '../../../eventual/api/v1/WorkflowExecutionStatus';
import type { Payload as _eventual_api_v1_Payload, Payload__Output as _eventual_api_v1_Payload__Output } from '../../../eventual/api/v1/Payload';
import type { Failure as _eventual_api_v1_Failure, Failure__Output as _eventual_api_v1_Failure__Output } from '../../../eventual/api/v1/Failure';

export interface GetWorkflowResultResponse {
  /**
   * The run the answer is about (the latest one when the request named none).
   */
  'runId'?: (string);
  /**
   * A closed status: never RUNNING or UNSPECIFIED.
   */
  'status'?: (_eventual_api_v1_WorkflowExecutionStatus);
  /**
   * Set when status is COMPLETED.
   */
  'result'?: (_eventual_api_v1_Payload | null);
  /**
   * Set when status is FAILED.
   */
  'failure'?: (_eventual_api_v1_Failure | null);
}

export interface GetWorkflowResultResponse__Output {
  /**
   * The run the answer is about (the latest one when the request named none).
   */
  'runId': (string);
  /**
   * A closed status: never RUNNING or UNSPECIFIED.
   */
  'status': (_eventual_api_v1_WorkflowExecutionStatus__Output);
  /**
   * Set when status is COMPLETED.
   */
  'result': (_eventual_api_v1_Payload__Output | null);
  /**
   * Set when status is FAILED.
   */
  'failure': (_eventual_api_v1_Failure__Output | null);
}
