import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { AckTaskRequest as _eventual_internal_v1_AckTaskRequest, AckTaskRequest__Output as _eventual_internal_v1_AckTaskRequest__Output } from './eventual/internal/v1/AckTaskRequest';
import type { AckTaskResponse as _eventual_internal_v1_AckTaskResponse, AckTaskResponse__Output as _eventual_internal_v1_AckTaskResponse__Output } from './eventual/internal/v1/AckTaskResponse';
import type { MatchingServiceClient as _eventual_internal_v1_MatchingServiceClient, MatchingServiceDefinition as _eventual_internal_v1_MatchingServiceDefinition } from './eventual/internal/v1/MatchingService';
import type { PollTaskRequest as _eventual_internal_v1_PollTaskRequest, PollTaskRequest__Output as _eventual_internal_v1_PollTaskRequest__Output } from './eventual/internal/v1/PollTaskRequest';
import type { PollTaskResponse as _eventual_internal_v1_PollTaskResponse, PollTaskResponse__Output as _eventual_internal_v1_PollTaskResponse__Output } from './eventual/internal/v1/PollTaskResponse';
import type { ReleaseTaskRequest as _eventual_internal_v1_ReleaseTaskRequest, ReleaseTaskRequest__Output as _eventual_internal_v1_ReleaseTaskRequest__Output } from './eventual/internal/v1/ReleaseTaskRequest';
import type { ReleaseTaskResponse as _eventual_internal_v1_ReleaseTaskResponse, ReleaseTaskResponse__Output as _eventual_internal_v1_ReleaseTaskResponse__Output } from './eventual/internal/v1/ReleaseTaskResponse';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  eventual: {
    internal: {
      v1: {
        AckTaskRequest: MessageTypeDefinition<_eventual_internal_v1_AckTaskRequest, _eventual_internal_v1_AckTaskRequest__Output>
        AckTaskResponse: MessageTypeDefinition<_eventual_internal_v1_AckTaskResponse, _eventual_internal_v1_AckTaskResponse__Output>
        /**
         * The matching service's internal API, called by the gateway only (never by users or
         * workers). Each matching instance owns some partitions of matching.tasks (its consumer
         * group decides which), so a queue's tasks are spread over every instance: the gateway polls
         * all instances at once for a worker's poll, hands the first task that comes to the worker,
         * and releases every further one (ReleaseTask). After handing a task to a worker it confirms
         * with AckTask at the instance that gave it out; a task neither acked nor released goes back
         * to its queue after the instance's lease time.
         */
        MatchingService: SubtypeConstructor<typeof grpc.Client, _eventual_internal_v1_MatchingServiceClient> & { service: _eventual_internal_v1_MatchingServiceDefinition }
        PollTaskRequest: MessageTypeDefinition<_eventual_internal_v1_PollTaskRequest, _eventual_internal_v1_PollTaskRequest__Output>
        PollTaskResponse: MessageTypeDefinition<_eventual_internal_v1_PollTaskResponse, _eventual_internal_v1_PollTaskResponse__Output>
        ReleaseTaskRequest: MessageTypeDefinition<_eventual_internal_v1_ReleaseTaskRequest, _eventual_internal_v1_ReleaseTaskRequest__Output>
        ReleaseTaskResponse: MessageTypeDefinition<_eventual_internal_v1_ReleaseTaskResponse, _eventual_internal_v1_ReleaseTaskResponse__Output>
        TaskKind: EnumTypeDefinition
      }
    }
  }
}

