// Original file: eventual/api/v1/workflow_service.proto


export interface StartWorkflowResponse {
  'runId'?: (string);
  /**
   * False when this request repeated an earlier one (same workflow_id and request_id) and
   * run_id is the run that request started.
   */
  'started'?: (boolean);
}

export interface StartWorkflowResponse__Output {
  'runId': (string);
  /**
   * False when this request repeated an earlier one (same workflow_id and request_id) and
   * run_id is the run that request started.
   */
  'started': (boolean);
}
