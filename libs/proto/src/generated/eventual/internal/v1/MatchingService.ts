// Original file: eventual/internal/v1/matching_service.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AckTaskRequest as _eventual_internal_v1_AckTaskRequest, AckTaskRequest__Output as _eventual_internal_v1_AckTaskRequest__Output } from '../../../eventual/internal/v1/AckTaskRequest';
import type { AckTaskResponse as _eventual_internal_v1_AckTaskResponse, AckTaskResponse__Output as _eventual_internal_v1_AckTaskResponse__Output } from '../../../eventual/internal/v1/AckTaskResponse';
import type { PollTaskRequest as _eventual_internal_v1_PollTaskRequest, PollTaskRequest__Output as _eventual_internal_v1_PollTaskRequest__Output } from '../../../eventual/internal/v1/PollTaskRequest';
import type { PollTaskResponse as _eventual_internal_v1_PollTaskResponse, PollTaskResponse__Output as _eventual_internal_v1_PollTaskResponse__Output } from '../../../eventual/internal/v1/PollTaskResponse';
import type { ReleaseTaskRequest as _eventual_internal_v1_ReleaseTaskRequest, ReleaseTaskRequest__Output as _eventual_internal_v1_ReleaseTaskRequest__Output } from '../../../eventual/internal/v1/ReleaseTaskRequest';
import type { ReleaseTaskResponse as _eventual_internal_v1_ReleaseTaskResponse, ReleaseTaskResponse__Output as _eventual_internal_v1_ReleaseTaskResponse__Output } from '../../../eventual/internal/v1/ReleaseTaskResponse';

/**
 * The matching service's internal API, called by the gateway only (never by users or
 * workers). Each matching instance owns some partitions of matching.tasks (its consumer
 * group decides which), so a queue's tasks are spread over every instance: the gateway polls
 * all instances at once for a worker's poll, hands the first task that comes to the worker,
 * and releases every further one (ReleaseTask). After handing a task to a worker it confirms
 * with AckTask at the instance that gave it out; a task neither acked nor released goes back
 * to its queue after the instance's lease time.
 */
