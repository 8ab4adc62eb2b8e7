/**
 * @eventual/embedded — the whole platform in one process on an embedded Postgres (DESIGN §4):
 * `startEmbeddedPlatform` for hosts such as the CLI and tests, `main.ts` as a process.
 */
export { startEmbeddedPlatform, EMBEDDED_LOG_SCHEMA, type EmbeddedPlatform } from "./embedded-platform";
export { EMBEDDED_DEFAULTS, EmbeddedOptionsError, type EmbeddedPlatformOptions } from "./embedded-platform.options";
export { EmbeddedServiceStartError, type EmbeddedServiceName } from "./embedded-services";
export { DataDirInUseError } from "./data-dir.lock";
export { readEmbeddedConfig, type EmbeddedConfig } from "./embedded.config";
