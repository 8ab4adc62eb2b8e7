// Original file: eventual/api/v1/workflow_service.proto


export interface CancelWorkflowResponse {
}

export interface CancelWorkflowResponse__Output {
}
