import { InvalidArgumentError } from "../src/validation/invalid-argument.error";
import {
  validateCancelWorkflow,
  validateSignalWorkflow,
  validateStartWorkflow,
  validateTerminateWorkflow,
} from "../src/validation/workflow-request.validator";

const good = {
  workflowId: "order-42",
  workflowType: "processOrder",
  taskQueue: "orders",
  input: { json: '{"amount":12}' },
  requestId: "req-1",
};

function problem(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArgumentError);
    return (error as Error).message;
  }
  throw new Error("expected an InvalidArgumentError");
}

describe("StartWorkflow validation", () => {
  it("accepts a good request and reads its payload and timeouts", () => {
    expect(validateStartWorkflow({ ...good, executionTimeoutMs: "60000", idReusePolicy: "ID_REUSE_POLICY_REJECT_DUPLICATE" })).toEqual({
      workflowId: "order-42",
      workflowType: "processOrder",
      taskQueue: "orders",
      input: { amount: 12 },
      requestId: "req-1",
      executionTimeoutMs: 60_000,
      idReusePolicy: "reject-duplicate",
    });
  });

  it("treats an absent input as null and 0 timeouts as not set", () => {
    const start = validateStartWorkflow({ ...good, input: null, executionTimeoutMs: 0, taskTimeoutMs: 0 });
    expect(start.input).toBeNull();
    expect(start).not.toHaveProperty("executionTimeoutMs");
    expect(start).not.toHaveProperty("taskTimeoutMs");
  });

  it.each([
    ["missing workflow id", { workflowId: "" }, "workflow_id: is required"],
    ["missing type", { workflowType: undefined }, "workflow_type: is required"],
    ["missing task queue", { taskQueue: "" }, "task_queue: is required"],
    ["a too-long workflow id", { workflowId: "x".repeat(1_001) }, "workflow_id: is 1001 characters long; the limit is 1000"],
    ["a workflow id with a newline", { workflowId: "a\nb" }, "workflow_id: must not contain control characters"],
    ["a workflow id padded with spaces", { workflowId: " a" }, "workflow_id: must not start or end with white space"],
    ["an input of 10 MB", { input: { json: JSON.stringify("x".repeat(10 * 1024 * 1024)) } }, "input.json: is 10485762 bytes; the limit is 2097152 bytes"],
    ["an input that is not JSON", { input: { json: "{amount:" } }, "input.json: is not valid JSON"],
    ["an empty input payload", { input: { json: "" } }, 'input.json: is empty; send "null"'],
    ["a negative timeout", { executionTimeoutMs: -5 }, "execution_timeout_ms: must be >= 0 (0 means not set), got -5"],
    ["a fractional timeout", { taskTimeoutMs: 1.5 }, "task_timeout_ms: must be a whole number of milliseconds"],
    ["a timeout over ten years", { executionTimeoutMs: 400 * 24 * 3_600_000 * 10 }, "execution_timeout_ms: is 345600000000 ms; the limit is"],
    ["an unknown reuse policy", { idReusePolicy: "ID_REUSE_POLICY_SOMETIMES" as never }, "id_reuse_policy: unknown value ID_REUSE_POLICY_SOMETIMES"],
  ])("refuses %s, naming the field", (_name, change, message) => {
    expect(problem(() => validateStartWorkflow({ ...good, ...change }))).toContain(message);
  });
});

describe("signal, cancel and terminate validation", () => {
  it("accepts a signal with a payload and refuses one without a name", () => {
    expect(validateSignalWorkflow({ workflowId: "w", signalName: "approve", input: { json: '{"by":"ana"}' } })).toEqual({
      workflowId: "w",
      signalName: "approve",
      input: { by: "ana" },
    });
    expect(problem(() => validateSignalWorkflow({ workflowId: "w", signalName: "" }))).toBe("signal_name: is required");
  });

  it("requires the workflow id to cancel or terminate", () => {
    expect(problem(() => validateCancelWorkflow({ workflowId: "" }))).toBe("workflow_id: is required");
    expect(problem(() => validateTerminateWorkflow({}))).toBe("workflow_id: is required");
    expect(validateTerminateWorkflow({ workflowId: "w", reason: "stuck" })).toEqual({ workflowId: "w", reason: "stuck" });
  });
});
