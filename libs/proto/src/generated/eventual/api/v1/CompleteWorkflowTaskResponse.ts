// Original file: eventual/api/v1/worker_service.proto


export interface CompleteWorkflowTaskResponse {
}

export interface CompleteWorkflowTaskResponse__Output {
}
