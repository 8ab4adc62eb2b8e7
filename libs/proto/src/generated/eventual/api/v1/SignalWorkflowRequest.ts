// Original file: eventual/api/v1/workflow_service.proto

import type { Payload as _eventual_api_v1_Payload, Payload__Output as _eventual_api_v1_Payload__Output } from '../../../eventual/api/v1/Payload';

export interface SignalWorkflowRequest {
  'workflowId'?: (string);
  'signalName'?: (string);
  'input'?: (_eventual_api_v1_Payload | null);
  /**
   * Delivering the same request_id twice records the signal once.
   */
  'requestId'?: (string);
}

export interface SignalWorkflowRequest__Output {
  'workflowId': (string);
  'signalName': (string);
  'input': (_eventual_api_v1_Payload__Output | null);
  /**
   * Delivering the same request_id twice records the signal once.
   */
  'requestId': (string);
}
