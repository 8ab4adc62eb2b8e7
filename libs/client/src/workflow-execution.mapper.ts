import type { v1 } from "@eventual/proto";
import type { WorkflowExecution, WorkflowResult } from "./client-types";
import {
  failureToProto,
  payloadFromProto,
  payloadToProto,
  requiredFailureFromProto,
} from "./payload.mapper";
import { ProtoMappingError } from "./proto-mapping.error";
import { optionalMillis } from "./time.mapper";
import { workflowStatusFromProto, workflowStatusToProto } from "./workflow-status.mapper";

/** A run as the API reports it; for servers answering DescribeWorkflow and ListWorkflows. */
export function workflowExecutionToProto(execution: WorkflowExecution): v1.WorkflowExecutionInfo {
  return {
    workflowId: execution.workflowId,
    runId: execution.runId,
    workflowType: execution.workflowType,
    taskQueue: execution.taskQueue,
    status: workflowStatusToProto(execution.status),
    startTimeMs: execution.startTimeMs,
    closeTimeMs: execution.closeTimeMs ?? 0,
    result: payloadToProto(execution.result, "result"),
    failure: execution.failure ? failureToProto(execution.failure, "failure") : null,
    historyLength: execution.historyLength,
  };
}

export function workflowExecutionFromProto(
  info: v1.WorkflowExecutionInfo__Output | null,
  field: string,
): WorkflowExecution {
  if (!info) throw new ProtoMappingError(field, "is missing");
  const execution: WorkflowExecution = {
    workflowId: info.workflowId,
    runId: info.runId,
    workflowType: info.workflowType,
    taskQueue: info.taskQueue,
    status: workflowStatusFromProto(info.status, `${field}.status`),
    startTimeMs: info.startTimeMs,
    historyLength: info.historyLength,
  };
  const closeTimeMs = optionalMillis(info.closeTimeMs);
  if (closeTimeMs !== undefined) execution.closeTimeMs = closeTimeMs;
  const result = payloadFromProto(info.result, `${field}.result`);
  if (result !== undefined) execution.result = result;
  if (info.failure) execution.failure = requiredFailureFromProto(info.failure, `${field}.failure`);
  return execution;
}

/** How a closed run ended, as the API reports it; for servers answering GetWorkflowResult. */
export function workflowResultToProto(outcome: WorkflowResult): v1.GetWorkflowResultResponse {
  const base = { runId: outcome.runId, status: workflowStatusToProto(outcome.status) };
  switch (outcome.status) {
    case "completed":
      return { ...base, result: payloadToProto(outcome.result, "result") };
    case "failed":
      return { ...base, failure: failureToProto(outcome.failure, "failure") };
    case "cancelled":
    case "terminated":
    case "timed-out":
    case "continued-as-new":
      return base;
    default: {
      const unreachable: never = outcome;
      throw new ProtoMappingError("status", `unknown outcome ${JSON.stringify(unreachable)}`);
    }
  }
}

export function workflowResultFromProto<TResult>(
  reply: v1.GetWorkflowResultResponse__Output,
): WorkflowResult<TResult> {
  const status = workflowStatusFromProto(reply.status, "status");
  const runId = reply.runId;
  switch (status) {
    case "completed":
      return { runId, status, result: payloadFromProto(reply.result, "result") as TResult };
    case "failed":
      return { runId, status, failure: requiredFailureFromProto(reply.failure, "failure") };
    case "cancelled":
    case "terminated":
    case "timed-out":
    case "continued-as-new":
      return { runId, status };
    case "running":
      throw new ProtoMappingError(
        "status",
        "GetWorkflowResult answered for a run that is still running",
      );
    default: {
      const unreachable: never = status;
      throw new ProtoMappingError("status", `unknown status ${String(unreachable)}`);
    }
  }
}
