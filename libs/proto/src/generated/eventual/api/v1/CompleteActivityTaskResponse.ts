// Original file: eventual/api/v1/worker_service.proto


export interface CompleteActivityTaskResponse {
}

export interface CompleteActivityTaskResponse__Output {
}
