/** Injection tokens of the gateway module (interfaces have no runtime identity). */
export const GATEWAY_CONFIG = Symbol("GATEWAY_CONFIG");
export const GATEWAY_LOG = Symbol("GATEWAY_LOG");
export const GATEWAY_LOGGER = Symbol("GATEWAY_LOGGER");
export const GATEWAY_DATA_SOURCE = Symbol("GATEWAY_DATA_SOURCE");
export const GATEWAY_QUERIES = Symbol("GATEWAY_QUERIES");
export const GATEWAY_RESOURCES = Symbol("GATEWAY_RESOURCES");
