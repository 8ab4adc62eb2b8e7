/** Injection tokens of the projector module (interfaces have no runtime identity). */
export const PROJECTOR_LOG = Symbol("PROJECTOR_LOG");
export const PROJECTOR_DATA_SOURCE = Symbol("PROJECTOR_DATA_SOURCE");
export const PROJECTOR_RESOURCES = Symbol("PROJECTOR_RESOURCES");
