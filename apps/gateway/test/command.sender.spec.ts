import type { HistoryCommand } from "@eventual/core";
import type { LogPort, OutgoingRecord } from "@eventual/log";
import { CommandSender } from "../src/commands/command.sender";
import { ReplyRouter } from "../src/commands/reply.router";
import { InvalidArgumentError } from "../src/validation/invalid-argument.error";

const command: HistoryCommand = { type: "TerminateWorkflow", now: 1, data: { reason: "" } };

/** A log whose replies partition never answers, and whose appends can be made to fail. */
function setup(appendFails = false) {
  const appended: OutgoingRecord[] = [];
  const log = {
    partitionCount: async () => 1,
    readPartition: async () => 0n,
    append: async (records: OutgoingRecord[]) => {
      if (appendFails) throw new Error("broker down");
      appended.push(...records);
    },
  } as Partial<LogPort> as LogPort;
  const router = new ReplyRouter(log, { warn: () => undefined, debug: () => undefined }, { topic: "history.replies", gatewayId: "gw", idleMs: 1 });
  return { router, appended, sender: new CommandSender(log, router, "history.commands", "gw") };
}

describe("CommandSender", () => {
  it("addresses the command for a reply and says a timeout leaves the outcome unknown", async () => {
    const { router, appended, sender } = setup();
    await router.start();
    await expect(sender.send("w", command, 50)).rejects.toMatchObject({ status: "DEADLINE_EXCEEDED", message: expect.stringContaining("retrying with the same request_id is safe") });
    expect(appended).toHaveLength(1);
    expect(JSON.parse(appended[0].value)).toMatchObject({ workflowId: "w", command, replyTo: { gateway: "gw", correlationId: expect.any(String) } });
    expect(appended[0]).toMatchObject({ topic: "history.commands", key: "w" });
    await router.stop();
  });

  it("refuses, before sending, a command whose data Postgres jsonb cannot store (e.g. an activity result with a NUL)", async () => {
    const { router, appended, sender } = setup();
    await router.start();
    const report: HistoryCommand = { type: "CompleteActivityTask", now: 1, data: { runId: "r", activityId: "1", attempt: 1, result: { note: "a\u0000b" } } };
    await expect(sender.send("w", report, 10_000)).rejects.toEqual(new InvalidArgumentError("result.note", "contains the NUL character, which Postgres jsonb cannot store"));
    const cancel: HistoryCommand = { type: "RequestCancelWorkflow", now: 1, data: { reason: "bad \ud800", requestId: "q" } };
    await expect(sender.send("w", cancel, 10_000)).rejects.toMatchObject({ field: "reason" });
    expect(appended).toEqual([]);
    expect(router.pending).toBe(0);
    await router.stop();
  });

  it("answers UNAVAILABLE when the append fails, and stops waiting for it", async () => {
    const { router, sender } = setup(true);
    await router.start();
    await expect(sender.send("w", command, 10_000)).rejects.toMatchObject({ status: "UNAVAILABLE", message: expect.stringContaining("retry with the same request_id") });
    expect(router.pending).toBe(0);
    await router.stop();
  });

  it("sends nothing when the deadline has already passed", async () => {
    const { router, appended, sender } = setup();
    await router.start();
    await expect(sender.send("w", command, 0)).rejects.toMatchObject({ status: "DEADLINE_EXCEEDED" });
    expect(appended).toEqual([]);
    await router.stop();
  });
});

