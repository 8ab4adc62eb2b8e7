// Original file: eventual/internal/v1/matching_service.proto


export interface ReleaseTaskResponse {
}

export interface ReleaseTaskResponse__Output {
}
