import { type CommandOutcome, encodeMessage } from "@eventual/core";
import { type LogPort, type LogRecord, partitionFor } from "@eventual/log";
import { ReplyRouter, ReplyRouterStoppedError, ReplyTimeoutError } from "../src/commands/reply.router";

const TOPIC = "history.replies";
const PARTITIONS = 4;

/** Just enough of a log for the router: one topic, records appended by the test. */
class FakeReplies {
  readonly records: LogRecord[][] = Array.from({ length: PARTITIONS }, () => []);
  reads = 0;

  reply(gateway: string, correlationId: string, outcome: CommandOutcome): void {
    const partition = partitionFor(gateway, PARTITIONS);
    const records = this.records[partition];
    records.push({ topic: TOPIC, partition, offset: BigInt(records.length), key: gateway, value: encodeMessage({ replyTo: { gateway, correlationId }, outcome }), headers: {}, timestamp: 0 });
  }

  port(): LogPort {
    return {
      partitionCount: async () => PARTITIONS,
      readPartition: async (_topic, partition, from, onRecords) => {
        this.reads++;
        const records = this.records[partition].filter((r) => r.offset >= from);
        if (records.length) await onRecords(records);
        return BigInt(this.records[partition].length);
      },
    } as Partial<LogPort> as LogPort;
  }
}

const applied = (runId: string): CommandOutcome => ({ status: "applied", workflowId: "w", runId, events: 2 });
const quiet = { warn: () => undefined, debug: () => undefined };

describe("ReplyRouter", () => {
  it("routes replies by correlation id and ignores those of an earlier process", async () => {
    const log = new FakeReplies();
    log.reply("gw-1", "old", applied("before-start"));
    const router = new ReplyRouter(log.port(), quiet, { topic: TOPIC, gatewayId: "gw-1", idleMs: 1 });
    await router.start();
    const a = router.expect("a", 1_000);
    const b = router.expect("b", 1_000);
    log.reply("gw-1", "b", applied("run-b"));
    log.reply("gw-1", "a", applied("run-a"));
    await expect(a).resolves.toEqual(applied("run-a"));
    await expect(b).resolves.toEqual(applied("run-b"));
    expect(router.pending).toBe(0);
    await router.stop();
  });

  it("skips replies keyed for another gateway on the same partition", async () => {
    const log = new FakeReplies();
    const router = new ReplyRouter(log.port(), quiet, { topic: TOPIC, gatewayId: "gw-1", idleMs: 1 });
    await router.start();
    const waiting = router.expect("x", 200);
    // Same partition, another key: must not resolve our waiter even with our correlation id.
    const partition = partitionFor("gw-1", PARTITIONS);
    log.records[partition].push({ topic: TOPIC, partition, offset: BigInt(log.records[partition].length), key: "gw-other", value: encodeMessage({ replyTo: { gateway: "gw-other", correlationId: "x" }, outcome: applied("wrong") }), headers: {}, timestamp: 0 });
    await expect(waiting).rejects.toBeInstanceOf(ReplyTimeoutError);
    await router.stop();
  });

  it("reads only while a call waits", async () => {
    const log = new FakeReplies();
    const router = new ReplyRouter(log.port(), quiet, { topic: TOPIC, gatewayId: "gw-1", idleMs: 1 });
    await router.start();
    const reply = router.expect("a", 1_000);
    log.reply("gw-1", "a", applied("run-a"));
    await reply;
    await new Promise((resolve) => setTimeout(resolve, 20));
    const reads = log.reads;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(log.reads).toBe(reads);
    await router.stop();
  });

  it("fails waiting calls on stop and refuses new ones", async () => {
    const log = new FakeReplies();
    const router = new ReplyRouter(log.port(), quiet, { topic: TOPIC, gatewayId: "gw-1", idleMs: 1 });
    await router.start();
    const waiting = expect(router.expect("a", 10_000)).rejects.toBeInstanceOf(ReplyRouterStoppedError);
    await router.stop();
    await waiting;
    await expect(router.expect("b", 10)).rejects.toBeInstanceOf(ReplyRouterStoppedError);
  });
});
