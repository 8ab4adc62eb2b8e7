// Original file: eventual/internal/v1/matching_service.proto


export interface ReleaseTaskRequest {
  'taskToken'?: (string);
}

export interface ReleaseTaskRequest__Output {
  'taskToken': (string);
}
