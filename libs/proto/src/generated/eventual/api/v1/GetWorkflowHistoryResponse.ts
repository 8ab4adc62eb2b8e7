// Original file: eventual/api/v1/workflow_service.proto

import type { HistoryEvent as _eventual_api_v1_HistoryEvent, HistoryEvent__Output as _eventual_api_v1_HistoryEvent__Output } from '../../../eventual/api/v1/HistoryEvent';

export interface GetWorkflowHistoryResponse {
  'events'?: (_eventual_api_v1_HistoryEvent)[];
  'nextPageToken'?: (string);
}

export interface GetWorkflowHistoryResponse__Output {
  'events': (_eventual_api_v1_HistoryEvent__Output)[];
  'nextPageToken': (string);
}
