/**
 * @eventual/matching-service — the matching service as a NestJS module, for its own process
 * (main.ts) and for hosts that run several services in one process (the embedded runtime).
 */
export { MatchingModule, type MatchingModuleDependencies } from "./matching.module";
export { MATCHING_DEFAULTS, readMatchingConfig, type MatchingConfig } from "./matching.config";
export { MatchingService } from "./matching.service";
