import type { Payload } from "./payload";
import type { HistoryCommandBody } from "./history-command";
import type { ActivityOptions } from "./workflow-command";

/**
 * Side effects `decide` asks for, as data. The history service turns each into a Kafka
 * record in the same transaction as the events (DESIGN §3.2); the core performs none.
 */
export type Effect =
  | {
      type: "DispatchWorkflowTask";
      data: {
        workflowId: string;
        runId: string;
        workflowType: string;
        taskQueue: string;
        scheduledEventId: number;
        attempt: number;
      };
    }
  | {
      type: "DispatchActivityTask";
      data: {
        workflowId: string;
        runId: string;
        activityId: string;
        activityType: string;
        input: Payload;
        attempt: number;
        options: ActivityOptions;
      };
    }
  | { type: "CancelActivityTask"; data: { workflowId: string; runId: string; activityId: string } }
  | { type: "StartTimer"; data: { workflowId: string; runId: string; timerId: string; fireAt: number } }
  | { type: "CancelTimer"; data: { workflowId: string; runId: string; timerId: string } }
  /**
   * A command for another workflow id (or a new run of this one): a child start, a signal,
   * a report to a parent, continue-as-new, a parent-close policy. The service routes it to
   * history.commands keyed by `workflowId`, where the target's `decide` dedupes it.
   */
  | { type: "SendCommand"; data: { workflowId: string; command: HistoryCommandBody } };

export type EffectType = Effect["type"];
