import type { CloseStatus, HistoryEvent, IdReusePolicy } from "@eventual/core";
import {
  ProtoMappingError,
  type WorkflowExecution,
  type WorkflowResult,
  type WorkflowStatus,
  failureFromProto,
  failureToProto,
  historyEventFromProto,
  historyEventToProto,
  idReusePolicyFromProto,
  idReusePolicyToProto,
  payloadFromProto,
  payloadToProto,
  statusFilterFromProto,
  statusFilterToProto,
  workflowCommandFromProto,
  workflowExecutionFromProto,
  workflowExecutionToProto,
  workflowResultFromProto,
  workflowResultToProto,
  workflowStatusFromProto,
  workflowStatusToProto,
} from "@eventual/client";

// Proto messages as a receiver sees them: every field present (the loader's defaults).
const asReceived = <T>(message: T): any => JSON.parse(JSON.stringify(message));

describe("mappers between the API and the core", () => {
  const statuses: WorkflowStatus[] = [
    "running",
    "completed",
    "failed",
    "cancelled",
    "terminated",
    "timed-out",
    "continued-as-new",
  ];

  it("map every workflow status both ways, one proto value each", () => {
    const protos = statuses.map(workflowStatusToProto);
    expect(new Set(protos).size).toBe(statuses.length);
    expect(protos.map((p) => workflowStatusFromProto(p, "status"))).toEqual(statuses);
    expect(() =>
      workflowStatusFromProto("WORKFLOW_EXECUTION_STATUS_UNSPECIFIED", "x.status"),
    ).toThrow("x.status: status is not set");
    expect(statusFilterFromProto(statusFilterToProto(undefined), "status")).toBeUndefined();
  });

  it("map every id reuse policy both ways; no policy is the server's default", () => {
    const policies: (IdReusePolicy | undefined)[] = [
      undefined,
      "allow-duplicate",
      "allow-duplicate-failed-only",
      "reject-duplicate",
    ];
    expect(policies.map((p) => idReusePolicyFromProto(idReusePolicyToProto(p), "p"))).toEqual(
      policies,
    );
  });

  it("carry payloads as JSON text, with undefined as no message", () => {
    expect(payloadToProto(undefined, "input")).toBeNull();
    expect(payloadToProto(null, "input")).toEqual({ json: "null" });
    expect(payloadFromProto(null, "input")).toBeUndefined();
    expect(payloadFromProto({ json: '{"a":[1,"b",null]}' }, "input")).toEqual({
      a: [1, "b", null],
    });
    expect(() => payloadToProto(() => 1, "input")).toThrow(
      new ProtoMappingError("input", "is not JSON-serializable (a function)"),
    );
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => payloadToProto(cyclic, "details")).toThrow(/^details: is not JSON-serializable/);
    expect(() => payloadFromProto({ json: "" }, "result")).toThrow(
      /^result\.json: is not valid JSON/,
    );
  });

  it("round-trip a failure chain, leaving unset fields out", () => {
    const failure = {
      type: "A",
      message: "a",
      nonRetryable: true,
      details: [1],
      cause: { type: "B", message: "b", stack: "at b" },
    };
    expect(failureFromProto(asReceived(failureToProto(failure, "failure")), "failure")).toEqual(
      failure,
    );
  });

  it("round-trip history events, and refuse unknown types and non-object data", () => {
    const event: HistoryEvent = {
      eventId: 4,
      timestamp: 99,
      type: "TimerFired",
      data: { seq: 2, timerId: "user/2" },
    };
    expect(historyEventFromProto(asReceived(historyEventToProto(event)), "e")).toEqual(event);
    expect(() =>
      historyEventFromProto(
        { eventId: 1, timestampMs: 1, type: "constructor", dataJson: "{}" },
        "events[0]",
      ),
    ).toThrow('events[0].type: unknown event type "constructor"');
    expect(() =>
      historyEventFromProto(
        { eventId: 1, timestampMs: 1, type: "TimerFired", dataJson: "[1]" },
        "e",
      ),
    ).toThrow("e.data_json: must be a JSON object");
    expect(() =>
      workflowCommandFromProto({ type: "DropTables", dataJson: "{}" }, "commands[2]"),
    ).toThrow('commands[2].type: unknown command type "DropTables"');
    expect(workflowCommandFromProto({ type: "CancelTimer", dataJson: '{"seq":3}' }, "c")).toEqual({
      type: "CancelTimer",
      data: { seq: 3 },
    });
  });

  it("round-trip executions and results through the server-side helpers", () => {
    const execution: WorkflowExecution = {
      workflowId: "w",
      runId: "r",
      workflowType: "t",
      taskQueue: "q",
      status: "failed",
      startTimeMs: 10,
      closeTimeMs: 20,
      failure: { type: "E", message: "m" },
      historyLength: 7,
    };
    expect(
      workflowExecutionFromProto(asReceived(workflowExecutionToProto(execution)), "execution"),
    ).toEqual(execution);
    const closed: CloseStatus[] = ["cancelled", "terminated", "timed-out", "continued-as-new"];
    const results: WorkflowResult[] = [
      { runId: "r", status: "completed", result: { ok: 1 } },
      { runId: "r", status: "failed", failure: { type: "E", message: "m" } },
      ...closed.map((status) => ({ runId: "r", status }) as WorkflowResult),
    ];
    for (const result of results)
      expect(workflowResultFromProto(asReceived(workflowResultToProto(result)))).toEqual(result);
  });
});
