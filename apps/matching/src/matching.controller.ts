import * as grpc from "@grpc/grpc-js";
import type { internalV1 } from "@eventual/proto";
import type { JsonLogger } from "@eventual/service-kit";
import type { TaskDispatcher } from "./task-dispatcher";
import type { TaskKind } from "./task-queue-book";
import { InvalidTaskTokenError, decodeTaskToken } from "./task-token";

/** A request field is missing or wrong; the message names the field. */
export class InvalidRequestError extends Error {
  override readonly name = "InvalidRequestError";
}

export interface ControllerOptions {
  /** Longest poll, for calls without a deadline or with a longer one. */
  maxPollMs: number;
  /** Aborted on shutdown: open polls answer empty at once, new ones too. */
  stopping: AbortSignal;
}

/**
 * The internal gRPC API: translates calls to the dispatcher and its answers (or errors) back.
 *
 * @example
 * server.addService(loadInternalProto().eventual.internal.v1.MatchingService.service,
 *   matchingHandlers(dispatcher, { maxPollMs: 60_000, stopping: shutdown.signal }, logger));
 */
export function matchingHandlers(dispatcher: TaskDispatcher, options: ControllerOptions, logger: JsonLogger): internalV1.MatchingServiceHandlers {
  return {
    PollTask: (call, callback) => {
      void (async () => {
        const request = call.request;
        const kind = taskKindOf(request.kind);
        if (!request.taskQueue) throw new InvalidRequestError("task_queue is required");
        if (!request.identity) throw new InvalidRequestError("identity is required: it is recorded as who started the task");
        if (options.stopping.aborted) return EMPTY;
        const abort = new AbortController();
        const onStop = () => abort.abort();
        call.once("cancelled", onStop);
        options.stopping.addEventListener("abort", onStop, { once: true });
        try {
          const handedOut = await dispatcher.poll(kind, request.taskQueue, request.identity, pollTimeout(call.getDeadline(), options.maxPollMs), abort.signal);
          if (!handedOut) return EMPTY;
          const { task, token } = handedOut;
          logger.debug("task handed out", { pollId: request.pollId, token, identity: request.identity });
          const response: internalV1.PollTaskResponse = {
            taskToken: token,
            kind: request.kind,
            workflowId: task.message.data.workflowId,
            runId: task.message.data.runId,
            partition: task.partition,
            offset: Number(task.offset),
            taskJson: JSON.stringify(task.message),
          };
          return response;
        } finally {
          call.removeListener("cancelled", onStop);
          options.stopping.removeEventListener("abort", onStop);
        }
      })().then(
        (response) => callback(null, response),
        (error: unknown) => callback(toServiceError(error, logger)),
      );
    },
    AckTask: (call, callback) => {
      try {
        const outcome = dispatcher.ack(decodeTaskToken(call.request.taskToken));
        if (outcome === "stale") logger.debug("ack of a task whose partition moved; its new owner hands it out again", { token: call.request.taskToken });
        callback(null, {});
      } catch (error) {
        callback(toServiceError(error, logger));
      }
    },
    ReleaseTask: (call, callback) => {
      try {
        dispatcher.release(decodeTaskToken(call.request.taskToken));
        callback(null, {});
      } catch (error) {
        callback(toServiceError(error, logger));
      }
    },
  };
}

const EMPTY: internalV1.PollTaskResponse = {};

function taskKindOf(kind: internalV1.TaskKind__Output): TaskKind {
  switch (kind) {
    case "TASK_KIND_WORKFLOW":
      return "workflow";
    case "TASK_KIND_ACTIVITY":
      return "activity";
    case "TASK_KIND_UNSPECIFIED":
      throw new InvalidRequestError("kind is required: TASK_KIND_WORKFLOW or TASK_KIND_ACTIVITY");
    default: {
      const unknown: never = kind;
      throw new InvalidRequestError(`kind ${String(unknown)} is not a task kind`);
    }
  }
}

/**
 * How long to wait: until a little before the call's deadline, so the empty answer reaches the
 * gateway as OK instead of the call failing with DEADLINE_EXCEEDED.
 */
export function pollTimeout(deadline: grpc.Deadline, maxPollMs: number, now = Date.now()): number {
  const at = deadline instanceof Date ? deadline.getTime() : deadline;
  if (!Number.isFinite(at)) return maxPollMs;
  const remaining = at - now;
  const margin = Math.min(500, remaining * 0.1);
  return Math.max(0, Math.min(maxPollMs, remaining - margin));
}

function toServiceError(error: unknown, logger: JsonLogger): Partial<grpc.StatusObject> {
  if (error instanceof InvalidRequestError || error instanceof InvalidTaskTokenError) {
    return { code: grpc.status.INVALID_ARGUMENT, details: error.message };
  }
  // Appending the started command failed: the task is back in its queue; the gateway retries.
  logger.warn("poll failed", { error: String(error) });
  return { code: grpc.status.UNAVAILABLE, details: `matching could not record the task's start: ${String(error)}` };
}
