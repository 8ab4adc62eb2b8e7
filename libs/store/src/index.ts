/**
 * @eventual/store — Postgres for Eventual: TypeORM entities and the one migration, the
 * history projection (read models rebuilt from the log), the gateway's queries, and durable
 * timers.
 */
export * from "./entities";
export {
  InitialSchema1732500000000,
  STORE_MIGRATIONS,
} from "./migrations/initial-schema.migration";
export {
  createDataSource,
  storeDataSourceOptions,
  runMigrations,
  dropSchema,
  type StoreDataSourceOptions,
} from "./data-source";
export {
  HistoryProjection,
  decodeProjectionBatch,
  type ProjectionBatch,
} from "./history.projection";
export {
  WorkflowQueries,
  type WorkflowExecutionView,
  type ListWorkflowsFilter,
  type Page,
} from "./workflow.queries";
export { InvalidQueryError, MAX_PAGE_SIZE } from "./page-token";
export { ProjectionWatcher, untilProjected, type ProjectionWait, type ProjectionWatcherOptions } from "./projection-watcher";
export { notifyProjected, projectionChannel } from "./projection-notifier";
export { TimerStore, type DurableTimer } from "./timer.store";
export { jsonbProblem } from "./jsonb-compat";
export { ConsumerOffsets } from "./consumer-offsets";
export { openTestStore, dumpTable, dumpReadModels, type TestStore } from "./test-store";
