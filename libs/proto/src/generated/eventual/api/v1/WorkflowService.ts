// Original file: eventual/api/v1/workflow_service.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CancelWorkflowRequest as _eventual_api_v1_CancelWorkflowRequest, CancelWorkflowRequest__Output as _eventual_api_v1_CancelWorkflowRequest__Output } from '../../../eventual/api/v1/CancelWorkflowRequest';
import type { CancelWorkflowResponse as _eventual_api_v1_CancelWorkflowResponse, CancelWorkflowResponse__Output as _eventual_api_v1_CancelWorkflowResponse__Output } from '../../../eventual/api/v1/CancelWorkflowResponse';
import type { DescribeWorkflowRequest as _eventual_api_v1_DescribeWorkflowRequest, DescribeWorkflowRequest__Output as _eventual_api_v1_DescribeWorkflowRequest__Output } from '../../../eventual/api/v1/DescribeWorkflowRequest';
import type { DescribeWorkflowResponse as _eventual_api_v1_DescribeWorkflowResponse, DescribeWorkflowResponse__Output as _eventual_api_v1_DescribeWorkflowResponse__Output } from '../../../eventual/api/v1/DescribeWorkflowResponse';
import type { GetWorkflowHistoryRequest as _eventual_api_v1_GetWorkflowHistoryRequest, GetWorkflowHistoryRequest__Output as _eventual_api_v1_GetWorkflowHistoryRequest__Output } from '../../../eventual/api/v1/GetWorkflowHistoryRequest';
import type { GetWorkflowHistoryResponse as _eventual_api_v1_GetWorkflowHistoryResponse, GetWorkflowHistoryResponse__Output as _eventual_api_v1_GetWorkflowHistoryResponse__Output } from '../../../eventual/api/v1/GetWorkflowHistoryResponse';
import type { GetWorkflowResultRequest as _eventual_api_v1_GetWorkflowResultRequest, GetWorkflowResultRequest__Output as _eventual_api_v1_GetWorkflowResultRequest__Output } from '../../../eventual/api/v1/GetWorkflowResultRequest';
import type { GetWorkflowResultResponse as _eventual_api_v1_GetWorkflowResultResponse, GetWorkflowResultResponse__Output as _eventual_api_v1_GetWorkflowResultResponse__Output } from '../../../eventual/api/v1/GetWorkflowResultResponse';
import type { ListWorkflowsRequest as _eventual_api_v1_ListWorkflowsRequest, ListWorkflowsRequest__Output as _eventual_api_v1_ListWorkflowsRequest__Output } from '../../../eventual/api/v1/ListWorkflowsRequest';
import type { ListWorkflowsResponse as _eventual_api_v1_ListWorkflowsResponse, ListWorkflowsResponse__Output as _eventual_api_v1_ListWorkflowsResponse__Output } from '../../../eventual/api/v1/ListWorkflowsResponse';
import type { SignalWorkflowRequest as _eventual_api_v1_SignalWorkflowRequest, SignalWorkflowRequest__Output as _eventual_api_v1_SignalWorkflowRequest__Output } from '../../../eventual/api/v1/SignalWorkflowRequest';
import type { SignalWorkflowResponse as _eventual_api_v1_SignalWorkflowResponse, SignalWorkflowResponse__Output as _eventual_api_v1_SignalWorkflowResponse__Output } from '../../../eventual/api/v1/SignalWorkflowResponse';
import type { StartWorkflowRequest as _eventual_api_v1_StartWorkflowRequest, StartWorkflowRequest__Output as _eventual_api_v1_StartWorkflowRequest__Output } from '../../../eventual/api/v1/StartWorkflowRequest';
import type { StartWorkflowResponse as _eventual_api_v1_StartWorkflowResponse, StartWorkflowResponse__Output as _eventual_api_v1_StartWorkflowResponse__Output } from '../../../eventual/api/v1/StartWorkflowResponse';
import type { TerminateWorkflowRequest as _eventual_api_v1_TerminateWorkflowRequest, TerminateWorkflowRequest__Output as _eventual_api_v1_TerminateWorkflowRequest__Output } from '../../../eventual/api/v1/TerminateWorkflowRequest';
import type { TerminateWorkflowResponse as _eventual_api_v1_TerminateWorkflowResponse, TerminateWorkflowResponse__Output as _eventual_api_v1_TerminateWorkflowResponse__Output } from '../../../eventual/api/v1/TerminateWorkflowResponse';

