// Original file: eventual/api/v1/worker_service.proto


export interface FailWorkflowTaskResponse {
}

export interface FailWorkflowTaskResponse__Output {
}
