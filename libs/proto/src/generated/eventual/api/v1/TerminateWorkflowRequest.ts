// Original file: eventual/api/v1/workflow_service.proto


export interface TerminateWorkflowRequest {
  'workflowId'?: (string);
  'reason'?: (string);
}

export interface TerminateWorkflowRequest__Output {
  'workflowId': (string);
  'reason': (string);
}
