// Original file: eventual/api/v1/worker_service.proto


export interface FailActivityTaskResponse {
}

export interface FailActivityTaskResponse__Output {
}
