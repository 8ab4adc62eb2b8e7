// Original file: eventual/api/v1/worker_service.proto

import type { WorkflowCommand as _eventual_api_v1_WorkflowCommand, WorkflowCommand__Output as _eventual_api_v1_WorkflowCommand__Output } from '../../../eventual/api/v1/WorkflowCommand';

export interface CompleteWorkflowTaskRequest {
  'taskToken'?: (string);
  /**
   * In the order the workflow issued them; at most one closing command, and it is last.
   */
  'commands'?: (_eventual_api_v1_WorkflowCommand)[];
  'identity'?: (string);
}

export interface CompleteWorkflowTaskRequest__Output {
  'taskToken': (string);
  /**
   * In the order the workflow issued them; at most one closing command, and it is last.
   */
  'commands': (_eventual_api_v1_WorkflowCommand__Output)[];
  'identity': (string);
}