/**
 * The client API: start, signal, cancel, terminate, inspect and await workflow executions.
 * Used by applications, the CLI, the web UI and the tests (through libs/client).
 * 
 * Errors are gRPC statuses: INVALID_ARGUMENT (with a message naming the field), NOT_FOUND,
 * ALREADY_EXISTS, FAILED_PRECONDITION, RESOURCE_EXHAUSTED, UNAUTHENTICATED.
 */
export interface WorkflowServiceClient extends grpc.Client {
  /**
   * Asks the open run to cancel; the workflow code decides how to wind down.
   */
  CancelWorkflow(argument: _eventual_api_v1_CancelWorkflowRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_CancelWorkflowResponse__Output>): grpc.ClientUnaryCall;
  CancelWorkflow(argument: _eventual_api_v1_CancelWorkflowRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_eventual_api_v1_CancelWorkflowResponse__Output>): grpc.ClientUnaryCall;
  CancelWorkflow(argument: _eventual_api_v1_CancelWorkflowRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_CancelWorkflowResponse__Output>): grpc.ClientUnaryCall;
  CancelWorkflow(argument: _eventual_api_v1_CancelWorkflowRequest, callback: grpc.requestCallback<_eventual_api_v1_CancelWorkflowResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Asks the open run to cancel; the workflow code decides how to wind down.
   */
  cancelWorkflow(argument: _eventual_api_v1_CancelWorkflowRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_CancelWorkflowResponse__Output>): grpc.ClientUnaryCall;
  cancelWorkflow(argument: _eventual_api_v1_CancelWorkflowRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_eventual_api_v1_CancelWorkflowResponse__Output>): grpc.ClientUnaryCall;
  cancelWorkflow(argument: _eventual_api_v1_CancelWorkflowRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_CancelWorkflowResponse__Output>): grpc.ClientUnaryCall;
  cancelWorkflow(argument: _eventual_api_v1_CancelWorkflowRequest, callback: grpc.requestCallback<_eventual_api_v1_CancelWorkflowResponse__Output>): grpc.ClientUnaryCall;
  
  DescribeWorkflow(argument: _eventual_api_v1_DescribeWorkflowRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_DescribeWorkflowResponse__Output>): grpc.ClientUnaryCall;
  DescribeWorkflow(argument: _eventual_api_v1_DescribeWorkflowRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_eventual_api_v1_DescribeWorkflowResponse__Output>): grpc.ClientUnaryCall;
  DescribeWorkflow(argument: _eventual_api_v1_DescribeWorkflowRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_DescribeWorkflowResponse__Output>): grpc.ClientUnaryCall;
  DescribeWorkflow(argument: _eventual_api_v1_DescribeWorkflowRequest, callback: grpc.requestCallback<_eventual_api_v1_DescribeWorkflowResponse__Output>): grpc.ClientUnaryCall;
  describeWorkflow(argument: _eventual_api_v1_DescribeWorkflowRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_DescribeWorkflowResponse__Output>): grpc.ClientUnaryCall;
  describeWorkflow(argument: _eventual_api_v1_DescribeWorkflowRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_eventual_api_v1_DescribeWorkflowResponse__Output>): grpc.ClientUnaryCall;
  describeWorkflow(argument: _eventual_api_v1_DescribeWorkflowRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_DescribeWorkflowResponse__Output>): grpc.ClientUnaryCall;
  describeWorkflow(argument: _eventual_api_v1_DescribeWorkflowRequest, callback: grpc.requestCallback<_eventual_api_v1_DescribeWorkflowResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * One page of a run's history, oldest event first.
   */
  GetWorkflowHistory(argument: _eventual_api_v1_GetWorkflowHistoryRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_GetWorkflowHistoryResponse__Output>): grpc.ClientUnaryCall;
  GetWorkflowHistory(argument: _eventual_api_v1_GetWorkflowHistoryRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_eventual_api_v1_GetWorkflowHistoryResponse__Output>): grpc.ClientUnaryCall;
  GetWorkflowHistory(argument: _eventual_api_v1_GetWorkflowHistoryRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_GetWorkflowHistoryResponse__Output>): grpc.ClientUnaryCall;
  GetWorkflowHistory(argument: _eventual_api_v1_GetWorkflowHistoryRequest, callback: grpc.requestCallback<_eventual_api_v1_GetWorkflowHistoryResponse__Output>): grpc.ClientUnaryCall;
  /**
   * One page of a run's history, oldest event first.
   */
  getWorkflowHistory(argument: _eventual_api_v1_GetWorkflowHistoryRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_GetWorkflowHistoryResponse__Output>): grpc.ClientUnaryCall;
  getWorkflowHistory(argument: _eventual_api_v1_GetWorkflowHistoryRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_eventual_api_v1_GetWorkflowHistoryResponse__Output>): grpc.ClientUnaryCall;
  getWorkflowHistory(argument: _eventual_api_v1_GetWorkflowHistoryRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_GetWorkflowHistoryResponse__Output>): grpc.ClientUnaryCall;
  getWorkflowHistory(argument: _eventual_api_v1_GetWorkflowHistoryRequest, callback: grpc.requestCallback<_eventual_api_v1_GetWorkflowHistoryResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Waits until the run is closed and returns how it ended. How long to wait is the call's
   * gRPC deadline: a run still open when it passes gives DEADLINE_EXCEEDED.
   */
  GetWorkflowResult(argument: _eventual_api_v1_GetWorkflowResultRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_GetWorkflowResultResponse__Output>): grpc.ClientUnaryCall;
  GetWorkflowResult(argument: _eventual_api_v1_GetWorkflowResultRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_eventual_api_v1_GetWorkflowResultResponse__Output>): grpc.ClientUnaryCall;
  GetWorkflowResult(argument: _eventual_api_v1_GetWorkflowResultRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_GetWorkflowResultResponse__Output>): grpc.ClientUnaryCall;
  GetWorkflowResult(argument: _eventual_api_v1_GetWorkflowResultRequest, callback: grpc.requestCallback<_eventual_api_v1_GetWorkflowResultResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Waits until the run is closed and returns how it ended. How long to wait is the call's
   * gRPC deadline: a run still open when it passes gives DEADLINE_EXCEEDED.
   */
  getWorkflowResult(argument: _eventual_api_v1_GetWorkflowResultRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_GetWorkflowResultResponse__Output>): grpc.ClientUnaryCall;
  getWorkflowResult(argument: _eventual_api_v1_GetWorkflowResultRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_eventual_api_v1_GetWorkflowResultResponse__Output>): grpc.ClientUnaryCall;
  getWorkflowResult(argument: _eventual_api_v1_GetWorkflowResultRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_GetWorkflowResultResponse__Output>): grpc.ClientUnaryCall;
  getWorkflowResult(argument: _eventual_api_v1_GetWorkflowResultRequest, callback: grpc.requestCallback<_eventual_api_v1_GetWorkflowResultResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Runs matching a filter, newest start first.
   */
  ListWorkflows(argument: _eventual_api_v1_ListWorkflowsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_ListWorkflowsResponse__Output>): grpc.ClientUnaryCall;
  ListWorkflows(argument: _eventual_api_v1_ListWorkflowsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_eventual_api_v1_ListWorkflowsResponse__Output>): grpc.ClientUnaryCall;
  ListWorkflows(argument: _eventual_api_v1_ListWorkflowsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_ListWorkflowsResponse__Output>): grpc.ClientUnaryCall;
  ListWorkflows(argument: _eventual_api_v1_ListWorkflowsRequest, callback: grpc.requestCallback<_eventual_api_v1_ListWorkflowsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Runs matching a filter, newest start first.
   */
  listWorkflows(argument: _eventual_api_v1_ListWorkflowsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_ListWorkflowsResponse__Output>): grpc.ClientUnaryCall;
  listWorkflows(argument: _eventual_api_v1_ListWorkflowsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_eventual_api_v1_ListWorkflowsResponse__Output>): grpc.ClientUnaryCall;
  listWorkflows(argument: _eventual_api_v1_ListWorkflowsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_ListWorkflowsResponse__Output>): grpc.ClientUnaryCall;
  listWorkflows(argument: _eventual_api_v1_ListWorkflowsRequest, callback: grpc.requestCallback<_eventual_api_v1_ListWorkflowsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Delivers a signal to the open run of workflow_id; deduplicated by request_id.
   */
  SignalWorkflow(argument: _eventual_api_v1_SignalWorkflowRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_SignalWorkflowResponse__Output>): grpc.ClientUnaryCall;
  SignalWorkflow(argument: _eventual_api_v1_SignalWorkflowRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_eventual_api_v1_SignalWorkflowResponse__Output>): grpc.ClientUnaryCall;
  SignalWorkflow(argument: _eventual_api_v1_SignalWorkflowRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_SignalWorkflowResponse__Output>): grpc.ClientUnaryCall;
  SignalWorkflow(argument: _eventual_api_v1_SignalWorkflowRequest, callback: grpc.requestCallback<_eventual_api_v1_SignalWorkflowResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Delivers a signal to the open run of workflow_id; deduplicated by request_id.
   */
  signalWorkflow(argument: _eventual_api_v1_SignalWorkflowRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_SignalWorkflowResponse__Output>): grpc.ClientUnaryCall;
  signalWorkflow(argument: _eventual_api_v1_SignalWorkflowRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_eventual_api_v1_SignalWorkflowResponse__Output>): grpc.ClientUnaryCall;
  signalWorkflow(argument: _eventual_api_v1_SignalWorkflowRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_SignalWorkflowResponse__Output>): grpc.ClientUnaryCall;
  signalWorkflow(argument: _eventual_api_v1_SignalWorkflowRequest, callback: grpc.requestCallback<_eventual_api_v1_SignalWorkflowResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Starts a run. Deduplicated by workflow_id + request_id: repeating a request returns the
   * first run with started = false; the same request_id with a different payload, or a new
   * request while a run with this workflow_id is open, is ALREADY_EXISTS.
   */
  StartWorkflow(argument: _eventual_api_v1_StartWorkflowRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_StartWorkflowResponse__Output>): grpc.ClientUnaryCall;
  StartWorkflow(argument: _eventual_api_v1_StartWorkflowRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_eventual_api_v1_StartWorkflowResponse__Output>): grpc.ClientUnaryCall;
  StartWorkflow(argument: _eventual_api_v1_StartWorkflowRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_StartWorkflowResponse__Output>): grpc.ClientUnaryCall;
  StartWorkflow(argument: _eventual_api_v1_StartWorkflowRequest, callback: grpc.requestCallback<_eventual_api_v1_StartWorkflowResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Starts a run. Deduplicated by workflow_id + request_id: repeating a request returns the
   * first run with started = false; the same request_id with a different payload, or a new
   * request while a run with this workflow_id is open, is ALREADY_EXISTS.
   */
  startWorkflow(argument: _eventual_api_v1_StartWorkflowRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_StartWorkflowResponse__Output>): grpc.ClientUnaryCall;
  startWorkflow(argument: _eventual_api_v1_StartWorkflowRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_eventual_api_v1_StartWorkflowResponse__Output>): grpc.ClientUnaryCall;
  startWorkflow(argument: _eventual_api_v1_StartWorkflowRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_StartWorkflowResponse__Output>): grpc.ClientUnaryCall;
  startWorkflow(argument: _eventual_api_v1_StartWorkflowRequest, callback: grpc.requestCallback<_eventual_api_v1_StartWorkflowResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Ends the open run at once, without running any more workflow code.
   */
  TerminateWorkflow(argument: _eventual_api_v1_TerminateWorkflowRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_TerminateWorkflowResponse__Output>): grpc.ClientUnaryCall;
  TerminateWorkflow(argument: _eventual_api_v1_TerminateWorkflowRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_eventual_api_v1_TerminateWorkflowResponse__Output>): grpc.ClientUnaryCall;
  TerminateWorkflow(argument: _eventual_api_v1_TerminateWorkflowRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_TerminateWorkflowResponse__Output>): grpc.ClientUnaryCall;
  TerminateWorkflow(argument: _eventual_api_v1_TerminateWorkflowRequest, callback: grpc.requestCallback<_eventual_api_v1_TerminateWorkflowResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Ends the open run at once, without running any more workflow code.
   */
  terminateWorkflow(argument: _eventual_api_v1_TerminateWorkflowRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_TerminateWorkflowResponse__Output>): grpc.ClientUnaryCall;
  terminateWorkflow(argument: _eventual_api_v1_TerminateWorkflowRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_eventual_api_v1_TerminateWorkflowResponse__Output>): grpc.ClientUnaryCall;
  terminateWorkflow(argument: _eventual_api_v1_TerminateWorkflowRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_eventual_api_v1_TerminateWorkflowResponse__Output>): grpc.ClientUnaryCall;
  terminateWorkflow(argument: _eventual_api_v1_TerminateWorkflowRequest, callback: grpc.requestCallback<_eventual_api_v1_TerminateWorkflowResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * The client API: start, signal, cancel, terminate, inspect and await workflow executions.
 * Used by applications, the CLI, the web UI and the tests (through libs/client).
 * 
 * Errors are gRPC statuses: INVALID_ARGUMENT (with a message naming the field), NOT_FOUND,
 * ALREADY_EXISTS, FAILED_PRECONDITION, RESOURCE_EXHAUSTED, UNAUTHENTICATED.
 */
export interface WorkflowServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Asks the open run to cancel; the workflow code decides how to wind down.
   */
  CancelWorkflow: grpc.handleUnaryCall<_eventual_api_v1_CancelWorkflowRequest__Output, _eventual_api_v1_CancelWorkflowResponse>;
  
  DescribeWorkflow: grpc.handleUnaryCall<_eventual_api_v1_DescribeWorkflowRequest__Output, _eventual_api_v1_DescribeWorkflowResponse>;
  
  /**
   * One page of a run's history, oldest event first.
   */
  GetWorkflowHistory: grpc.handleUnaryCall<_eventual_api_v1_GetWorkflowHistoryRequest__Output, _eventual_api_v1_GetWorkflowHistoryResponse>;
  
  /**
   * Waits until the run is closed and returns how it ended. How long to wait is the call's
   * gRPC deadline: a run still open when it passes gives DEADLINE_EXCEEDED.
   */
  GetWorkflowResult: grpc.handleUnaryCall<_eventual_api_v1_GetWorkflowResultRequest__Output, _eventual_api_v1_GetWorkflowResultResponse>;
  
  /**
   * Runs matching a filter, newest start first.
   */
  ListWorkflows: grpc.handleUnaryCall<_eventual_api_v1_ListWorkflowsRequest__Output, _eventual_api_v1_ListWorkflowsResponse>;
  
  /**
   * Delivers a signal to the open run of workflow_id; deduplicated by request_id.
   */
  SignalWorkflow: grpc.handleUnaryCall<_eventual_api_v1_SignalWorkflowRequest__Output, _eventual_api_v1_SignalWorkflowResponse>;
  
  /**
   * Starts a run. Deduplicated by workflow_id + request_id: repeating a request returns the
   * first run with started = false; the same request_id with a different payload, or a new
   * request while a run with this workflow_id is open, is ALREADY_EXISTS.
   */
  StartWorkflow: grpc.handleUnaryCall<_eventual_api_v1_StartWorkflowRequest__Output, _eventual_api_v1_StartWorkflowResponse>;
  
  /**
   * Ends the open run at once, without running any more workflow code.
   */
  TerminateWorkflow: grpc.handleUnaryCall<_eventual_api_v1_TerminateWorkflowRequest__Output, _eventual_api_v1_TerminateWorkflowResponse>;
  
}

export interface WorkflowServiceDefinition extends grpc.ServiceDefinition {
  CancelWorkflow: MethodDefinition<_eventual_api_v1_CancelWorkflowRequest, _eventual_api_v1_CancelWorkflowResponse, _eventual_api_v1_CancelWorkflowRequest__Output, _eventual_api_v1_CancelWorkflowResponse__Output>
  DescribeWorkflow: MethodDefinition<_eventual_api_v1_DescribeWorkflowRequest, _eventual_api_v1_DescribeWorkflowResponse, _eventual_api_v1_DescribeWorkflowRequest__Output, _eventual_api_v1_DescribeWorkflowResponse__Output>
  GetWorkflowHistory: MethodDefinition<_eventual_api_v1_GetWorkflowHistoryRequest, _eventual_api_v1_GetWorkflowHistoryResponse, _eventual_api_v1_GetWorkflowHistoryRequest__Output, _eventual_api_v1_GetWorkflowHistoryResponse__Output>
  GetWorkflowResult: MethodDefinition<_eventual_api_v1_GetWorkflowResultRequest, _eventual_api_v1_GetWorkflowResultResponse, _eventual_api_v1_GetWorkflowResultRequest__Output, _eventual_api_v1_GetWorkflowResultResponse__Output>
  ListWorkflows: MethodDefinition<_eventual_api_v1_ListWorkflowsRequest, _eventual_api_v1_ListWorkflowsResponse, _eventual_api_v1_ListWorkflowsRequest__Output, _eventual_api_v1_ListWorkflowsResponse__Output>
  SignalWorkflow: MethodDefinition<_eventual_api_v1_SignalWorkflowRequest, _eventual_api_v1_SignalWorkflowResponse, _eventual_api_v1_SignalWorkflowRequest__Output, _eventual_api_v1_SignalWorkflowResponse__Output>
  StartWorkflow: MethodDefinition<_eventual_api_v1_StartWorkflowRequest, _eventual_api_v1_StartWorkflowResponse, _eventual_api_v1_StartWorkflowRequest__Output, _eventual_api_v1_StartWorkflowResponse__Output>
  TerminateWorkflow: MethodDefinition<_eventual_api_v1_TerminateWorkflowRequest, _eventual_api_v1_TerminateWorkflowResponse, _eventual_api_v1_TerminateWorkflowRequest__Output, _eventual_api_v1_TerminateWorkflowResponse__Output>
}
