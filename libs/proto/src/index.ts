/**
 * @eventual/proto — the public gRPC API (`eventual.api.v1`): the .proto sources, a typed
 * loader, and setup helpers for the standard health and reflection services.
 *
 * Message and service types are generated (`npm run proto:gen`) and exported under `v1`:
 * `v1.StartWorkflowRequest` is what a caller may send, `v1.StartWorkflowRequest__Output` what
 * a receiver gets (every field present, under the loader's options).
 *
 * @example
 * import { loadEventualProto, addHealthService, addReflectionService, type v1 } from "@eventual/proto";
 * const server = new grpc.Server();
 * server.addService(loadEventualProto().eventual.api.v1.WorkflowService.service, handlers);
 * addHealthService(server);
 * addReflectionService(server);
 */
export * from "./eventual-proto.loader";
export * from "./grpc-health";
export * from "./grpc-reflection";
export * from "./proto-files";
export * as v1 from "./generated";
/** Types of the internal API (`eventual.internal.v1`), e.g. `internalV1.PollTaskResponse`. */
export * as internalV1 from "./generated/internal";
