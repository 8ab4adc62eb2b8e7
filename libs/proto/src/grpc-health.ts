import type * as grpc from "@grpc/grpc-js";
import { HealthImplementation, type ServingStatusMap } from "grpc-health-check";

export type { ServingStatus, ServingStatusMap } from "grpc-health-check";
export { HealthImplementation } from "grpc-health-check";

/**
 * Adds the standard `grpc.health.v1.Health` service (Check and Watch), which load balancers,
 * Kubernetes gRPC probes and `grpcurl ... grpc.health.v1.Health/Check` understand. Returns
 * the implementation so the server can flip statuses, e.g. to NOT_SERVING while draining.
 *
 * @example
 * const health = addHealthService(server, { "": "NOT_SERVING" });
 * // ...once Kafka and Postgres are reachable:
 * health.setStatus("", "SERVING");
 * health.setStatus(WORKFLOW_SERVICE_NAME, "SERVING");
 */
export function addHealthService(
  server: grpc.Server,
  statuses: ServingStatusMap = { "": "SERVING" },
): HealthImplementation {
  const health = new HealthImplementation(statuses);
  health.addToServer(server);
  return health;
}
