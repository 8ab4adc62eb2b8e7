import { randomUUID } from "node:crypto";
import { type CommandOutcome, type HistoryCommand, assertNever } from "@eventual/core";
import type { v1 } from "@eventual/proto";
import { type ProjectionWatcher, type WorkflowQueries, jsonbProblem, untilProjected } from "@eventual/store";
import { GatewayError } from "../grpc/gateway.error";
import { InvalidArgumentError } from "../validation/invalid-argument.error";
import {
  validateCancelWorkflow,
  validateSignalWorkflow,
  validateStartWorkflow,
  validateTerminateWorkflow,
} from "../validation/workflow-request.validator";
import type { CommandSender } from "./command.sender";
import { RecentStarts } from "./recent-starts";

/**
 * The write side of the client API: validates a request, turns it into a history command and
 * answers from history's outcome. Nothing is written unless the request is valid (DESIGN §3.6);
 * run ids, request ids and `now` are made here because the core makes none (DESIGN §3.4).
 *
 * @example
 * const { runId, started } = await commands.start({ workflowId: "order-7", workflowType: "processOrder", taskQueue: "orders" }, 10_000);
 */
export class WorkflowCommandsService {
  private readonly recent: RecentStarts;

  constructor(
    private readonly sender: CommandSender,
    private readonly queries: Pick<WorkflowQueries, "describeWorkflow">,
    private readonly now: () => number = Date.now,
    /** Wakes the wait for a just-started workflow's projection; without it, NOT_FOUND at once. */
    private readonly changes?: Pick<ProjectionWatcher, "watch">,
    /** Longest wait for a workflow this gateway just started to appear in the read model. */
    private readonly projectionWaitMs = 5_000,
  ) {
    this.recent = new RecentStarts();
  }

  async start(request: v1.StartWorkflowRequest__Output, timeoutMs: number): Promise<v1.StartWorkflowResponse> {
    const valid = validateStartWorkflow(request);
    storable("input", valid.input);
    const runId = randomUUID();
    const command: HistoryCommand = {
      type: "StartWorkflow",
      now: this.now(),
      data: { ...valid, runId, requestId: valid.requestId ?? randomUUID() },
    };
    const outcome = await this.sender.send(valid.workflowId, command, timeoutMs);
    if (outcome.status !== "rejected") this.recent.add(valid.workflowId);
    switch (outcome.status) {
      case "applied":
        return { runId: outcome.runId, started: true };
      case "duplicate":
        if (!outcome.runId) throw new GatewayError("INTERNAL", `history reported a duplicate start of ${valid.workflowId} without its run`);
        return { runId: outcome.runId, started: false };
      case "rejected":
        throw GatewayError.fromRejection(outcome.rejection.code, outcome.rejection.message);
      default:
        return assertNever(outcome, "command outcome");
    }
  }

  async signal(request: v1.SignalWorkflowRequest__Output, timeoutMs: number): Promise<v1.SignalWorkflowResponse> {
    const valid = validateSignalWorkflow(request);
    storable("input", valid.input);
    await this.requireKnown(valid.workflowId);
    const command: HistoryCommand = {
      type: "SignalWorkflow",
      now: this.now(),
      data: { signalName: valid.signalName, input: valid.input, requestId: valid.requestId ?? randomUUID() },
    };
    expectAccepted(await this.sender.send(valid.workflowId, command, timeoutMs));
    return {};
  }

  async cancel(request: v1.CancelWorkflowRequest__Output, timeoutMs: number): Promise<v1.CancelWorkflowResponse> {
    const valid = validateCancelWorkflow(request);
    await this.requireKnown(valid.workflowId);
    const command: HistoryCommand = {
      type: "RequestCancelWorkflow",
      now: this.now(),
      data: { reason: valid.reason, requestId: valid.requestId ?? randomUUID() },
    };
    expectAccepted(await this.sender.send(valid.workflowId, command, timeoutMs));
    return {};
  }

  async terminate(request: v1.TerminateWorkflowRequest__Output, timeoutMs: number): Promise<v1.TerminateWorkflowResponse> {
    const valid = validateTerminateWorkflow(request);
    await this.requireKnown(valid.workflowId);
    const command: HistoryCommand = { type: "TerminateWorkflow", now: this.now(), data: { reason: valid.reason } };
    expectAccepted(await this.sender.send(valid.workflowId, command, timeoutMs));
    return {};
  }

  /**
   * An id the read model has never seen is NOT_FOUND without writing anything, so a typo
   * leaves no trace in the log. An id this gateway started moments ago may simply not be
   * projected yet: for those the lookup waits (woken by the projector) rather than failing.
   */
  private async requireKnown(workflowId: string): Promise<void> {
    const changes = this.recent.has(workflowId) ? this.changes : undefined;
    const known = await untilProjected(changes, workflowId, () => this.queries.describeWorkflow(workflowId), { timeoutMs: this.projectionWaitMs });
    if (!known) throw new GatewayError("NOT_FOUND", `workflow ${workflowId} not found`);
  }
}

/** Signal, cancel and terminate answer nothing but success or the rejection. */
function expectAccepted(outcome: CommandOutcome): void {
  switch (outcome.status) {
    case "applied":
    case "duplicate":
      return;
    case "rejected":
      throw GatewayError.fromRejection(outcome.rejection.code, outcome.rejection.message);
    default:
      return assertNever(outcome, "command outcome");
  }
}

/** Refuses payloads Postgres jsonb cannot store: the projector would stop at them for good. */
function storable(field: string, value: unknown): void {
  const problem = jsonbProblem(value);
  if (problem) throw new InvalidArgumentError(`${field}.json`, problem);
}
