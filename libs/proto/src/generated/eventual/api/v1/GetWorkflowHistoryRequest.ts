// Original file: eventual/api/v1/workflow_service.proto


export interface GetWorkflowHistoryRequest {
  'workflowId'?: (string);
  /**
   * Empty means the latest run of workflow_id.
   */
  'runId'?: (string);
  /**
   * 0 means the server default; the server may also cap it.
   */
  'pageSize'?: (number);
  /**
   * next_page_token of the previous page; empty for the first page.
   */
  'pageToken'?: (string);
}

export interface GetWorkflowHistoryRequest__Output {
  'workflowId': (string);
  /**
   * Empty means the latest run of workflow_id.
   */
  'runId': (string);
  /**
   * 0 means the server default; the server may also cap it.
   */
  'pageSize': (number);
  /**
   * next_page_token of the previous page; empty for the first page.
   */
  'pageToken': (string);
}
