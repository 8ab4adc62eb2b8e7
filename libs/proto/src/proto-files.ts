import * as path from "node:path";
import type { Options } from "@grpc/proto-loader";
import protoOptions from "../proto-options.json";

/**
 * Include directory of the .proto sources: pass it to `protoc -I` or `grpcurl -import-path`
 * (with PROTO_FILES) when a tool cannot use server reflection.
 */
export const PROTO_ROOT = path.resolve(__dirname, "..", "proto");

/** The API's .proto files, relative to PROTO_ROOT. */
export const PROTO_FILES = [
  "eventual/api/v1/common.proto",
  "eventual/api/v1/workflow_service.proto",
  "eventual/api/v1/worker_service.proto",
] as const;

/**
 * The internal API's .proto files (package `eventual.internal.v1`: services calling each
 * other), relative to PROTO_ROOT. Kept apart from PROTO_FILES so the public server never
 * serves or reflects them.
 */
export const INTERNAL_PROTO_FILES = ["eventual/internal/v1/matching_service.proto"] as const;

/** Absolute paths of PROTO_FILES. */
export const PROTO_FILE_PATHS: readonly string[] = PROTO_FILES.map((file) =>
  path.join(PROTO_ROOT, file),
);

/**
 * How messages become JS objects: camelCase fields, int64 as number (epoch-ms times, event
 * ids and durations stay far below 2^53), enums as their names, unset fields as their
 * proto3 defaults and oneofs named. Read from proto-options.json, the same file
 * `npm run proto:gen` reads, so the generated types describe exactly these objects.
 */
export const LOADER_OPTIONS: Options = {
  keepCase: protoOptions.keepCase,
  longs: protoOptions.longs === "Number" ? Number : String,
  enums: protoOptions.enums === "String" ? String : undefined,
  defaults: protoOptions.defaults,
  oneofs: protoOptions.oneofs,
  includeDirs: [PROTO_ROOT],
};
