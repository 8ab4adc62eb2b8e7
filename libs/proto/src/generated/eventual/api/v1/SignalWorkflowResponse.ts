// Original file: eventual/api/v1/workflow_service.proto


export interface SignalWorkflowResponse {
}

export interface SignalWorkflowResponse__Output {
}
