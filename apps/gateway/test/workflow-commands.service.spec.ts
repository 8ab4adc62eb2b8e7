import * as grpc from "@grpc/grpc-js";
import type { CommandOutcome, HistoryCommand } from "@eventual/core";
import { InvalidQueryError, type WorkflowExecutionView } from "@eventual/store";
import type { CommandSender } from "../src/commands/command.sender";
import { WorkflowCommandsService } from "../src/commands/workflow-commands.service";
import { GatewayError, toStatusError } from "../src/grpc/gateway.error";
import { InvalidArgumentError } from "../src/validation/invalid-argument.error";

/** The write side with history stubbed: what is sent, and how outcomes become answers. */
function service(outcome: (command: HistoryCommand) => CommandOutcome, known: string[] = ["known"]) {
  const sent: Array<{ workflowId: string; command: HistoryCommand; timeoutMs: number }> = [];
  const sender = {
    send: async (workflowId: string, command: HistoryCommand, timeoutMs: number) => {
      sent.push({ workflowId, command, timeoutMs });
      return outcome(command);
    },
  } as unknown as CommandSender;
  const queries = {
    describeWorkflow: async (id: string) => (known.includes(id) ? ({ workflowId: id, status: "running" } as WorkflowExecutionView) : undefined),
  };
  return { commands: new WorkflowCommandsService(sender, queries, () => 1_700_000_000_000), sent };
}

const start = { workflowId: "w", workflowType: "t", taskQueue: "q", input: { json: "1" }, requestId: "", idReusePolicy: "ID_REUSE_POLICY_UNSPECIFIED", executionTimeoutMs: 0, taskTimeoutMs: 0 } as const;

describe("WorkflowCommandsService", () => {
  it("stamps a start with a fresh run id, a request id and now", async () => {
    const { commands, sent } = service((c) => ({ status: "applied", workflowId: "w", runId: (c.data as { runId: string }).runId, events: 2 }));
    const reply = await commands.start(start, 5_000);
    const data = sent[0].command.data as { runId: string; requestId: string };
    expect(reply).toEqual({ runId: data.runId, started: true });
    expect(data.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent[0]).toMatchObject({ workflowId: "w", timeoutMs: 5_000, command: { type: "StartWorkflow", now: 1_700_000_000_000 } });
  });

  it("answers a duplicate with the existing run and a rejection with its code", async () => {
    expect(await service(() => ({ status: "duplicate", workflowId: "w", runId: "first" })).commands.start(start, 1)).toEqual({ runId: "first", started: false });
    const rejected = service(() => ({ status: "rejected", workflowId: "w", rejection: { code: "ALREADY_EXISTS", reason: "workflow-already-running", message: "w is running" } }));
    await expect(rejected.commands.start(start, 1)).rejects.toEqual(new GatewayError("ALREADY_EXISTS", "w is running"));
  });

  it("writes nothing for an unknown workflow id and maps a closed run to FAILED_PRECONDITION", async () => {
    const closed = service(() => ({ status: "rejected", workflowId: "known", rejection: { code: "FAILED_PRECONDITION", reason: "workflow-closed", message: "closed" } }));
    await expect(closed.commands.signal({ workflowId: "ghost", signalName: "s", input: null, requestId: "" }, 1)).rejects.toMatchObject({ status: "NOT_FOUND" });
    await expect(closed.commands.terminate({ workflowId: "ghost", reason: "" }, 1)).rejects.toMatchObject({ status: "NOT_FOUND" });
    expect(closed.sent).toEqual([]);
    await expect(closed.commands.cancel({ workflowId: "known", reason: "", requestId: "" }, 1)).rejects.toMatchObject({ status: "FAILED_PRECONDITION", message: "closed" });
    expect(closed.sent[0].command).toMatchObject({ type: "RequestCancelWorkflow", data: { reason: "", requestId: expect.any(String) } });
  });

  it("refuses a payload Postgres cannot store before sending", async () => {
    const { commands, sent } = service(() => ({ status: "applied", workflowId: "w", runId: "r", events: 1 }));
    await expect(commands.start({ ...start, input: { json: '"\\ud800"' } }, 1)).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(sent).toEqual([]);
  });
});

describe("toStatusError", () => {
  it("maps typed errors to their status and hides unexpected ones", () => {
    expect(toStatusError(new InvalidArgumentError("workflow_id", "is required"))).toMatchObject({ code: grpc.status.INVALID_ARGUMENT, details: "workflow_id: is required" });
    expect(toStatusError(new InvalidQueryError("pageToken", "page token is malformed"))).toMatchObject({ code: grpc.status.INVALID_ARGUMENT, details: "page_token: page token is malformed" });
    expect(toStatusError(new GatewayError("NOT_FOUND", "gone"))).toMatchObject({ code: grpc.status.NOT_FOUND, details: "gone" });
    const seen: unknown[] = [];
    expect(toStatusError(new Error("secret detail"), (e) => seen.push(e))).toMatchObject({ code: grpc.status.INTERNAL, details: expect.not.stringContaining("secret") });
    expect(seen).toHaveLength(1);
  });

  it("waits for the projection of a workflow it just started before a signal, and not for ids nobody started", async () => {
    const projected = new Set<string>();
    const wakes: Array<() => void> = [];
    const sent: HistoryCommand[] = [];
    const sender = {
      send: async (workflowId: string, command: HistoryCommand) => {
        sent.push(command);
        return command.type === "StartWorkflow" ? { status: "applied", workflowId, runId: "r1", events: 2 } : { status: "applied", workflowId, events: 1 };
      },
    } as unknown as CommandSender;
    const queries = { describeWorkflow: async (id: string) => (projected.has(id) ? ({ workflowId: id, status: "running" } as WorkflowExecutionView) : undefined) };
    const watcher = {
      watch: () => {
        let wake!: () => void;
        const changed = new Promise<void>((resolve) => (wake = resolve));
        wakes.push(wake);
        return { changed, dispose: () => wake() };
      },
    };
    const commands = new WorkflowCommandsService(sender, queries, () => 1_700_000_000_000, watcher, 60_000);
    await commands.start(start, 1_000);
    const signalled = commands.signal({ workflowId: "w", signalName: "go", input: null, requestId: "" }, 1_000);
    await new Promise((r) => setTimeout(r, 20));
    expect(sent.map((c) => c.type)).toEqual(["StartWorkflow"]);
    // The projector commits the start and notifies: the signal goes through.
    projected.add("w");
    wakes.forEach((wake) => wake());
    await signalled;
    expect(sent.map((c) => c.type)).toEqual(["StartWorkflow", "SignalWorkflow"]);
    await expect(commands.signal({ workflowId: "never-started", signalName: "go", input: null, requestId: "" }, 1_000)).rejects.toEqual(
      new GatewayError("NOT_FOUND", "workflow never-started not found"),
    );
    expect(sent).toHaveLength(2);
  });
});
