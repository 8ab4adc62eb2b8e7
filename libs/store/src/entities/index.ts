import { HistoryEventEntity } from "./history-event.entity";
import { ProjectionOffsetEntity } from "./projection-offset.entity";
import { TimerEntity } from "./timer.entity";
import { WorkflowExecutionEntity } from "./workflow-execution.entity";

export { HistoryEventEntity, ProjectionOffsetEntity, TimerEntity, WorkflowExecutionEntity };
export { EXECUTION_STATUSES, type ExecutionStatus } from "./workflow-execution.entity";

/** Every entity of the store, for `TypeOrmModule.forRoot({ entities: STORE_ENTITIES })`. */
export const STORE_ENTITIES = [
  WorkflowExecutionEntity,
  HistoryEventEntity,
  ProjectionOffsetEntity,
  TimerEntity,
];
