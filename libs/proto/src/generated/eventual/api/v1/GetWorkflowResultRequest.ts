// Original file: eventual/api/v1/workflow_service.proto


export interface GetWorkflowResultRequest {
  'workflowId'?: (string);
  /**
   * Empty means the latest run of workflow_id.
   */
  'runId'?: (string);
}

export interface GetWorkflowResultRequest__Output {
  'workflowId': (string);
  /**
   * Empty means the latest run of workflow_id.
   */
  'runId': (string);
}
