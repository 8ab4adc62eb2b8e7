import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { CompleteActivityTaskRequest as _eventual_api_v1_CompleteActivityTaskRequest, CompleteActivityTaskRequest__Output as _eventual_api_v1_CompleteActivityTaskRequest__Output } from './eventual/api/v1/CompleteActivityTaskRequest';
import type { CompleteActivityTaskResponse as _eventual_api_v1_CompleteActivityTaskResponse, CompleteActivityTaskResponse__Output as _eventual_api_v1_CompleteActivityTaskResponse__Output } from './eventual/api/v1/CompleteActivityTaskResponse';
import type { CompleteWorkflowTaskRequest as _eventual_api_v1_CompleteWorkflowTaskRequest, CompleteWorkflowTaskRequest__Output as _eventual_api_v1_CompleteWorkflowTaskRequest__Output } from './eventual/api/v1/CompleteWorkflowTaskRequest';
import type { CompleteWorkflowTaskResponse as _eventual_api_v1_CompleteWorkflowTaskResponse, CompleteWorkflowTaskResponse__Output as _eventual_api_v1_CompleteWorkflowTaskResponse__Output } from './eventual/api/v1/CompleteWorkflowTaskResponse';
import type { FailActivityTaskRequest as _eventual_api_v1_FailActivityTaskRequest, FailActivityTaskRequest__Output as _eventual_api_v1_FailActivityTaskRequest__Output } from './eventual/api/v1/FailActivityTaskRequest';
import type { FailActivityTaskResponse as _eventual_api_v1_FailActivityTaskResponse, FailActivityTaskResponse__Output as _eventual_api_v1_FailActivityTaskResponse__Output } from './eventual/api/v1/FailActivityTaskResponse';
import type { FailWorkflowTaskRequest as _eventual_api_v1_FailWorkflowTaskRequest, FailWorkflowTaskRequest__Output as _eventual_api_v1_FailWorkflowTaskRequest__Output } from './eventual/api/v1/FailWorkflowTaskRequest';
import type { FailWorkflowTaskResponse as _eventual_api_v1_FailWorkflowTaskResponse, FailWorkflowTaskResponse__Output as _eventual_api_v1_FailWorkflowTaskResponse__Output } from './eventual/api/v1/FailWorkflowTaskResponse';
import type { Failure as _eventual_api_v1_Failure, Failure__Output as _eventual_api_v1_Failure__Output } from './eventual/api/v1/Failure';
import type { HeartbeatActivityTaskRequest as _eventual_api_v1_HeartbeatActivityTaskRequest, HeartbeatActivityTaskRequest__Output as _eventual_api_v1_HeartbeatActivityTaskRequest__Output } from './eventual/api/v1/HeartbeatActivityTaskRequest';
import type { HeartbeatActivityTaskResponse as _eventual_api_v1_HeartbeatActivityTaskResponse, HeartbeatActivityTaskResponse__Output as _eventual_api_v1_HeartbeatActivityTaskResponse__Output } from './eventual/api/v1/HeartbeatActivityTaskResponse';
import type { HistoryEvent as _eventual_api_v1_HistoryEvent, HistoryEvent__Output as _eventual_api_v1_HistoryEvent__Output } from './eventual/api/v1/HistoryEvent';
import type { Payload as _eventual_api_v1_Payload, Payload__Output as _eventual_api_v1_Payload__Output } from './eventual/api/v1/Payload';
import type { PollActivityTaskRequest as _eventual_api_v1_PollActivityTaskRequest, PollActivityTaskRequest__Output as _eventual_api_v1_PollActivityTaskRequest__Output } from './eventual/api/v1/PollActivityTaskRequest';
import type { PollActivityTaskResponse as _eventual_api_v1_PollActivityTaskResponse, PollActivityTaskResponse__Output as _eventual_api_v1_PollActivityTaskResponse__Output } from './eventual/api/v1/PollActivityTaskResponse';
import type { PollWorkflowTaskRequest as _eventual_api_v1_PollWorkflowTaskRequest, PollWorkflowTaskRequest__Output as _eventual_api_v1_PollWorkflowTaskRequest__Output } from './eventual/api/v1/PollWorkflowTaskRequest';
import type { PollWorkflowTaskResponse as _eventual_api_v1_PollWorkflowTaskResponse, PollWorkflowTaskResponse__Output as _eventual_api_v1_PollWorkflowTaskResponse__Output } from './eventual/api/v1/PollWorkflowTaskResponse';
import type { WorkerServiceClient as _eventual_api_v1_WorkerServiceClient, WorkerServiceDefinition as _eventual_api_v1_WorkerServiceDefinition } from './eventual/api/v1/WorkerService';
import type { WorkflowCommand as _eventual_api_v1_WorkflowCommand, WorkflowCommand__Output as _eventual_api_v1_WorkflowCommand__Output } from './eventual/api/v1/WorkflowCommand';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  eventual: {
    api: {
      v1: {
        CompleteActivityTaskRequest: MessageTypeDefinition<_eventual_api_v1_CompleteActivityTaskRequest, _eventual_api_v1_CompleteActivityTaskRequest__Output>
        CompleteActivityTaskResponse: MessageTypeDefinition<_eventual_api_v1_CompleteActivityTaskResponse, _eventual_api_v1_CompleteActivityTaskResponse__Output>
        CompleteWorkflowTaskRequest: MessageTypeDefinition<_eventual_api_v1_CompleteWorkflowTaskRequest, _eventual_api_v1_CompleteWorkflowTaskRequest__Output>
        CompleteWorkflowTaskResponse: MessageTypeDefinition<_eventual_api_v1_CompleteWorkflowTaskResponse, _eventual_api_v1_CompleteWorkflowTaskResponse__Output>
        FailActivityTaskRequest: MessageTypeDefinition<_eventual_api_v1_FailActivityTaskRequest, _eventual_api_v1_FailActivityTaskRequest__Output>
        FailActivityTaskResponse: MessageTypeDefinition<_eventual_api_v1_FailActivityTaskResponse, _eventual_api_v1_FailActivityTaskResponse__Output>
        FailWorkflowTaskRequest: MessageTypeDefinition<_eventual_api_v1_FailWorkflowTaskRequest, _eventual_api_v1_FailWorkflowTaskRequest__Output>
        FailWorkflowTaskResponse: MessageTypeDefinition<_eventual_api_v1_FailWorkflowTaskResponse, _eventual_api_v1_FailWorkflowTaskResponse__Output>
        Failure: MessageTypeDefinition<_eventual_api_v1_Failure, _eventual_api_v1_Failure__Output>
        HeartbeatActivityTaskRequest: MessageTypeDefinition<_eventual_api_v1_HeartbeatActivityTaskRequest, _eventual_api_v1_HeartbeatActivityTaskRequest__Output>
        HeartbeatActivityTaskResponse: MessageTypeDefinition<_eventual_api_v1_HeartbeatActivityTaskResponse, _eventual_api_v1_HeartbeatActivityTaskResponse__Output>
        HistoryEvent: MessageTypeDefinition<_eventual_api_v1_HistoryEvent, _eventual_api_v1_HistoryEvent__Output>
        Payload: MessageTypeDefinition<_eventual_api_v1_Payload, _eventual_api_v1_Payload__Output>
        PollActivityTaskRequest: MessageTypeDefinition<_eventual_api_v1_PollActivityTaskRequest, _eventual_api_v1_PollActivityTaskRequest__Output>
        PollActivityTaskResponse: MessageTypeDefinition<_eventual_api_v1_PollActivityTaskResponse, _eventual_api_v1_PollActivityTaskResponse__Output>
        PollWorkflowTaskRequest: MessageTypeDefinition<_eventual_api_v1_PollWorkflowTaskRequest, _eventual_api_v1_PollWorkflowTaskRequest__Output>
        PollWorkflowTaskResponse: MessageTypeDefinition<_eventual_api_v1_PollWorkflowTaskResponse, _eventual_api_v1_PollWorkflowTaskResponse__Output>
        /**
         * The worker API: workers long-poll a task queue for workflow and activity tasks and report
         * what came of them. Used by libs/worker through the client's WorkerApiClient.
         * 
         * Polls are long polls bounded by the call's gRPC deadline: when no task arrives in time
         * the server answers OK with an empty task_token rather than an error, so a worker simply
         * polls again. A report for a task that is no longer current (timed out, run closed) is
         * NOT_FOUND and changes nothing.
         */
        WorkerService: SubtypeConstructor<typeof grpc.Client, _eventual_api_v1_WorkerServiceClient> & { service: _eventual_api_v1_WorkerServiceDefinition }
        WorkflowCommand: MessageTypeDefinition<_eventual_api_v1_WorkflowCommand, _eventual_api_v1_WorkflowCommand__Output>
        WorkflowExecutionStatus: EnumTypeDefinition
      }
    }
  }
}

