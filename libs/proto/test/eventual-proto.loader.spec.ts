import * as grpc from "@grpc/grpc-js";
import * as protoLoader from "@grpc/proto-loader";
import * as path from "node:path";
import { protoPath as healthProtoPath } from "grpc-health-check";
import {
  PROTO_FILE_PATHS,
  WORKER_SERVICE_NAME,
  WORKFLOW_SERVICE_NAME,
  addHealthService,
  addReflectionService,
  loadEventualPackageDefinition,
  loadEventualProto,
} from "@eventual/proto";
import * as fs from "node:fs";

describe("loadEventualProto", () => {
  it("loads both services with every method of the API", () => {
    const api = loadEventualProto().eventual.api.v1;
    expect(Object.keys(api.WorkflowService.service).sort()).toEqual([
      "CancelWorkflow",
      "DescribeWorkflow",
      "GetWorkflowHistory",
      "GetWorkflowResult",
      "ListWorkflows",
      "SignalWorkflow",
      "StartWorkflow",
      "TerminateWorkflow",
    ]);
    expect(Object.keys(api.WorkerService.service).sort()).toEqual([
      "CompleteActivityTask",
      "CompleteWorkflowTask",
      "FailActivityTask",
      "FailWorkflowTask",
      "HeartbeatActivityTask",
      "PollActivityTask",
      "PollWorkflowTask",
    ]);
    expect(api.WorkflowService.service.StartWorkflow.path).toBe(
      `/${WORKFLOW_SERVICE_NAME}/StartWorkflow`,
    );
    expect(api.WorkerService.service.PollWorkflowTask.path).toBe(
      `/${WORKER_SERVICE_NAME}/PollWorkflowTask`,
    );
  });

  it("returns one shared copy", () => {
    expect(loadEventualProto()).toBe(loadEventualProto());
    expect(loadEventualPackageDefinition()).toBe(loadEventualPackageDefinition());
  });

  it("decodes int64 as number, enums as names and unset fields as defaults", () => {
    const method = loadEventualProto().eventual.api.v1.WorkflowService.service.DescribeWorkflow;
    const bytes = method.responseSerialize({
      execution: {
        workflowId: "w",
        status: "WORKFLOW_EXECUTION_STATUS_RUNNING",
        startTimeMs: 1_700_000_000_123,
      },
    });
    expect(method.responseDeserialize(bytes)).toEqual({
      execution: {
        workflowId: "w",
        runId: "",
        workflowType: "",
        taskQueue: "",
        status: "WORKFLOW_EXECUTION_STATUS_RUNNING",
        startTimeMs: 1_700_000_000_123,
        closeTimeMs: 0,
        result: null,
        failure: null,
        historyLength: 0,
      },
    });
  });

  it("points at .proto files that exist", () => {
    for (const file of PROTO_FILE_PATHS) expect(fs.existsSync(file)).toBe(true);
  });
});

describe("health and reflection on a real server", () => {
  const server = new grpc.Server();
  let address = "";
  const health = addHealthService(server, {
    "": "SERVING",
    [WORKFLOW_SERVICE_NAME]: "NOT_SERVING",
  });
  addReflectionService(server);

  beforeAll(async () => {
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, bound) =>
        error ? reject(error) : resolve(bound),
      ),
    );
    address = `127.0.0.1:${port}`;
  });

  afterAll(() => server.forceShutdown());

  it("answers grpc.health.v1.Health/Check, and follows setStatus", async () => {
    const healthDefinition = protoLoader.loadSync(healthProtoPath, { enums: String });
    const { grpc: healthPkg } = grpc.loadPackageDefinition(healthDefinition) as any;
    const stub = new healthPkg.health.v1.Health(address, grpc.credentials.createInsecure());
    const check = (service: string) =>
      new Promise<string>((resolve, reject) =>
        stub.check({ service }, (error: Error | null, reply: { status: string }) =>
          error ? reject(error) : resolve(reply.status),
        ),
      );
    try {
      expect(await check("")).toBe("SERVING");
      expect(await check(WORKFLOW_SERVICE_NAME)).toBe("NOT_SERVING");
      health.setStatus(WORKFLOW_SERVICE_NAME, "SERVING");
      expect(await check(WORKFLOW_SERVICE_NAME)).toBe("SERVING");
    } finally {
      stub.close();
    }
  });

  it("lists and describes the API through server reflection, as grpcurl would", async () => {
    const reflectionProto = path.join(
      path.dirname(require.resolve("@grpc/reflection")),
      "..",
      "proto",
      "grpc",
      "reflection",
      "v1",
      "reflection.proto",
    );
    const { grpc: reflectionPkg } = grpc.loadPackageDefinition(
      protoLoader.loadSync(reflectionProto),
    ) as any;
    const stub = new reflectionPkg.reflection.v1.ServerReflection(
      address,
      grpc.credentials.createInsecure(),
    );
    const ask = (request: object) =>
      new Promise<any>((resolve, reject) => {
        const call = stub.ServerReflectionInfo();
        call.on("data", (reply: unknown) => {
          resolve(reply);
          call.end();
        });
        call.on("error", reject);
        call.write(request);
      });
    try {
      const listed = await ask({ listServices: "" });
      const names = listed.listServicesResponse.service.map((s: { name: string }) => s.name);
      expect(names).toEqual(
        expect.arrayContaining([
          WORKFLOW_SERVICE_NAME,
          WORKER_SERVICE_NAME,
          "grpc.health.v1.Health",
        ]),
      );

      const described = await ask({ fileContainingSymbol: WORKFLOW_SERVICE_NAME });
      const files: Buffer[] = described.fileDescriptorResponse.fileDescriptorProto;
      const text = Buffer.concat(files).toString("latin1");
      expect(text).toContain("StartWorkflow");
      // The .proto's own field names, so grpcurl accepts `{"workflow_id": ...}`.
      expect(text).toContain("workflow_id");
      expect(text).not.toContain("workflowId");
      // grpcurl resolves the request's message types from the same response.
      expect(text).toContain("StartWorkflowRequest");
      expect(text).toContain("HistoryEvent");

      // Map entry types carry protoc's names, or Go clients such as grpcurl reject the file.
      const health = await ask({ fileContainingSymbol: "grpc.health.v1.Health" });
      const healthText = Buffer.concat(
        health.fileDescriptorResponse.fileDescriptorProto as Buffer[],
      ).toString("latin1");
      expect(healthText).toContain("StatusesEntry");
    } finally {
      stub.close();
    }
  });
});
