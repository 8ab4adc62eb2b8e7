import type * as grpc from "@grpc/grpc-js";
import * as protoLoader from "@grpc/proto-loader";
import { ReflectionService } from "@grpc/reflection";
import { protoPath as healthProtoPath } from "grpc-health-check";
import { withProtocMapEntryNames } from "./map-entry-descriptor.fix";
import { PROTO_FILES, PROTO_ROOT } from "./proto-files";

/**
 * Adds gRPC server reflection (v1 and v1alpha), so `grpcurl -plaintext HOST:PORT list` and
 * `describe` work without the .proto files. It describes the Eventual API and the health
 * service, plus any further package definitions the server hosts (e.g. internal services).
 *
 * @example
 * addReflectionService(server);
 * // $ grpcurl -plaintext 127.0.0.1:7233 list
 * // eventual.api.v1.WorkerService
 * // eventual.api.v1.WorkflowService
 * // grpc.health.v1.Health
 */
export function addReflectionService(
  server: Pick<grpc.Server, "addService">,
  extraDefinitions: readonly protoLoader.PackageDefinition[] = [],
): void {
  // Descriptors come from proto-loader's parsed copy, so load with the .proto's own field
  // names (keepCase): the runtime loader camelCases them, and grpcurl would then show
  // `workflowId` and refuse `workflow_id` in request JSON. Wire format is unaffected.
  const eventual = protoLoader.loadSync([...PROTO_FILES], {
    keepCase: true,
    includeDirs: [PROTO_ROOT],
  });
  const health = protoLoader.loadSync(healthProtoPath, { keepCase: true });
  // Reflection only knows the services in the definition it is given, so merge every
  // package the server hosts into one.
  const merged: protoLoader.PackageDefinition = Object.assign(
    {},
    eventual,
    health,
    ...extraDefinitions,
  );
  new ReflectionService(withProtocMapEntryNames(merged)).addToServer(server);
}
