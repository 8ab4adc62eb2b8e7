/**
 * @eventual/projector-service — the projector as a NestJS module, for its own process
 * (main.ts) and for hosts that run several services in one process (the embedded runtime).
 */
export { ProjectorModule, type ProjectorModuleDependencies } from "./projector.module";
export { readProjectorConfig, type ProjectorConfig } from "./projector.config";
export { ProjectorService } from "./projector.service";
