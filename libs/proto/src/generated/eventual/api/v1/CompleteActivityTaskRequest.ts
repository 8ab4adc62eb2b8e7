// Original file: eventual/api/v1/worker_service.proto

import type { Payload as _eventual_api_v1_Payload, Payload__Output as _eventual_api_v1_Payload__Output } from '../../../eventual/api/v1/Payload';

export interface CompleteActivityTaskRequest {
  'taskToken'?: (string);
  'result'?: (_eventual_api_v1_Payload | null);
  'identity'?: (string);
}

export interface CompleteActivityTaskRequest__Output {
  'taskToken': (string);
  'result': (_eventual_api_v1_Payload__Output | null);
  'identity': (string);
}
