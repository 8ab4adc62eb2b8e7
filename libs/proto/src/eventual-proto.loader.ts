import * as grpc from "@grpc/grpc-js";
import * as protoLoader from "@grpc/proto-loader";
import type { ProtoGrpcType as MatchingServiceProto } from "./generated/matching_service";
import type { ProtoGrpcType as WorkerServiceProto } from "./generated/worker_service";
import type { ProtoGrpcType as WorkflowServiceProto } from "./generated/workflow_service";
import { INTERNAL_PROTO_FILES, LOADER_OPTIONS, PROTO_FILES } from "./proto-files";

/** The loaded `eventual.api.v1` package: message types, enums and service client constructors. */
export type EventualProtoGrpcType = WorkflowServiceProto & WorkerServiceProto;

/** Fully qualified service names, as used by the health service and in gRPC paths. */
export const WORKFLOW_SERVICE_NAME = "eventual.api.v1.WorkflowService";
export const WORKER_SERVICE_NAME = "eventual.api.v1.WorkerService";
export const MATCHING_SERVICE_NAME = "eventual.internal.v1.MatchingService";

/** The loaded `eventual.internal.v1` package: the services' internal API. */
export type InternalProtoGrpcType = MatchingServiceProto;

// Parsing the .proto files takes tens of milliseconds; every client and server shares one copy.
let packageDefinition: protoLoader.PackageDefinition | undefined;
let grpcObject: EventualProtoGrpcType | undefined;
let internalDefinition: protoLoader.PackageDefinition | undefined;
let internalObject: InternalProtoGrpcType | undefined;

/**
 * The proto-loader package definition of the whole API. Servers and reflection need this
 * form; most code wants `loadEventualProto()`.
 */
export function loadEventualPackageDefinition(): protoLoader.PackageDefinition {
  packageDefinition ??= protoLoader.loadSync([...PROTO_FILES], LOADER_OPTIONS);
  return packageDefinition;
}

/**
 * The typed gRPC package: service constructors for clients and service definitions for
 * servers, with the generated request and response types.
 *
 * @example
 * const { WorkflowService } = loadEventualProto().eventual.api.v1;
 * const stub = new WorkflowService("127.0.0.1:7233", grpc.credentials.createInsecure());
 * server.addService(WorkflowService.service, handlers); // handlers: v1.WorkflowServiceHandlers
 */
export function loadEventualProto(): EventualProtoGrpcType {
  // The cast is the generator's contract: its types describe what loadPackageDefinition
  // returns for these files under LOADER_OPTIONS (checked by the staleness test).
  grpcObject ??= grpc.loadPackageDefinition(
    loadEventualPackageDefinition(),
  ) as unknown as EventualProtoGrpcType;
  return grpcObject;
}

/** The package definition of the internal API, e.g. for `addReflectionService(server, [it])`. */
export function loadInternalPackageDefinition(): protoLoader.PackageDefinition {
  internalDefinition ??= protoLoader.loadSync([...INTERNAL_PROTO_FILES], LOADER_OPTIONS);
  return internalDefinition;
}

/**
 * The typed internal gRPC package, loaded like `loadEventualProto()` (same options).
 *
 * @example
 * const { MatchingService } = loadInternalProto().eventual.internal.v1;
 * const stub = new MatchingService("127.0.0.1:7234", grpc.credentials.createInsecure());
 * server.addService(MatchingService.service, handlers); // handlers: internalV1.MatchingServiceHandlers
 */
export function loadInternalProto(): InternalProtoGrpcType {
  internalObject ??= grpc.loadPackageDefinition(
    loadInternalPackageDefinition(),
  ) as unknown as InternalProtoGrpcType;
  return internalObject;
}
