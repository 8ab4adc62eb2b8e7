// Original file: eventual/api/v1/worker_service.proto

import type { Failure as _eventual_api_v1_Failure, Failure__Output as _eventual_api_v1_Failure__Output } from '../../../eventual/api/v1/Failure';

export interface FailActivityTaskRequest {
  'taskToken'?: (string);
  'failure'?: (_eventual_api_v1_Failure | null);
  'identity'?: (string);
}

export interface FailActivityTaskRequest__Output {
  'taskToken': (string);
  'failure': (_eventual_api_v1_Failure__Output | null);
  'identity': (string);
}
