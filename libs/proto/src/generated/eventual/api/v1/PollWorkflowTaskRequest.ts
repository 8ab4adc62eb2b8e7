// Original file: eventual/api/v1/worker_service.proto


export interface PollWorkflowTaskRequest {
  'taskQueue'?: (string);
  /**
   * Names the worker in history (WorkflowTaskStarted.identity), e.g. "host:pid".
   */
  'identity'?: (string);
}

export interface PollWorkflowTaskRequest__Output {
  'taskQueue': (string);
  /**
   * Names the worker in history (WorkflowTaskStarted.identity), e.g. "host:pid".
   */
  'identity': (string);
}
