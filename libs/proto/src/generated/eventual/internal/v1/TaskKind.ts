// Original file: eventual/internal/v1/matching_service.proto

export const TaskKind = {
  TASK_KIND_UNSPECIFIED: 'TASK_KIND_UNSPECIFIED',
  TASK_KIND_WORKFLOW: 'TASK_KIND_WORKFLOW',
  TASK_KIND_ACTIVITY: 'TASK_KIND_ACTIVITY',
} as const;

export type TaskKind =
  | 'TASK_KIND_UNSPECIFIED'
  | 0
  | 'TASK_KIND_WORKFLOW'
  | 1
  | 'TASK_KIND_ACTIVITY'
  | 2

export type TaskKind__Output = typeof TaskKind[keyof typeof TaskKind]
