// Original file: eventual/api/v1/workflow_service.proto


export interface CancelWorkflowRequest {
  'workflowId'?: (string);
  'reason'?: (string);
  'requestId'?: (string);
}

export interface CancelWorkflowRequest__Output {
  'workflowId': (string);
  'reason': (string);
  'requestId': (string);
}
