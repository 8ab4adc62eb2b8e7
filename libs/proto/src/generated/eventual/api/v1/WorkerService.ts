// Original file: eventual/api/v1/worker_service.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CompleteActivityTaskRequest as _eventual_api_v1_CompleteActivityTaskRequest, CompleteActivityTaskRequest__Output as _eventual_api_v1_CompleteActivityTaskRequest__Output } from '../../../eventual/api/v1/CompleteActivityTaskRequest';
import type { CompleteActivityTaskResponse as _eventual_api_v1_CompleteActivityTaskResponse, CompleteActivityTaskResponse__Output as _eventual_api_v1_CompleteActivityTaskResponse__Output } from '../../../eventual/api/v1/CompleteActivityTaskResponse';
import type { CompleteWorkflowTaskRequest as _eventual_api_v1_CompleteWorkflowTaskRequest, CompleteWorkflowTaskRequest__Output as _eventual_api_v1_CompleteWorkflowTaskRequest__Output } from '../../../eventual/api/v1/CompleteWorkflowTaskRequest';
import type { CompleteWorkflowTaskResponse as _eventual_api_v1_CompleteWorkflowTaskResponse, CompleteWorkflowTaskResponse__Output as _eventual_api_v1_CompleteWorkflowTaskResponse__Output } from '../../../eventual/api/v1/CompleteWorkflowTaskResponse';
import type { FailActivityTaskRequest as _eventual_api_v1_FailActivityTaskRequest, FailActivityTaskRequest__Output as _eventual_api_v1_FailActivityTaskRequest__Output } from '../../../eventual/api/v1/FailActivityTaskRequest';
import type { FailActivityTaskResponse as _eventual_api_v1_FailActivityTaskResponse, FailActivityTaskResponse__Output as _eventual_api_v1_FailActivityTaskResponse__Output } from '../../../eventual/api/v1/FailActivityTaskResponse';
import type { FailWorkflowTaskRequest as _eventual_api_v1_FailWorkflowTaskRequest, FailWorkflowTaskRequest__Output as _eventual_api_v1_FailWorkflowTaskRequest__Output } from '../../../eventual/api/v1/FailWorkflowTaskRequest';
import type { FailWorkflowTaskResponse as _eventual_api_v1_FailWorkflowTaskResponse, FailWorkflowTaskResponse__Output as _eventual_api_v1_FailWorkflowTaskResponse__Output } from '../../../eventual/api/v1/FailWorkflowTaskResponse';
import type { HeartbeatActivityTaskRequest as _eventual_api_v1_HeartbeatActivityTaskRequest, HeartbeatActivityTaskRequest__Output as _eventual_api_v1_HeartbeatActivityTaskRequest__Output } from '../../../eventual/api/v1/HeartbeatActivityTaskRequest';
import type { HeartbeatActivityTaskResponse as _eventual_api_v1_HeartbeatActivityTaskResponse, HeartbeatActivityTaskResponse__Output as _eventual_api_v1_HeartbeatActivityTaskResponse__Output } from '../../../eventual/api/v1/HeartbeatActivityTaskResponse';
import type { PollActivityTaskRequest as _eventual_api_v1_PollActivityTaskRequest, PollActivityTaskRequest__Output as _eventual_api_v1_PollActivityTaskRequest__Output } from '../../../eventual/api/v1/PollActivityTaskRequest';
import type { PollActivityTaskResponse as _eventual_api_v1_PollActivityTaskResponse, PollActivityTaskResponse__Output as _eventual_api_v1_PollActivityTaskResponse__Output } from '../../../eventual/api/v1/PollActivityTaskResponse';
import type { PollWorkflowTaskRequest as _eventual_api_v1_PollWorkflowTaskRequest, PollWorkflowTaskRequest__Output as _eventual_api_v1_PollWorkflowTaskRequest__Output } from '../../../eventual/api/v1/PollWorkflowTaskRequest';
import type { PollWorkflowTaskResponse as _eventual_api_v1_PollWorkflowTaskResponse, PollWorkflowTaskResponse__Output as _eventual_api_v1_PollWorkflowTaskResponse__Output } from '../../../eventual/api/v1/PollWorkflowTaskResponse';

