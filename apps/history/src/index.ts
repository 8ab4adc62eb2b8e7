/**
 * @eventual/history-service — the history service as a NestJS module, for its own process
 * (main.ts) and for hosts that run several services in one process (the embedded runtime).
 */
export { HistoryModule, type HistoryModuleDependencies } from "./history.module";
export { readHistoryConfig, type HistoryConfig } from "./history.config";
export { HistoryService } from "./history.service";
