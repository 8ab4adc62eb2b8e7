/**
 * @eventual/core — the pure event-sourced heart of Eventual: history events, commands,
 * `decide` and `evolve`. No I/O, no clock, no randomness (DESIGN §3.4).
 */
export * from "./assert-never";
export * from "./decide";
export * from "./duration";
export * from "./effect";
export { evolve, InvalidHistoryError, nextWorkflowTaskAttempt } from "./evolve";
export * from "./history-command";
export * from "./history-event";
export * from "./history-validator";
export * from "./payload";
export * from "./rejection";
export * from "./retry-policy";
export * from "./workflow-command";
export * from "./workflow-state";
export { activityOptionsProblem } from "./command-validator";
export * from "./topic-messages";
