// Original file: eventual/api/v1/worker_service.proto

import type { Failure as _eventual_api_v1_Failure, Failure__Output as _eventual_api_v1_Failure__Output } from '../../../eventual/api/v1/Failure';

export interface FailWorkflowTaskRequest {
  'taskToken'?: (string);
  /**
   * Why the task failed, e.g. a DeterminismError or a crash in the sandbox.
   */
  'failure'?: (_eventual_api_v1_Failure | null);
  'identity'?: (string);
}

export interface FailWorkflowTaskRequest__Output {
  'taskToken': (string);
  /**
   * Why the task failed, e.g. a DeterminismError or a crash in the sandbox.
   */
  'failure': (_eventual_api_v1_Failure__Output | null);
  'identity': (string);
}