export interface MatchingServiceClient extends grpc.Client {
  /**
   * The task reached a worker: it will not be handed out again.
   */
  AckTask(argument: _eventual_internal_v1_AckTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_internal_v1_AckTaskResponse__Output>): grpc.ClientUnaryCall;
  AckTask(argument: _eventual_internal_v1_AckTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_eventual_internal_v1_AckTaskResponse__Output>): grpc.ClientUnaryCall;
  AckTask(argument: _eventual_internal_v1_AckTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_internal_v1_AckTaskResponse__Output>): grpc.ClientUnaryCall;
  AckTask(argument: _eventual_internal_v1_AckTaskRequest, callback: grpc.requestCallback<_eventual_internal_v1_AckTaskResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The task reached a worker: it will not be handed out again.
   */
  ackTask(argument: _eventual_internal_v1_AckTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_internal_v1_AckTaskResponse__Output>): grpc.ClientUnaryCall;
  ackTask(argument: _eventual_internal_v1_AckTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_eventual_internal_v1_AckTaskResponse__Output>): grpc.ClientUnaryCall;
  ackTask(argument: _eventual_internal_v1_AckTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_internal_v1_AckTaskResponse__Output>): grpc.ClientUnaryCall;
  ackTask(argument: _eventual_internal_v1_AckTaskRequest, callback: grpc.requestCallback<_eventual_internal_v1_AckTaskResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Long poll bounded by the call's gRPC deadline: no task in time answers OK with an empty
   * task_token. The instance records the start in history (WorkflowTaskStarted or
   * ActivityTaskStarted on history.commands) before it answers.
   */
  PollTask(argument: _eventual_internal_v1_PollTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_internal_v1_PollTaskResponse__Output>): grpc.ClientUnaryCall;
  PollTask(argument: _eventual_internal_v1_PollTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_eventual_internal_v1_PollTaskResponse__Output>): grpc.ClientUnaryCall;
  PollTask(argument: _eventual_internal_v1_PollTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_internal_v1_PollTaskResponse__Output>): grpc.ClientUnaryCall;
  PollTask(argument: _eventual_internal_v1_PollTaskRequest, callback: grpc.requestCallback<_eventual_internal_v1_PollTaskResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Long poll bounded by the call's gRPC deadline: no task in time answers OK with an empty
   * task_token. The instance records the start in history (WorkflowTaskStarted or
   * ActivityTaskStarted on history.commands) before it answers.
   */
  pollTask(argument: _eventual_internal_v1_PollTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_internal_v1_PollTaskResponse__Output>): grpc.ClientUnaryCall;
  pollTask(argument: _eventual_internal_v1_PollTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_eventual_internal_v1_PollTaskResponse__Output>): grpc.ClientUnaryCall;
  pollTask(argument: _eventual_internal_v1_PollTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_internal_v1_PollTaskResponse__Output>): grpc.ClientUnaryCall;
  pollTask(argument: _eventual_internal_v1_PollTaskRequest, callback: grpc.requestCallback<_eventual_internal_v1_PollTaskResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The task did not reach a worker: back to the front of its queue.
   */
  ReleaseTask(argument: _eventual_internal_v1_ReleaseTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_internal_v1_ReleaseTaskResponse__Output>): grpc.ClientUnaryCall;
  ReleaseTask(argument: _eventual_internal_v1_ReleaseTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_eventual_internal_v1_ReleaseTaskResponse__Output>): grpc.ClientUnaryCall;
  ReleaseTask(argument: _eventual_internal_v1_ReleaseTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_internal_v1_ReleaseTaskResponse__Output>): grpc.ClientUnaryCall;
  ReleaseTask(argument: _eventual_internal_v1_ReleaseTaskRequest, callback: grpc.requestCallback<_eventual_internal_v1_ReleaseTaskResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The task did not reach a worker: back to the front of its queue.
   */
  releaseTask(argument: _eventual_internal_v1_ReleaseTaskRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_internal_v1_ReleaseTaskResponse__Output>): grpc.ClientUnaryCall;
  releaseTask(argument: _eventual_internal_v1_ReleaseTaskRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_eventual_internal_v1_ReleaseTaskResponse__Output>): grpc.ClientUnaryCall;
  releaseTask(argument: _eventual_internal_v1_ReleaseTaskRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_internal_v1_ReleaseTaskResponse__Output>): grpc.ClientUnaryCall;
  releaseTask(argument: _eventual_internal_v1_ReleaseTaskRequest, callback: grpc.requestCallback<_eventual_internal_v1_ReleaseTaskResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * The matching service's internal API, called by the gateway only (never by users or
 * workers). Each matching instance owns some partitions of matching.tasks (its consumer
 * group decides which), so a queue's tasks are spread over every instance: the gateway polls
 * all instances at once for a worker's poll, hands the first task that comes to the worker,
 * and releases every further one (ReleaseTask). After handing a task to a worker it confirms
 * with AckTask at the instance that gave it out; a task neither acked nor released goes back
 * to its queue after the instance's lease time.
 */
export interface MatchingServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * The task reached a worker: it will not be handed out again.
   */
  AckTask: grpc.handleUnaryCall<_eventual_internal_v1_AckTaskRequest__Output, _eventual_internal_v1_AckTaskResponse>;
  
  /**
   * Long poll bounded by the call's gRPC deadline: no task in time answers OK with an empty
   * task_token. The instance records the start in history (WorkflowTaskStarted or
   * ActivityTaskStarted on history.commands) before it answers.
   */
  PollTask: grpc.handleUnaryCall<_eventual_internal_v1_PollTaskRequest__Output, _eventual_internal_v1_PollTaskResponse>;
  
  /**
   * The task did not reach a worker: back to the front of its queue.
   */
  ReleaseTask: grpc.handleUnaryCall<_eventual_internal_v1_ReleaseTaskRequest__Output, _eventual_internal_v1_ReleaseTaskResponse>;
  
}

export interface MatchingServiceDefinition extends grpc.ServiceDefinition {
  AckTask: MethodDefinition<_eventual_internal_v1_AckTaskRequest, _eventual_internal_v1_AckTaskResponse, _eventual_internal_v1_AckTaskRequest__Output, _eventual_internal_v1_AckTaskResponse__Output>
  PollTask: MethodDefinition<_eventual_internal_v1_PollTaskRequest, _eventual_internal_v1_PollTaskResponse, _eventual_internal_v1_PollTaskRequest__Output, _eventual_internal_v1_PollTaskResponse__Output>
  ReleaseTask: MethodDefinition<_eventual_internal_v1_ReleaseTaskRequest, _eventual_internal_v1_ReleaseTaskResponse, _eventual_internal_v1_ReleaseTaskRequest__Output, _eventual_internal_v1_ReleaseTaskResponse__Output>
}
