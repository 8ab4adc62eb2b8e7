// Original file: eventual/api/v1/common.proto


/**
 * One command a workflow task asks for (the core's WorkflowCommand), JSON keyed by type
 * for the same reason as HistoryEvent. The gateway validates each against the core's
 * types and answers a malformed one with INVALID_ARGUMENT naming the command's index.
 */
export interface WorkflowCommand {
  /**
   * The core's command type, e.g. "ScheduleActivity", "StartTimer", "CompleteWorkflow".
   */
  'type'?: (string);
  /**
   * JSON of the command's data object.
   */
  'dataJson'?: (string);
}

/**
 * One command a workflow task asks for (the core's WorkflowCommand), JSON keyed by type
 * for the same reason as HistoryEvent. The gateway validates each against the core's
 * types and answers a malformed one with INVALID_ARGUMENT naming the command's index.
 */
export interface WorkflowCommand__Output {
  /**
   * The core's command type, e.g. "ScheduleActivity", "StartTimer", "CompleteWorkflow".
   */
  'type': (string);
  /**
   * JSON of the command's data object.
   */
  'dataJson': (string);
}
