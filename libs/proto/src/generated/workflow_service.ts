import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { CancelWorkflowRequest as _eventual_api_v1_CancelWorkflowRequest, CancelWorkflowRequest__Output as _eventual_api_v1_CancelWorkflowRequest__Output } from './eventual/api/v1/CancelWorkflowRequest';
import type { CancelWorkflowResponse as _eventual_api_v1_CancelWorkflowResponse, CancelWorkflowResponse__Output as _eventual_api_v1_CancelWorkflowResponse__Output } from './eventual/api/v1/CancelWorkflowResponse';
import type { DescribeWorkflowRequest as _eventual_api_v1_DescribeWorkflowRequest, DescribeWorkflowRequest__Output as _eventual_api_v1_DescribeWorkflowRequest__Output } from './eventual/api/v1/DescribeWorkflowRequest';
import type { DescribeWorkflowResponse as _eventual_api_v1_DescribeWorkflowResponse, DescribeWorkflowResponse__Output as _eventual_api_v1_DescribeWorkflowResponse__Output } from './eventual/api/v1/DescribeWorkflowResponse';
import type { Failure as _eventual_api_v1_Failure, Failure__Output as _eventual_api_v1_Failure__Output } from './eventual/api/v1/Failure';
import type { GetWorkflowHistoryRequest as _eventual_api_v1_GetWorkflowHistoryRequest, GetWorkflowHistoryRequest__Output as _eventual_api_v1_GetWorkflowHistoryRequest__Output } from './eventual/api/v1/GetWorkflowHistoryRequest';
import type { GetWorkflowHistoryResponse as _eventual_api_v1_GetWorkflowHistoryResponse, GetWorkflowHistoryResponse__Output as _eventual_api_v1_GetWorkflowHistoryResponse__Output } from './eventual/api/v1/GetWorkflowHistoryResponse';
import type { GetWorkflowResultRequest as _eventual_api_v1_GetWorkflowResultRequest, GetWorkflowResultRequest__Output as _eventual_api_v1_GetWorkflowResultRequest__Output } from './eventual/api/v1/GetWorkflowResultRequest';
import type { GetWorkflowResultResponse as _eventual_api_v1_GetWorkflowResultResponse, GetWorkflowResultResponse__Output as _eventual_api_v1_GetWorkflowResultResponse__Output } from './eventual/api/v1/GetWorkflowResultResponse';
import type { HistoryEvent as _eventual_api_v1_HistoryEvent, HistoryEvent__Output as _eventual_api_v1_HistoryEvent__Output } from './eventual/api/v1/HistoryEvent';
import type { ListWorkflowsRequest as _eventual_api_v1_ListWorkflowsRequest, ListWorkflowsRequest__Output as _eventual_api_v1_ListWorkflowsRequest__Output } from './eventual/api/v1/ListWorkflowsRequest';
import type { ListWorkflowsResponse as _eventual_api_v1_ListWorkflowsResponse, ListWorkflowsResponse__Output as _eventual_api_v1_ListWorkflowsResponse__Output } from './eventual/api/v1/ListWorkflowsResponse';
import type { Payload as _eventual_api_v1_Payload, Payload__Output as _eventual_api_v1_Payload__Output } from './eventual/api/v1/Payload';
import type { SignalWorkflowRequest as _eventual_api_v1_SignalWorkflowRequest, SignalWorkflowRequest__Output as _eventual_api_v1_SignalWorkflowRequest__Output } from './eventual/api/v1/SignalWorkflowRequest';
import type { SignalWorkflowResponse as _eventual_api_v1_SignalWorkflowResponse, SignalWorkflowResponse__Output as _eventual_api_v1_SignalWorkflowResponse__Output } from './eventual/api/v1/SignalWorkflowResponse';
import type { StartWorkflowRequest as _eventual_api_v1_StartWorkflowRequest, StartWorkflowRequest__Output as _eventual_api_v1_StartWorkflowRequest__Output } from './eventual/api/v1/StartWorkflowRequest';
import type { StartWorkflowResponse as _eventual_api_v1_StartWorkflowResponse, StartWorkflowResponse__Output as _eventual_api_v1_StartWorkflowResponse__Output } from './eventual/api/v1/StartWorkflowResponse';
import type { TerminateWorkflowRequest as _eventual_api_v1_TerminateWorkflowRequest, TerminateWorkflowRequest__Output as _eventual_api_v1_TerminateWorkflowRequest__Output } from './eventual/api/v1/TerminateWorkflowRequest';
import type { TerminateWorkflowResponse as _eventual_api_v1_TerminateWorkflowResponse, TerminateWorkflowResponse__Output as _eventual_api_v1_TerminateWorkflowResponse__Output } from './eventual/api/v1/TerminateWorkflowResponse';
import type { WorkflowCommand as _eventual_api_v1_WorkflowCommand, WorkflowCommand__Output as _eventual_api_v1_WorkflowCommand__Output } from './eventual/api/v1/WorkflowCommand';
import type { WorkflowExecutionInfo as _eventual_api_v1_WorkflowExecutionInfo, WorkflowExecutionInfo__Output as _eventual_api_v1_WorkflowExecutionInfo__Output } from './eventual/api/v1/WorkflowExecutionInfo';
import type { WorkflowServiceClient as _eventual_api_v1_WorkflowServiceClient, WorkflowServiceDefinition as _eventual_api_v1_WorkflowServiceDefinition } from './eventual/api/v1/WorkflowService';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  eventual: {
    api: {
      v1: {
        CancelWorkflowRequest: MessageTypeDefinition<_eventual_api_v1_CancelWorkflowRequest, _eventual_api_v1_CancelWorkflowRequest__Output>
        CancelWorkflowResponse: MessageTypeDefinition<_eventual_api_v1_CancelWorkflowResponse, _eventual_api_v1_CancelWorkflowResponse__Output>
        DescribeWorkflowRequest: MessageTypeDefinition<_eventual_api_v1_DescribeWorkflowRequest, _eventual_api_v1_DescribeWorkflowRequest__Output>
        DescribeWorkflowResponse: MessageTypeDefinition<_eventual_api_v1_DescribeWorkflowResponse, _eventual_api_v1_DescribeWorkflowResponse__Output>
        Failure: MessageTypeDefinition<_eventual_api_v1_Failure, _eventual_api_v1_Failure__Output>
        GetWorkflowHistoryRequest: MessageTypeDefinition<_eventual_api_v1_GetWorkflowHistoryRequest, _eventual_api_v1_GetWorkflowHistoryRequest__Output>
        GetWorkflowHistoryResponse: MessageTypeDefinition<_eventual_api_v1_GetWorkflowHistoryResponse, _eventual_api_v1_GetWorkflowHistoryResponse__Output>
        GetWorkflowResultRequest: MessageTypeDefinition<_eventual_api_v1_GetWorkflowResultRequest, _eventual_api_v1_GetWorkflowResultRequest__Output>
        GetWorkflowResultResponse: MessageTypeDefinition<_eventual_api_v1_GetWorkflowResultResponse, _eventual_api_v1_GetWorkflowResultResponse__Output>
        HistoryEvent: MessageTypeDefinition<_eventual_api_v1_HistoryEvent, _eventual_api_v1_HistoryEvent__Output>
        IdReusePolicy: EnumTypeDefinition
        ListWorkflowsRequest: MessageTypeDefinition<_eventual_api_v1_ListWorkflowsRequest, _eventual_api_v1_ListWorkflowsRequest__Output>
        ListWorkflowsResponse: MessageTypeDefinition<_eventual_api_v1_ListWorkflowsResponse, _eventual_api_v1_ListWorkflowsResponse__Output>
        Payload: MessageTypeDefinition<_eventual_api_v1_Payload, _eventual_api_v1_Payload__Output>
        SignalWorkflowRequest: MessageTypeDefinition<_eventual_api_v1_SignalWorkflowRequest, _eventual_api_v1_SignalWorkflowRequest__Output>
        SignalWorkflowResponse: MessageTypeDefinition<_eventual_api_v1_SignalWorkflowResponse, _eventual_api_v1_SignalWorkflowResponse__Output>
        StartWorkflowRequest: MessageTypeDefinition<_eventual_api_v1_StartWorkflowRequest, _eventual_api_v1_StartWorkflowRequest__Output>
        StartWorkflowResponse: MessageTypeDefinition<_eventual_api_v1_StartWorkflowResponse, _eventual_api_v1_StartWorkflowResponse__Output>
        TerminateWorkflowRequest: MessageTypeDefinition<_eventual_api_v1_TerminateWorkflowRequest, _eventual_api_v1_TerminateWorkflowRequest__Output>
        TerminateWorkflowResponse: MessageTypeDefinition<_eventual_api_v1_TerminateWorkflowResponse, _eventual_api_v1_TerminateWorkflowResponse__Output>
        WorkflowCommand: MessageTypeDefinition<_eventual_api_v1_WorkflowCommand, _eventual_api_v1_WorkflowCommand__Output>
        WorkflowExecutionInfo: MessageTypeDefinition<_eventual_api_v1_WorkflowExecutionInfo, _eventual_api_v1_WorkflowExecutionInfo__Output>
        WorkflowExecutionStatus: EnumTypeDefinition
        /**
         * The client API: start, signal, cancel, terminate, inspect and await workflow executions.
         * Used by applications, the CLI, the web UI and the tests (through libs/client).
         * 
         * Errors are gRPC statuses: INVALID_ARGUMENT (with a message naming the field), NOT_FOUND,
         * ALREADY_EXISTS, FAILED_PRECONDITION, RESOURCE_EXHAUSTED, UNAUTHENTICATED.
         */
        WorkflowService: SubtypeConstructor<typeof grpc.Client, _eventual_api_v1_WorkflowServiceClient> & { service: _eventual_api_v1_WorkflowServiceDefinition }
      }
    }
  }
}

