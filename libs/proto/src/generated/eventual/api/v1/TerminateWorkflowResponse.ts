// Original file: eventual/api/v1/workflow_service.proto


export interface TerminateWorkflowResponse {
}

export interface TerminateWorkflowResponse__Output {
}
