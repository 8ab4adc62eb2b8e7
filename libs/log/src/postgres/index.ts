export { PostgresLog } from "./postgres-log.adapter";
export type { PostgresLogOptions } from "./postgres-log.options";
export * from "./postgres-log.errors";
