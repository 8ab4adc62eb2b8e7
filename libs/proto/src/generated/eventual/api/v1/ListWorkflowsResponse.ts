// Original file: eventual/api/v1/workflow_service.proto

import type { WorkflowExecutionInfo as _eventual_api_v1_WorkflowExecutionInfo, WorkflowExecutionInfo__Output as _eventual_api_v1_WorkflowExecutionInfo__Output } from '../../../eventual/api/v1/WorkflowExecutionInfo';

export interface ListWorkflowsResponse {
  'executions'?: (_eventual_api_v1_WorkflowExecutionInfo)[];
  'nextPageToken'?: (string);
}

export interface ListWorkflowsResponse__Output {
  'executions': (_eventual_api_v1_WorkflowExecutionInfo__Output)[];
  'nextPageToken': (string);
}
