import * as grpc from "@grpc/grpc-js";
import * as protoLoader from "@grpc/proto-loader";
import { loadEventualProto, type v1 } from "@eventual/proto";
import { protoPath as healthProtoPath } from "grpc-health-check";
import { GatewayServer } from "../src/grpc/gateway.server";
import { useGatewayStack } from "./fixtures/gateway.stack";

type Stub = v1.WorkflowServiceClient;
type Answer = { code: string; details: string };

/**
 * Bad input gets a precise status and changes nothing (DESIGN §3.6): every request in the
 * table is answered with its code, and afterwards no partition of any topic has grown. Requests
 * go through a raw stub, not EventualClient, so the gateway — not the client's own checks —
 * is what refuses them.
 */
describe("gateway refuses bad input and writes nothing", () => {
  const stack = useGatewayStack("gwbad");
  let stub: Stub;
  let address: string;

  beforeAll(() => {
    address = stack.app.get(GatewayServer).address;
    stub = new (loadEventualProto().eventual.api.v1.WorkflowService)(address, grpc.credentials.createInsecure());
  });
  afterAll(() => stub?.close());

  const call = <Req>(method: keyof Stub & string, request: Req): Promise<Answer> =>
    new Promise((resolve) => {
      const fn = (stub[method] as (r: Req, o: grpc.CallOptions, cb: (e: grpc.ServiceError | null) => void) => void).bind(stub);
      fn(request, { deadline: Date.now() + 10_000 }, (error) => resolve(error ? { code: grpc.status[error.code], details: error.details } : { code: "OK", details: "" }));
    });

  const goodStart: v1.StartWorkflowRequest = { workflowId: "bad-1", workflowType: "processOrder", taskQueue: "orders", input: { json: '{"sku":"A1"}' }, requestId: "r" };
  const table: Array<[string, keyof Stub & string, object, string, string]> = [
    ["start without a workflow id", "StartWorkflow", { ...goodStart, workflowId: "" }, "INVALID_ARGUMENT", "workflow_id: is required"],
    ["start without a type", "StartWorkflow", { ...goodStart, workflowType: "" }, "INVALID_ARGUMENT", "workflow_type: is required"],
    ["start without a task queue", "StartWorkflow", { ...goodStart, taskQueue: "" }, "INVALID_ARGUMENT", "task_queue: is required"],
    ["start with a 10 MB input", "StartWorkflow", { ...goodStart, input: { json: JSON.stringify("x".repeat(10 * 1024 * 1024)) } }, "INVALID_ARGUMENT", "input.json: is 10485762 bytes"],
    ["start with input that is not JSON", "StartWorkflow", { ...goodStart, input: { json: "{sku:" } }, "INVALID_ARGUMENT", "input.json: is not valid JSON"],
    ["start with a NUL in the input", "StartWorkflow", { ...goodStart, input: { json: '{"note":"a\\u0000b"}' } }, "INVALID_ARGUMENT", "input.json: note: contains the NUL character"],
    ["start with a negative timeout", "StartWorkflow", { ...goodStart, executionTimeoutMs: -5 }, "INVALID_ARGUMENT", "execution_timeout_ms: must be >= 0"],
    ["signal without a workflow id", "SignalWorkflow", { workflowId: "", signalName: "go" }, "INVALID_ARGUMENT", "workflow_id: is required"],
    ["signal without a name", "SignalWorkflow", { workflowId: "bad-1", signalName: "" }, "INVALID_ARGUMENT", "signal_name: is required"],
    ["signal to an unknown workflow", "SignalWorkflow", { workflowId: "no-such-workflow", signalName: "go" }, "NOT_FOUND", "workflow no-such-workflow not found"],
    ["cancel of an unknown workflow", "CancelWorkflow", { workflowId: "no-such-workflow" }, "NOT_FOUND", "workflow no-such-workflow not found"],
    ["terminate of an unknown workflow", "TerminateWorkflow", { workflowId: "no-such-workflow" }, "NOT_FOUND", "workflow no-such-workflow not found"],
    ["terminate without a workflow id", "TerminateWorkflow", { workflowId: "" }, "INVALID_ARGUMENT", "workflow_id: is required"],
    ["describe without a workflow id", "DescribeWorkflow", { workflowId: "" }, "INVALID_ARGUMENT", "workflow_id: is required"],
    ["list with a negative page size", "ListWorkflows", { pageSize: -1 }, "INVALID_ARGUMENT", "page_size: must be >= 0"],
    ["list with a foreign page token", "ListWorkflows", { pageToken: "bm90IGEgdG9rZW4" }, "INVALID_ARGUMENT", "page_token:"],
    ["result of an unknown workflow", "GetWorkflowResult", { workflowId: "no-such-workflow" }, "NOT_FOUND", "workflow no-such-workflow not found"],
  ];

  it("answers each malformed request with its code, naming the field, and appends nothing to any topic", async () => {
    const before = await stack.endOffsets();
    const answers: Record<string, Answer> = {};
    for (const [name, method, request] of table) answers[name] = await call(method, request);
    for (const [name, , , code, message] of table) {
      expect({ name, code: answers[name].code }).toEqual({ name, code });
      expect(answers[name].details).toContain(message);
    }
    expect(await stack.endOffsets()).toEqual(before);

    // The measurement can see a write: a good start moves history.commands and history.replies.
    expect(await call("StartWorkflow", goodStart)).toEqual({ code: "OK", details: "" });
    const after = await stack.endOffsets();
    const grown = Object.keys(after).filter((key) => after[key] !== before[key]);
    expect(grown).toEqual(expect.arrayContaining([expect.stringContaining("history.commands"), expect.stringContaining("history.replies")]));
  });

  it("serves reflection, so grpcurl can list the services", async () => {
    const reflectionProto = require.resolve("@grpc/reflection/build/proto/grpc/reflection/v1/reflection.proto");
    const Reflection = (grpc.loadPackageDefinition(protoLoader.loadSync(reflectionProto)) as any).grpc.reflection.v1.ServerReflection;
    const reflection = new Reflection(address, grpc.credentials.createInsecure());
    const stream = reflection.serverReflectionInfo();
    const reply = await new Promise<{ listServicesResponse: { service: Array<{ name: string }> } }>((resolve, reject) => {
      stream.once("data", resolve);
      stream.once("error", reject);
      stream.write({ listServices: "" });
    });
    stream.end();
    reflection.close();
    expect(reply.listServicesResponse.service.map((s) => s.name)).toEqual(expect.arrayContaining(["eventual.api.v1.WorkflowService", "grpc.health.v1.Health"]));
  });

  it("serves the standard health service, and WorkerService (a poll with no matching reachable answers empty)", async () => {
    const definition = protoLoader.loadSync(healthProtoPath, { enums: String });
    const Health = (grpc.loadPackageDefinition(definition) as any).grpc.health.v1.Health;
    const health = new Health(address, grpc.credentials.createInsecure());
    const status = await new Promise<string>((resolve, reject) =>
      health.check({ service: "eventual.api.v1.WorkflowService" }, (error: Error | null, reply: { status: string }) => (error ? reject(error) : resolve(reply.status))),
    );
    health.close();
    expect(status).toBe("SERVING");

    const worker = new (loadEventualProto().eventual.api.v1.WorkerService)(address, grpc.credentials.createInsecure());
    const answer = await new Promise<string>((resolve) =>
      worker.pollWorkflowTask({ taskQueue: "orders", identity: "spec" }, { deadline: Date.now() + 5_000 }, (error, reply) =>
        resolve(error ? grpc.status[error.code] : `OK:${reply?.taskToken ?? ""}`),
      ),
    );
    worker.close();
    expect(answer).toBe("OK:");
  });
});
