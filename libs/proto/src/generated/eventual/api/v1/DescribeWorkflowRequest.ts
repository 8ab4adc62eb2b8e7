// Original file: eventual/api/v1/workflow_service.proto


export interface DescribeWorkflowRequest {
  'workflowId'?: (string);
  /**
   * Empty means the latest run of workflow_id.
   */
  'runId'?: (string);
}

export interface DescribeWorkflowRequest__Output {
  'workflowId': (string);
  /**
   * Empty means the latest run of workflow_id.
   */
  'runId': (string);
}
