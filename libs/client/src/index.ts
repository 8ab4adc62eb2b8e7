/**
 * @eventual/client — typed gRPC clients for Eventual: `EventualClient` for applications, the
 * CLI and tests; `WorkerApiClient` for worker runtimes. Also exports the mappers between the
 * API's messages and the core's types, so servers speak the same encoding.
 *
 * @example
 * import { EventualClient, EventualClientError } from "@eventual/client";
 * const client = new EventualClient({ address: "127.0.0.1:7233" });
 * const { runId } = await client.startWorkflow({ workflowId: "w-1", workflowType: "reminder", taskQueue: "main", input: "ann@example.com" });
 */
export * from "./client-types";
export * from "./eventual-client";
export * from "./eventual-client-error";
export {
  type CallOptions,
  type ClientConnectionOptions,
  DEFAULT_CALL_TIMEOUT_MS,
} from "./grpc-client.base";
export { toEventualClientError } from "./grpc-error.mapper";
export * from "./history-event.mapper";
export * from "./payload.mapper";
export * from "./proto-mapping.error";
export * from "./time.mapper";
export * from "./worker-api-client";
export * from "./worker-task.mapper";
export * from "./workflow-execution.mapper";
export * from "./workflow-status.mapper";