/**
 * The worker API: workers long-poll a task queue for workflow and activity tasks and report
 * what came of them. Used by libs/worker through the client's WorkerApiClient.
 * 
 * Polls are long polls bounded by the call's gRPC deadline: when no task arrives in time
 * the server answers OK with an empty task_token rather than an error, so a worker simply
 * polls again. A report for a task that is no longer current (timed out, run closed) is
 * NOT_FOUND and changes nothing.
 */
export interface WorkerServiceClient extends grpc.Client {
  CompleteActivityTask(argument: _eventual_api_v1_CompleteActivityTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_CompleteActivityTaskResponse__Output>): grpc.ClientUnaryCall;
  CompleteActivityTask(argument: _eventual_api_v1_CompleteActivityTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_eventual_api_v1_CompleteActivityTaskResponse__Output>): grpc.ClientUnaryCall;
  CompleteActivityTask(argument: _eventual_api_v1_CompleteActivityTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_CompleteActivityTaskResponse__Output>): grpc.ClientUnaryCall;
  CompleteActivityTask(argument: _eventual_api_v1_CompleteActivityTaskRequest, callback: grpc.requestCallback<_eventual_api_v1_CompleteActivityTaskResponse__Output>): grpc.ClientUnaryCall;
  completeActivityTask(argument: _eventual_api_v1_CompleteActivityTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_CompleteActivityTaskResponse__Output>): grpc.ClientUnaryCall;
  completeActivityTask(argument: _eventual_api_v1_CompleteActivityTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_eventual_api_v1_CompleteActivityTaskResponse__Output>): grpc.ClientUnaryCall;
  completeActivityTask(argument: _eventual_api_v1_CompleteActivityTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_CompleteActivityTaskResponse__Output>): grpc.ClientUnaryCall;
  completeActivityTask(argument: _eventual_api_v1_CompleteActivityTaskRequest, callback: grpc.requestCallback<_eventual_api_v1_CompleteActivityTaskResponse__Output>): grpc.ClientUnaryCall;
  
  CompleteWorkflowTask(argument: _eventual_api_v1_CompleteWorkflowTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_CompleteWorkflowTaskResponse__Output>): grpc.ClientUnaryCall;
  CompleteWorkflowTask(argument: _eventual_api_v1_CompleteWorkflowTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_eventual_api_v1_CompleteWorkflowTaskResponse__Output>): grpc.ClientUnaryCall;
  CompleteWorkflowTask(argument: _eventual_api_v1_CompleteWorkflowTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_CompleteWorkflowTaskResponse__Output>): grpc.ClientUnaryCall;
  CompleteWorkflowTask(argument: _eventual_api_v1_CompleteWorkflowTaskRequest, callback: grpc.requestCallback<_eventual_api_v1_CompleteWorkflowTaskResponse__Output>): grpc.ClientUnaryCall;
  completeWorkflowTask(argument: _eventual_api_v1_CompleteWorkflowTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_CompleteWorkflowTaskResponse__Output>): grpc.ClientUnaryCall;
  completeWorkflowTask(argument: _eventual_api_v1_CompleteWorkflowTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_eventual_api_v1_CompleteWorkflowTaskResponse__Output>): grpc.ClientUnaryCall;
  completeWorkflowTask(argument: _eventual_api_v1_CompleteWorkflowTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_CompleteWorkflowTaskResponse__Output>): grpc.ClientUnaryCall;
  completeWorkflowTask(argument: _eventual_api_v1_CompleteWorkflowTaskRequest, callback: grpc.requestCallback<_eventual_api_v1_CompleteWorkflowTaskResponse__Output>): grpc.ClientUnaryCall;
  
