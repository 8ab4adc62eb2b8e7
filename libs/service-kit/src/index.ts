/**
 * @eventual/service-kit — what every service needs around its job: typed environment config,
 * structured logs, health endpoints.
 */
export * from "./env-config";
export * from "./json-logger";
export * from "./health-server";
export * from "./service-process";
export * from "./owned-resources";
export * from "./service-lifecycle";
