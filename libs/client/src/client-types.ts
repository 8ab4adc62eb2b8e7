import type { DurationInput, Failure, HistoryEvent, IdReusePolicy } from "@eventual/core";
import type { WorkflowStatus } from "./workflow-status.mapper";

/** What `startWorkflow` needs. */
export interface StartWorkflowRequest<TInput = unknown> {
  workflowId: string;
  /** The name the workflow was registered under, e.g. `workflow("reminder", ...)`. */
  workflowType: string;
  taskQueue: string;
  /** Any JSON-serializable value; omitted means the workflow gets `undefined`. */
  input?: TInput;
  /**
   * Makes the start idempotent. Defaults to a fresh UUID per call; pass your own to make a
   * retry from another process (or after a crash) return the same run.
   */
  requestId?: string;
  /** What to do if `workflowId` already ran and is closed. Server default: allow-duplicate. */
  idReusePolicy?: IdReusePolicy;
  /** Limit on the whole run; none when omitted. */
  executionTimeout?: DurationInput;
  /** Limit on one workflow task; the server's default when omitted. */
  taskTimeout?: DurationInput;
}

export interface StartWorkflowResult {
  runId: string;
  /** False when the request repeated an earlier one and `runId` is the run that one started. */
  started: boolean;
}

export interface SignalWorkflowRequest<TInput = unknown> {
  workflowId: string;
  signalName: string;
  input?: TInput;
  /** Deduplicates deliveries; a fresh UUID per call when omitted. */
  requestId?: string;
}

export interface CancelWorkflowRequest {
  workflowId: string;
  reason?: string;
  /** Deduplicates requests; a fresh UUID per call when omitted. */
  requestId?: string;
}

export interface TerminateWorkflowRequest {
  workflowId: string;
  reason?: string;
}

/** Names one run; without `runId`, the latest run of the workflow id. */
export interface WorkflowRunRef {
  workflowId: string;
  runId?: string;
}

/** One run, as DescribeWorkflow and ListWorkflows report it. Times are epoch milliseconds. */
export interface WorkflowExecution {
  workflowId: string;
  runId: string;
  workflowType: string;
  taskQueue: string;
  status: WorkflowStatus;
  startTimeMs: number;
  /** Absent while the run is open. */
  closeTimeMs?: number;
  /** The workflow's return value, when `status` is "completed". */
  result?: unknown;
  /** Why it failed, when `status` is "failed". */
  failure?: Failure;
  /** Number of events in the run's history. */
  historyLength: number;
}

export interface GetWorkflowHistoryRequest extends WorkflowRunRef {
  /** The server's default when omitted. */
  pageSize?: number;
  /** `nextPageToken` of the previous page. */
  pageToken?: string;
}

export interface HistoryPage {
  events: HistoryEvent[];
  /** Absent on the last page. */
  nextPageToken?: string;
}

export interface ListWorkflowsRequest {
  workflowType?: string;
  status?: WorkflowStatus;
  /** Runs started at or after this time. */
  startTimeFrom?: Date | number;
  /** Runs started before this time. */
  startTimeTo?: Date | number;
  pageSize?: number;
  pageToken?: string;
}

export interface WorkflowExecutionPage {
  executions: WorkflowExecution[];
  /** Absent on the last page. */
  nextPageToken?: string;
}

/** How a closed run ended. */
export type WorkflowResult<TResult = unknown> = { runId: string } & (
  | { status: "completed"; result: TResult }
  | { status: "failed"; failure: Failure }
  | { status: "cancelled" | "terminated" | "timed-out" | "continued-as-new" }
);
