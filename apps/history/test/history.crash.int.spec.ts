import { type HistoryCommandMessage, type HistoryEvent, decodeHistoryEvent, encodeMessage, historyProblems, topicNames } from "@eventual/core";
import { type RunningInfrastructure, ensureInfrastructure, launchService } from "@eventual/infra";
import { KafkaLog } from "@eventual/log";

const PARTITIONS = 4;
const WORKFLOWS = 200;
const SIGNALS = 5;

/**
 * SIGKILL the history process while it works through a stream of commands, start another:
 * every workflow's history ends up with each command applied exactly once and event ids
 * without gaps — the consume-produce-commit transaction either happened whole or not at all.
 */
describe("history service killed with SIGKILL mid-stream", () => {
  let infra: RunningInfrastructure;
  let log: KafkaLog;
  const prefix = `crash${Date.now()}.`;
  const topics = topicNames(prefix);
  const env = () => ({ KAFKA_BROKERS: infra.env.KAFKA_BROKERS, EVENTUAL_TOPIC_PREFIX: prefix, EVENTUAL_PARTITIONS: String(PARTITIONS), HISTORY_GROUP_ID: `${prefix}history`, KAFKA_SESSION_TIMEOUT_MS: "6000" });

  beforeAll(async () => {
    infra = await ensureInfrastructure();
    log = new KafkaLog({ brokers: [infra.env.KAFKA_BROKERS], clientId: "crash-spec", onError: () => undefined });
    await log.ensureTopics(Object.values(topics).map((topic) => ({ topic, partitions: PARTITIONS })));
  }, 120_000);
  afterAll(async () => {
    await log?.close();
    await infra?.stop();
  });

  const histories = async () => {
    const byWorkflow = new Map<string, HistoryEvent[]>();
    for (let p = 0; p < PARTITIONS; p++) {
      await log.readPartition(topics.historyEvents, p, 0n, (records) => {
        for (const r of records) {
          const m = decodeHistoryEvent(r.value);
          byWorkflow.set(m.workflowId, [...(byWorkflow.get(m.workflowId) ?? []), m.event]);
        }
      });
    }
    return byWorkflow;
  };
  const eventCount = async () => [...(await histories()).values()].reduce((n, h) => n + h.length, 0);
  const send = (messages: HistoryCommandMessage[]) => log.append(messages.map((m) => ({ topic: topics.historyCommands, key: m.workflowId, value: encodeMessage(m) })));

  it("applies every command exactly once across a crash and a restart", async () => {
    const ids = Array.from({ length: WORKFLOWS }, (_, i) => `wf-${i}`);
    const starts: HistoryCommandMessage[] = ids.map((id) => ({
      workflowId: id,
      command: { type: "StartWorkflow", now: Date.now(), data: { workflowId: id, runId: `run-${id}`, workflowType: "t", taskQueue: "q", input: null, requestId: `start-${id}` } },
    }));
    const signals: HistoryCommandMessage[] = [];
    for (let s = 1; s <= SIGNALS; s++) {
      for (const id of ids) signals.push({ workflowId: id, command: { type: "SignalWorkflow", now: Date.now(), data: { signalName: "poke", input: s, requestId: `${id}-s${s}` } } });
    }

    let history = await launchService("history", { entry: "apps/history/src/main.ts", env: env() });
    await send(starts);
    // Let it get part of the way, then kill it at whatever instant that is.
    const sending = (async () => {
      for (let i = 0; i < signals.length; i += 50) await send(signals.slice(i, i + 50));
    })();
    for (let i = 0; i < 200 && (await eventCount()) < WORKFLOWS; i++) await new Promise((r) => setTimeout(r, 25));
    expect(await history.kill()).toBeNull();
    await sending;
    const atCrash = await eventCount();

    history = await launchService("history", { entry: "apps/history/src/main.ts", env: env() });
    // At-least-once delivery upstream: resend a slice of the signals; they must not count twice.
    await send(signals.slice(0, 300));
    const expected = WORKFLOWS * (2 + SIGNALS);
    for (let i = 0; i < 600 && (await eventCount()) < expected; i++) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 1_000));
    const final = await histories();
    await history.stop();

    expect(atCrash).toBeLessThan(expected); // the kill really happened mid-stream
    expect(final.size).toBe(WORKFLOWS);
    for (const [id, events] of final) {
      expect({ id, problems: historyProblems(events) }).toEqual({ id, problems: [] });
      expect(events.map((e) => e.eventId)).toEqual(Array.from({ length: 2 + SIGNALS }, (_, i) => i + 1));
      const received = events.filter((e) => e.type === "SignalReceived").map((e) => (e.data as { requestId: string }).requestId);
      expect(received.sort()).toEqual(Array.from({ length: SIGNALS }, (_, s) => `${id}-s${s + 1}`).sort());
    }
  }, 240_000);
});
