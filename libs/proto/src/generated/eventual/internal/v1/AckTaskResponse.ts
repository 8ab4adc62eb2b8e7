// Original file: eventual/internal/v1/matching_service.proto


export interface AckTaskResponse {
}

export interface AckTaskResponse__Output {
}
