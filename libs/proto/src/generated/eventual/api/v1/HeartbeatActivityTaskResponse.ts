// Original file: eventual/api/v1/worker_service.proto


export interface HeartbeatActivityTaskResponse {
  /**
   * The workflow asked to cancel this activity: stop work and report a cancellation.
   */
  'cancelRequested'?: (boolean);
}

export interface HeartbeatActivityTaskResponse__Output {
  /**
   * The workflow asked to cancel this activity: stop work and report a cancellation.
   */
  'cancelRequested': (boolean);
}
