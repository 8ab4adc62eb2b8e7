/**
 * @eventual/timers-service — the timers service as a NestJS module, for its own process
 * (main.ts) and for hosts that run several services in one process (the embedded runtime).
 */
export { TimersModule, type TimersModuleDependencies } from "./timers.module";
export { readTimersConfig, type TimersConfig } from "./timers.config";
export { TimersService } from "./timers.service";
