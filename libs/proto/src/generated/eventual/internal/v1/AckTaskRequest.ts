// Original file: eventual/internal/v1/matching_service.proto


export interface AckTaskRequest {
  'taskToken'?: (string);
}

export interface AckTaskRequest__Output {
  'taskToken': (string);
}
