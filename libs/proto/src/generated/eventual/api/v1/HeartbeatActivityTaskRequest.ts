// Original file: eventual/api/v1/worker_service.proto

import type { Payload as _eventual_api_v1_Payload, Payload__Output as _eventual_api_v1_Payload__Output } from '../../../eventual/api/v1/Payload';

export interface HeartbeatActivityTaskRequest {
  'taskToken'?: (string);
  'details'?: (_eventual_api_v1_Payload | null);
}

export interface HeartbeatActivityTaskRequest__Output {
  'taskToken': (string);
  'details': (_eventual_api_v1_Payload__Output | null);
}
