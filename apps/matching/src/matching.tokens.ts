/** Injection tokens of the matching module (interfaces have no runtime identity). */
export const MATCHING_LOG = Symbol("MATCHING_LOG");
export const MATCHING_DATA_SOURCE = Symbol("MATCHING_DATA_SOURCE");
export const MATCHING_RESOURCES = Symbol("MATCHING_RESOURCES");