  FailActivityTask(argument: _eventual_api_v1_FailActivityTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_FailActivityTaskResponse__Output>): grpc.ClientUnaryCall;
  FailActivityTask(argument: _eventual_api_v1_FailActivityTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_eventual_api_v1_FailActivityTaskResponse__Output>): grpc.ClientUnaryCall;
  FailActivityTask(argument: _eventual_api_v1_FailActivityTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_FailActivityTaskResponse__Output>): grpc.ClientUnaryCall;
  FailActivityTask(argument: _eventual_api_v1_FailActivityTaskRequest, callback: grpc.requestCallback<_eventual_api_v1_FailActivityTaskResponse__Output>): grpc.ClientUnaryCall;
  failActivityTask(argument: _eventual_api_v1_FailActivityTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_FailActivityTaskResponse__Output>): grpc.ClientUnaryCall;
  failActivityTask(argument: _eventual_api_v1_FailActivityTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_eventual_api_v1_FailActivityTaskResponse__Output>): grpc.ClientUnaryCall;
  failActivityTask(argument: _eventual_api_v1_FailActivityTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_FailActivityTaskResponse__Output>): grpc.ClientUnaryCall;
  failActivityTask(argument: _eventual_api_v1_FailActivityTaskRequest, callback: grpc.requestCallback<_eventual_api_v1_FailActivityTaskResponse__Output>): grpc.ClientUnaryCall;
  
