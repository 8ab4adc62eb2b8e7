import type * as grpc from "@grpc/grpc-js";
import type { v1 } from "@eventual/proto";
import type { JsonLogger } from "@eventual/service-kit";
import type { WorkflowCommandsService } from "../commands/workflow-commands.service";
import type { WorkflowReadsService } from "../queries/workflow-reads.service";
import { hasDeadline, remainingMs } from "./call-deadline";
import { toStatusError } from "./gateway.error";

type Handlers = v1.WorkflowServiceHandlers;
type Method = keyof Handlers;
type UnaryCall<Req> = grpc.ServerUnaryCall<Req, unknown>;

export interface ControllerOptions {
  /** How long a command waits for history when the call has no deadline. */
  commandTimeoutMs: number;
  readRecheckMs: number;
  /** True once the gateway is draining: long waits give up so shutdown can finish. */
  stopping(): boolean;
}

/**
 * The WorkflowService handlers: each translates a call into a service call and the outcome (or
 * error) into the gRPC answer, and logs it. No logic of its own beyond deadlines.
 *
 * @example
 * server.addService(loadEventualProto().eventual.api.v1.WorkflowService.service, new WorkflowController(commands, reads, logger, options).handlers());
 */
export class WorkflowController {
  private inFlight = 0;

  constructor(
    private readonly commands: WorkflowCommandsService,
    private readonly reads: WorkflowReadsService,
    private readonly logger: JsonLogger,
    private readonly options: ControllerOptions,
  ) {}

  /** Calls being answered right now (shutdown waits for them). */
  get activeCalls(): number {
    return this.inFlight;
  }

  handlers(): Handlers {
    const commandTimeout = (call: UnaryCall<unknown>) => remainingMs(call, this.options.commandTimeoutMs);
    return {
      StartWorkflow: this.unary("StartWorkflow", (call: UnaryCall<v1.StartWorkflowRequest__Output>) =>
        this.commands.start(call.request, commandTimeout(call)),
      ),
      SignalWorkflow: this.unary("SignalWorkflow", (call: UnaryCall<v1.SignalWorkflowRequest__Output>) =>
        this.commands.signal(call.request, commandTimeout(call)),
      ),
      CancelWorkflow: this.unary("CancelWorkflow", (call: UnaryCall<v1.CancelWorkflowRequest__Output>) =>
        this.commands.cancel(call.request, commandTimeout(call)),
      ),
      TerminateWorkflow: this.unary("TerminateWorkflow", (call: UnaryCall<v1.TerminateWorkflowRequest__Output>) =>
        this.commands.terminate(call.request, commandTimeout(call)),
      ),
      DescribeWorkflow: this.unary("DescribeWorkflow", (call: UnaryCall<v1.DescribeWorkflowRequest__Output>) => this.reads.describe(call.request)),
      GetWorkflowHistory: this.unary("GetWorkflowHistory", (call: UnaryCall<v1.GetWorkflowHistoryRequest__Output>) => this.reads.history(call.request)),
      ListWorkflows: this.unary("ListWorkflows", (call: UnaryCall<v1.ListWorkflowsRequest__Output>) => this.reads.list(call.request)),
      GetWorkflowResult: this.unary("GetWorkflowResult", (call: UnaryCall<v1.GetWorkflowResultRequest__Output>) =>
        this.reads.result(call.request, {
          // Without a deadline the caller asked to wait for as long as the run takes.
          timeoutMs: hasDeadline(call) ? remainingMs(call, 0) : Infinity,
          pollMs: this.options.readRecheckMs,
          abandoned: () => call.cancelled || this.options.stopping(),
        }),
      ),
    };
  }

  private unary<M extends Method, Req>(method: M, handle: (call: UnaryCall<Req>) => Promise<object>): Handlers[M] {
    const handler = (call: UnaryCall<Req>, callback: grpc.sendUnaryData<object>) => {
      const started = Date.now();
      this.inFlight++;
      handle(call)
        .then(
          (response) => {
            this.logger.debug("call answered", { method, ms: Date.now() - started });
            callback(null, response);
          },
          (error: unknown) => {
            const status = toStatusError(error, (unexpected) =>
              this.logger.error("call failed unexpectedly", { method, error: String((unexpected as Error)?.stack ?? unexpected) }),
            );
            this.logger.info("call refused", { method, code: status.code, details: status.details, ms: Date.now() - started });
            callback(status);
          },
        )
        .finally(() => this.inFlight--);
    };
    return handler as unknown as Handlers[M];
  }
}
