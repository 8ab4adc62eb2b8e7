// Original file: eventual/api/v1/workflow_service.proto

import type { WorkflowExecutionInfo as _eventual_api_v1_WorkflowExecutionInfo, WorkflowExecutionInfo__Output as _eventual_api_v1_WorkflowExecutionInfo__Output } from '../../../eventual/api/v1/WorkflowExecutionInfo';

export interface DescribeWorkflowResponse {
  'execution'?: (_eventual_api_v1_WorkflowExecutionInfo | null);
}

export interface DescribeWorkflowResponse__Output {
  'execution': (_eventual_api_v1_WorkflowExecutionInfo__Output | null);
}