  FailWorkflowTask(argument: _eventual_api_v1_FailWorkflowTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_FailWorkflowTaskResponse__Output>): grpc.ClientUnaryCall;
  FailWorkflowTask(argument: _eventual_api_v1_FailWorkflowTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_eventual_api_v1_FailWorkflowTaskResponse__Output>): grpc.ClientUnaryCall;
  FailWorkflowTask(argument: _eventual_api_v1_FailWorkflowTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_FailWorkflowTaskResponse__Output>): grpc.ClientUnaryCall;
  FailWorkflowTask(argument: _eventual_api_v1_FailWorkflowTaskRequest, callback: grpc.requestCallback<_eventual_api_v1_FailWorkflowTaskResponse__Output>): grpc.ClientUnaryCall;
  failWorkflowTask(argument: _eventual_api_v1_FailWorkflowTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_FailWorkflowTaskResponse__Output>): grpc.ClientUnaryCall;
  failWorkflowTask(argument: _eventual_api_v1_FailWorkflowTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_eventual_api_v1_FailWorkflowTaskResponse__Output>): grpc.ClientUnaryCall;
  failWorkflowTask(argument: _eventual_api_v1_FailWorkflowTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_FailWorkflowTaskResponse__Output>): grpc.ClientUnaryCall;
  failWorkflowTask(argument: _eventual_api_v1_FailWorkflowTaskRequest, callback: grpc.requestCallback<_eventual_api_v1_FailWorkflowTaskResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Records progress of a running activity attempt and resets its heartbeat timeout.
   */
  HeartbeatActivityTask(argument: _eventual_api_v1_HeartbeatActivityTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_HeartbeatActivityTaskResponse__Output>): grpc.ClientUnaryCall;
  HeartbeatActivityTask(argument: _eventual_api_v1_HeartbeatActivityTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_eventual_api_v1_HeartbeatActivityTaskResponse__Output>): grpc.ClientUnaryCall;
  HeartbeatActivityTask(argument: _eventual_api_v1_HeartbeatActivityTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_HeartbeatActivityTaskResponse__Output>): grpc.ClientUnaryCall;
  HeartbeatActivityTask(argument: _eventual_api_v1_HeartbeatActivityTaskRequest, callback: grpc.requestCallback<_eventual_api_v1_HeartbeatActivityTaskResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Records progress of a running activity attempt and resets its heartbeat timeout.
   */
  heartbeatActivityTask(argument: _eventual_api_v1_HeartbeatActivityTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_HeartbeatActivityTaskResponse__Output>): grpc.ClientUnaryCall;
  heartbeatActivityTask(argument: _eventual_api_v1_HeartbeatActivityTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_eventual_api_v1_HeartbeatActivityTaskResponse__Output>): grpc.ClientUnaryCall;
  heartbeatActivityTask(argument: _eventual_api_v1_HeartbeatActivityTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_HeartbeatActivityTaskResponse__Output>): grpc.ClientUnaryCall;
  heartbeatActivityTask(argument: _eventual_api_v1_HeartbeatActivityTaskRequest, callback: grpc.requestCallback<_eventual_api_v1_HeartbeatActivityTaskResponse__Output>): grpc.ClientUnaryCall;
  
  PollActivityTask(argument: _eventual_api_v1_PollActivityTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_PollActivityTaskResponse__Output>): grpc.ClientUnaryCall;
  PollActivityTask(argument: _eventual_api_v1_PollActivityTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_eventual_api_v1_PollActivityTaskResponse__Output>): grpc.ClientUnaryCall;
  PollActivityTask(argument: _eventual_api_v1_PollActivityTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_PollActivityTaskResponse__Output>): grpc.ClientUnaryCall;
  PollActivityTask(argument: _eventual_api_v1_PollActivityTaskRequest, callback: grpc.requestCallback<_eventual_api_v1_PollActivityTaskResponse__Output>): grpc.ClientUnaryCall;
  pollActivityTask(argument: _eventual_api_v1_PollActivityTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_PollActivityTaskResponse__Output>): grpc.ClientUnaryCall;
  pollActivityTask(argument: _eventual_api_v1_PollActivityTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_eventual_api_v1_PollActivityTaskResponse__Output>): grpc.ClientUnaryCall;
  pollActivityTask(argument: _eventual_api_v1_PollActivityTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_PollActivityTaskResponse__Output>): grpc.ClientUnaryCall;
  pollActivityTask(argument: _eventual_api_v1_PollActivityTaskRequest, callback: grpc.requestCallback<_eventual_api_v1_PollActivityTaskResponse__Output>): grpc.ClientUnaryCall;
  
  PollWorkflowTask(argument: _eventual_api_v1_PollWorkflowTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_PollWorkflowTaskResponse__Output>): grpc.ClientUnaryCall;
  PollWorkflowTask(argument: _eventual_api_v1_PollWorkflowTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_eventual_api_v1_PollWorkflowTaskResponse__Output>): grpc.ClientUnaryCall;
  PollWorkflowTask(argument: _eventual_api_v1_PollWorkflowTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_PollWorkflowTaskResponse__Output>): grpc.ClientUnaryCall;
  PollWorkflowTask(argument: _eventual_api_v1_PollWorkflowTaskRequest, callback: grpc.requestCallback<_eventual_api_v1_PollWorkflowTaskResponse__Output>): grpc.ClientUnaryCall;
  pollWorkflowTask(argument: _eventual_api_v1_PollWorkflowTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_PollWorkflowTaskResponse__Output>): grpc.ClientUnaryCall;
  pollWorkflowTask(argument: _eventual_api_v1_PollWorkflowTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_eventual_api_v1_PollWorkflowTaskResponse__Output>): grpc.ClientUnaryCall;
  pollWorkflowTask(argument: _eventual_api_v1_PollWorkflowTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_PollWorkflowTaskResponse__Output>): grpc.ClientUnaryCall;
  pollWorkflowTask(argument: _eventual_api_v1_PollWorkflowTaskRequest, callback: grpc.requestCallback<_eventual_api_v1_PollWorkflowTaskResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * The worker API: workers long-poll a task queue for workflow and activity tasks and report
 * what came of them. Used by libs/worker through the client's WorkerApiClient.
 * 
 * Polls are long polls bounded by the call's gRPC deadline: when no task arrives in time
 * the server answers OK with an empty task_token rather than an error, so a worker simply
 * polls again. A report for a task that is no longer current (timed out, run closed) is
 * NOT_FOUND and changes nothing.
 */
export interface WorkerServiceHandlers extends grpc.UntypedServiceImplementation {
  CompleteActivityTask: grpc.handleUnaryCall<_eventual_api_v1_CompleteActivityTaskRequest__Output, _eventual_api_v1_CompleteActivityTaskResponse>;
  
  CompleteWorkflowTask: grpc.handleUnaryCall<_eventual_api_v1_CompleteWorkflowTaskRequest__Output, _eventual_api_v1_CompleteWorkflowTaskResponse>;
  
  FailActivityTask: grpc.handleUnaryCall<_eventual_api_v1_FailActivityTaskRequest__Output, _eventual_api_v1_FailActivityTaskResponse>;
  
  FailWorkflowTask: grpc.handleUnaryCall<_eventual_api_v1_FailWorkflowTaskRequest__Output, _eventual_api_v1_FailWorkflowTaskResponse>;
  
  /**
   * Records progress of a running activity attempt and resets its heartbeat timeout.
   */
  HeartbeatActivityTask: grpc.handleUnaryCall<_eventual_api_v1_HeartbeatActivityTaskRequest__Output, _eventual_api_v1_HeartbeatActivityTaskResponse>;
  
  PollActivityTask: grpc.handleUnaryCall<_eventual_api_v1_PollActivityTaskRequest__Output, _eventual_api_v1_PollActivityTaskResponse>;
  
  PollWorkflowTask: grpc.handleUnaryCall<_eventual_api_v1_PollWorkflowTaskRequest__Output, _eventual_api_v1_PollWorkflowTaskResponse>;
  
}

export interface WorkerServiceDefinition extends grpc.ServiceDefinition {
  CompleteActivityTask: MethodDefinition<_eventual_api_v1_CompleteActivityTaskRequest, _eventual_api_v1_CompleteActivityTaskResponse, _eventual_api_v1_CompleteActivityTaskRequest__Output, _eventual_api_v1_CompleteActivityTaskResponse__Output>
  CompleteWorkflowTask: MethodDefinition<_eventual_api_v1_CompleteWorkflowTaskRequest, _eventual_api_v1_CompleteWorkflowTaskResponse, _eventual_api_v1_CompleteWorkflowTaskRequest__Output, _eventual_api_v1_CompleteWorkflowTaskResponse__Output>
  FailActivityTask: MethodDefinition<_eventual_api_v1_FailActivityTaskRequest, _eventual_api_v1_FailActivityTaskResponse, _eventual_api_v1_FailActivityTaskRequest__Output, _eventual_api_v1_FailActivityTaskResponse__Output>
  FailWorkflowTask: MethodDefinition<_eventual_api_v1_FailWorkflowTaskRequest, _eventual_api_v1_FailWorkflowTaskResponse, _eventual_api_v1_FailWorkflowTaskRequest__Output, _eventual_api_v1_FailWorkflowTaskResponse__Output>
  HeartbeatActivityTask: MethodDefinition<_eventual_api_v1_HeartbeatActivityTaskRequest, _eventual_api_v1_HeartbeatActivityTaskResponse, _eventual_api_v1_HeartbeatActivityTaskRequest__Output, _eventual_api_v1_HeartbeatActivityTaskResponse__Output>
  PollActivityTask: MethodDefinition<_eventual_api_v1_PollActivityTaskRequest, _eventual_api_v1_PollActivityTaskResponse, _eventual_api_v1_PollActivityTaskRequest__Output, _eventual_api_v1_PollActivityTaskResponse__Output>
  PollWorkflowTask: MethodDefinition<_eventual_api_v1_PollWorkflowTaskRequest, _eventual_api_v1_PollWorkflowTaskResponse, _eventual_api_v1_PollWorkflowTaskRequest__Output, _eventual_api_v1_PollWorkflowTaskResponse__Output>
}
