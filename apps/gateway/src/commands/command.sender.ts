import { randomUUID } from "node:crypto";
import { type CommandOutcome, type HistoryCommand, type HistoryCommandMessage, encodeMessage } from "@eventual/core";
import type { LogPort } from "@eventual/log";
import { jsonbProblem } from "@eventual/store";
import { GatewayError } from "../grpc/gateway.error";
import { InvalidArgumentError } from "../validation/invalid-argument.error";
import { type ReplyRouter, ReplyRouterStoppedError, ReplyTimeoutError } from "./reply.router";

/**
 * Appends one command to history.commands, addressed for a reply to this gateway, and waits
 * for its outcome. Once appended the command will be applied whatever happens to the call, so
 * a timeout says the outcome is unknown and that retrying with the same request id is safe
 * (history deduplicates), rather than suggesting it failed.
 *
 * @example
 * const outcome = await sender.send("order-7", { type: "TerminateWorkflow", now: Date.now(), data: { reason: "stuck" } }, 5_000);
 */
export class CommandSender {
  constructor(
    private readonly log: Pick<LogPort, "append">,
    private readonly router: ReplyRouter,
    private readonly commandsTopic: string,
    private readonly gatewayId: string,
  ) {}

  async send(workflowId: string, command: HistoryCommand, timeoutMs: number): Promise<CommandOutcome> {
    if (timeoutMs <= 0) throw new GatewayError("DEADLINE_EXCEEDED", "the call's deadline passed before the command was sent");
    // A command's data becomes event data the projector stores as jsonb; a value jsonb refuses
    // (NUL, a lone surrogate — in an activity result, a failure message, a reason) would stop
    // the projector at that record for good. Every command path passes here, so none is sent.
    const problem = jsonbProblem(command.data);
    if (problem) {
      const at = problem.indexOf(": ");
      throw new InvalidArgumentError(problem.slice(0, at), problem.slice(at + 2));
    }
    const correlationId = randomUUID();
    const message: HistoryCommandMessage = { workflowId, command, replyTo: { gateway: this.gatewayId, correlationId } };
    const reply = this.router.expect(correlationId, timeoutMs);
    // Keep a rejection of `reply` from going unhandled while the append is under way.
    reply.catch(() => undefined);
    try {
      await this.log.append([{ topic: this.commandsTopic, key: workflowId, value: encodeMessage(message) }]);
    } catch (error) {
      this.router.cancel(correlationId);
      // The append may or may not have reached the log (a timeout is unclear); history
      // deduplicates by request id, so a retry is the safe answer either way.
      throw new GatewayError("UNAVAILABLE", `could not confirm the ${command.type} command was written (${(error as Error).message}); retry with the same request_id`);
    }
    try {
      return await reply;
    } catch (error) {
      if (error instanceof ReplyTimeoutError) {
        throw new GatewayError(
          "DEADLINE_EXCEEDED",
          `the ${command.type} command for ${workflowId} was accepted but its outcome did not arrive in time; retrying with the same request_id is safe`,
        );
      }
      if (error instanceof ReplyRouterStoppedError) {
        throw new GatewayError("UNAVAILABLE", `the gateway is shutting down; the ${command.type} command for ${workflowId} was accepted, retry with the same request_id to learn its outcome`);
      }
      throw error;
    }
  }
}
