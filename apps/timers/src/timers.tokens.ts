/** Injection tokens of the timers module (interfaces have no runtime identity). */
export const TIMERS_LOG = Symbol("TIMERS_LOG");
export const TIMERS_DATA_SOURCE = Symbol("TIMERS_DATA_SOURCE");
export const TIMERS_RESOURCES = Symbol("TIMERS_RESOURCES");
