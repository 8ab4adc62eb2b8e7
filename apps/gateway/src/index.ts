/**
 * @eventual/gateway-service — the gateway as a NestJS module, for its own process (main.ts)
 * and for hosts that run several services in one process (the embedded runtime).
 */
export { GatewayModule, type GatewayModuleDependencies } from "./gateway.module";
export { readGatewayConfig, type GatewayConfig } from "./gateway.config";
export { GatewayServer } from "./grpc/gateway.server";
