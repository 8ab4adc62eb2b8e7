import type { IdReusePolicy, StartWorkflowData } from "@eventual/core";
import type { v1 } from "@eventual/proto";
import { optionalDurationMs, optionalId, payload, requireId } from "./field.validator";
import { DEFAULT_REQUEST_LIMITS, InvalidArgumentError, type RequestLimits } from "./invalid-argument.error";

/** A checked StartWorkflow request, short of what the gateway adds (run id, time). */
export type ValidStart = Omit<StartWorkflowData, "runId" | "requestId"> & { requestId?: string };

/**
 * Checks a StartWorkflow request field by field; throws `InvalidArgumentError` naming the first
 * bad field. Nothing is written before this passes (DESIGN §3.6).
 *
 * @example
 * const start = validateStartWorkflow(request);  // throws InvalidArgumentError("workflow_id: is required")
 */
export function validateStartWorkflow(request: v1.StartWorkflowRequest, limits: RequestLimits = DEFAULT_REQUEST_LIMITS): ValidStart {
  const input = payload("input", request.input, limits);
  const start: ValidStart = {
    workflowId: requireId("workflow_id", request.workflowId, limits),
    workflowType: requireId("workflow_type", request.workflowType, limits),
    taskQueue: requireId("task_queue", request.taskQueue, limits),
    input: input === undefined ? null : input,
    idReusePolicy: idReusePolicy(request.idReusePolicy),
  };
  const requestId = optionalId("request_id", request.requestId, limits);
  if (requestId) start.requestId = requestId;
  const executionTimeoutMs = optionalDurationMs("execution_timeout_ms", request.executionTimeoutMs as number | string | undefined, limits);
  if (executionTimeoutMs !== undefined) start.executionTimeoutMs = executionTimeoutMs;
  const taskTimeoutMs = optionalDurationMs("task_timeout_ms", request.taskTimeoutMs as number | string | undefined, limits);
  if (taskTimeoutMs !== undefined) start.taskTimeoutMs = taskTimeoutMs;
  return start;
}

function idReusePolicy(value: v1.StartWorkflowRequest["idReusePolicy"]): IdReusePolicy {
  const name = typeof value === "number" ? NUMBERED_POLICIES[value] : value;
  if (name === undefined) return "allow-duplicate";
  switch (name) {
    case "ID_REUSE_POLICY_UNSPECIFIED":
    case "ID_REUSE_POLICY_ALLOW_DUPLICATE":
      return "allow-duplicate";
    case "ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY":
      return "allow-duplicate-failed-only";
    case "ID_REUSE_POLICY_REJECT_DUPLICATE":
      return "reject-duplicate";
    default:
      return unknownPolicy(name);
  }
}

const NUMBERED_POLICIES: Record<number, v1.IdReusePolicy__Output | undefined> = {
  0: "ID_REUSE_POLICY_UNSPECIFIED",
  1: "ID_REUSE_POLICY_ALLOW_DUPLICATE",
  2: "ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY",
  3: "ID_REUSE_POLICY_REJECT_DUPLICATE",
};

function unknownPolicy(name: never): never {
  throw new InvalidArgumentError("id_reuse_policy", `unknown value ${String(name)}`);
}

export interface ValidSignal {
  workflowId: string;
  signalName: string;
  input: unknown;
  requestId?: string;
}

export function validateSignalWorkflow(request: v1.SignalWorkflowRequest, limits: RequestLimits = DEFAULT_REQUEST_LIMITS): ValidSignal {
  const input = payload("input", request.input, limits);
  const signal: ValidSignal = {
    workflowId: requireId("workflow_id", request.workflowId, limits),
    signalName: requireId("signal_name", request.signalName, limits),
    input: input === undefined ? null : input,
  };
  const requestId = optionalId("request_id", request.requestId, limits);
  if (requestId) signal.requestId = requestId;
  return signal;
}

export function validateCancelWorkflow(request: v1.CancelWorkflowRequest, limits: RequestLimits = DEFAULT_REQUEST_LIMITS) {
  return {
    workflowId: requireId("workflow_id", request.workflowId, limits),
    reason: reason(request.reason, limits),
    requestId: optionalId("request_id", request.requestId, limits),
  };
}

export function validateTerminateWorkflow(request: v1.TerminateWorkflowRequest, limits: RequestLimits = DEFAULT_REQUEST_LIMITS) {
  return { workflowId: requireId("workflow_id", request.workflowId, limits), reason: reason(request.reason, limits) };
}

function reason(value: string | undefined, limits: RequestLimits): string {
  if (value && value.length > limits.maxIdLength * 4) {
    throw new InvalidArgumentError("reason", `is ${value.length} characters long; the limit is ${limits.maxIdLength * 4}`);
  }
  return value ?? "";
}
