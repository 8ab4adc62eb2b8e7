// Original file: eventual/api/v1/workflow_service.proto

/**
 * What StartWorkflow does when workflow_id names a run that is already closed. (A run that
 * is still open always makes a new start ALREADY_EXISTS.)
 */
export const IdReusePolicy = {
  /**
   * The server's default, ALLOW_DUPLICATE.
   */
  ID_REUSE_POLICY_UNSPECIFIED: 'ID_REUSE_POLICY_UNSPECIFIED',
  /**
   * Start a new run whatever way the last one ended.
   */
  ID_REUSE_POLICY_ALLOW_DUPLICATE: 'ID_REUSE_POLICY_ALLOW_DUPLICATE',
  /**
   * Start a new run only if the last one did not complete successfully.
   */
  ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY: 'ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY',
  /**
   * Never reuse the id: ALREADY_EXISTS.
   */
  ID_REUSE_POLICY_REJECT_DUPLICATE: 'ID_REUSE_POLICY_REJECT_DUPLICATE',
} as const;

/**
 * What StartWorkflow does when workflow_id names a run that is already closed. (A run that
 * is still open always makes a new start ALREADY_EXISTS.)
 */
export type IdReusePolicy =
  /**
   * The server's default, ALLOW_DUPLICATE.
   */
  | 'ID_REUSE_POLICY_UNSPECIFIED'
  | 0
  /**
   * Start a new run whatever way the last one ended.
   */
  | 'ID_REUSE_POLICY_ALLOW_DUPLICATE'
  | 1
  /**
   * Start a new run only if the last one did not complete successfully.
   */
  | 'ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY'
  | 2
  /**
   * Never reuse the id: ALREADY_EXISTS.
   */
  | 'ID_REUSE_POLICY_REJECT_DUPLICATE'
  | 3

/**
 * What StartWorkflow does when workflow_id names a run that is already closed. (A run that
 * is still open always makes a new start ALREADY_EXISTS.)
 */
export type IdReusePolicy__Output = typeof IdReusePolicy[keyof typeof IdReusePolicy]
