import type { CloseStatus, IdReusePolicy } from "@eventual/core";
import type { v1 } from "@eventual/proto";
import { ProtoMappingError } from "./proto-mapping.error";

/** The status of a run in the core's words: running, or how it closed. */
export type WorkflowStatus = "running" | CloseStatus;

type ProtoStatus = v1.WorkflowExecutionStatus__Output;
type ProtoIdReusePolicy = v1.IdReusePolicy__Output;

export function workflowStatusToProto(status: WorkflowStatus): ProtoStatus {
  switch (status) {
    case "running":
      return "WORKFLOW_EXECUTION_STATUS_RUNNING";
    case "completed":
      return "WORKFLOW_EXECUTION_STATUS_COMPLETED";
    case "failed":
      return "WORKFLOW_EXECUTION_STATUS_FAILED";
    case "cancelled":
      return "WORKFLOW_EXECUTION_STATUS_CANCELLED";
    case "terminated":
      return "WORKFLOW_EXECUTION_STATUS_TERMINATED";
    case "timed-out":
      return "WORKFLOW_EXECUTION_STATUS_TIMED_OUT";
    case "continued-as-new":
      return "WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW";
    default: {
      const unreachable: never = status;
      throw new ProtoMappingError("status", `unknown workflow status "${String(unreachable)}"`);
    }
  }
}

/** A run's status; UNSPECIFIED (or a value newer than this client) is a malformed reply. */
export function workflowStatusFromProto(status: ProtoStatus, field: string): WorkflowStatus {
  switch (status) {
    case "WORKFLOW_EXECUTION_STATUS_RUNNING":
      return "running";
    case "WORKFLOW_EXECUTION_STATUS_COMPLETED":
      return "completed";
    case "WORKFLOW_EXECUTION_STATUS_FAILED":
      return "failed";
    case "WORKFLOW_EXECUTION_STATUS_CANCELLED":
      return "cancelled";
    case "WORKFLOW_EXECUTION_STATUS_TERMINATED":
      return "terminated";
    case "WORKFLOW_EXECUTION_STATUS_TIMED_OUT":
      return "timed-out";
    case "WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW":
      return "continued-as-new";
    case "WORKFLOW_EXECUTION_STATUS_UNSPECIFIED":
      throw new ProtoMappingError(field, "status is not set");
    default: {
      const unreachable: never = status;
      throw new ProtoMappingError(field, `unknown workflow status ${String(unreachable)}`);
    }
  }
}

/** A status filter: no filter is UNSPECIFIED ("any status"). */
export function statusFilterToProto(status: WorkflowStatus | undefined): ProtoStatus {
  return status === undefined
    ? "WORKFLOW_EXECUTION_STATUS_UNSPECIFIED"
    : workflowStatusToProto(status);
}

/** A status filter as received by a server: UNSPECIFIED means any status. */
export function statusFilterFromProto(
  status: ProtoStatus,
  field: string,
): WorkflowStatus | undefined {
  return status === "WORKFLOW_EXECUTION_STATUS_UNSPECIFIED"
    ? undefined
    : workflowStatusFromProto(status, field);
}

export function idReusePolicyToProto(policy: IdReusePolicy | undefined): ProtoIdReusePolicy {
  switch (policy) {
    case undefined:
      return "ID_REUSE_POLICY_UNSPECIFIED";
    case "allow-duplicate":
      return "ID_REUSE_POLICY_ALLOW_DUPLICATE";
    case "allow-duplicate-failed-only":
      return "ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY";
    case "reject-duplicate":
      return "ID_REUSE_POLICY_REJECT_DUPLICATE";
    default: {
      const unreachable: never = policy;
      throw new ProtoMappingError("idReusePolicy", `unknown policy "${String(unreachable)}"`);
    }
  }
}

/** The policy a StartWorkflow request asked for; UNSPECIFIED leaves the server's default. */
export function idReusePolicyFromProto(
  policy: ProtoIdReusePolicy,
  field: string,
): IdReusePolicy | undefined {
  switch (policy) {
    case "ID_REUSE_POLICY_UNSPECIFIED":
      return undefined;
    case "ID_REUSE_POLICY_ALLOW_DUPLICATE":
      return "allow-duplicate";
    case "ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY":
      return "allow-duplicate-failed-only";
    case "ID_REUSE_POLICY_REJECT_DUPLICATE":
      return "reject-duplicate";
    default: {
      const unreachable: never = policy;
      throw new ProtoMappingError(field, `unknown id reuse policy ${String(unreachable)}`);
    }
  }
}
