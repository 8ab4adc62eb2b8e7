// Original file: eventual/api/v1/worker_service.proto


export interface PollActivityTaskRequest {
  'taskQueue'?: (string);
  'identity'?: (string);
}

export interface PollActivityTaskRequest__Output {
  'taskQueue': (string);
  'identity': (string);
}
