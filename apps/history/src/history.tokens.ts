/** Injection tokens of the history module (interfaces have no runtime identity). */
export const HISTORY_CONFIG = Symbol("HISTORY_CONFIG");
export const HISTORY_LOG = Symbol("HISTORY_LOG");
export const HISTORY_LOGGER = Symbol("HISTORY_LOGGER");
export const HISTORY_RESOURCES = Symbol("HISTORY_RESOURCES");
