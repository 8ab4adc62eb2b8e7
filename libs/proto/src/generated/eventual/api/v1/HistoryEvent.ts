// Original file: eventual/api/v1/common.proto

import type { Long } from '@grpc/proto-loader';

/**
 * One entry of a run's history. The event body is the core's HistoryEvent data as JSON,
 * keyed by type: the core's event union has some thirty variants that change as the engine
 * grows, and mirroring each in protobuf would give two schemas to keep in step. The
 * gateway and the client check the type against the core's list.
 */
export interface HistoryEvent {
  /**
   * 1 for WorkflowStarted; ids of one run have no gaps.
   */
  'eventId'?: (number | string | Long);
  'timestampMs'?: (number | string | Long);
  /**
   * The core's event type, e.g. "WorkflowStarted", "ActivityTaskCompleted".
   */
  'type'?: (string);
  /**
   * JSON of the event's data object, exactly as the core defines it for this type.
   */
  'dataJson'?: (string);
}

/**
 * One entry of a run's history. The event body is the core's HistoryEvent data as JSON,
 * keyed by type: the core's event union has some thirty variants that change as the engine
 * grows, and mirroring each in protobuf would give two schemas to keep in step. The
 * gateway and the client check the type against the core's list.
 */
export interface HistoryEvent__Output {
  /**
   * 1 for WorkflowStarted; ids of one run have no gaps.
   */
  'eventId': (number);
  'timestampMs': (number);
  /**
   * The core's event type, e.g. "WorkflowStarted", "ActivityTaskCompleted".
   */
  'type': (string);
  /**
   * JSON of the event's data object, exactly as the core defines it for this type.
   */
  'dataJson': (string);
}
