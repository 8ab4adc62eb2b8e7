import "reflect-metadata";
import { NestFactory } from "@nestjs/core";
import type { INestApplicationContext } from "@nestjs/common";
import { type HistoryCommandMessage, decodeHistoryEvent, encodeMessage, topicNames } from "@eventual/core";
import { KafkaLog, partitionFor } from "@eventual/log";
import { type RunningInfrastructure, ensureInfrastructure } from "@eventual/infra";
import { HistoryModule } from "../src/history.module";
import { HistoryService } from "../src/history.service";

const PARTITIONS = 2;

describe("history service on a real Kafka broker", () => {
  let infra: RunningInfrastructure;
  let log: KafkaLog;
  const prefix = `hist${Date.now()}.`;
  const topics = topicNames(prefix);

  const startService = async (): Promise<INestApplicationContext> => {
    const app = await NestFactory.createApplicationContext(
      HistoryModule.forRoot({
        kafka: { brokers: [infra.env.KAFKA_BROKERS], sessionTimeoutMs: 6_000, heartbeatIntervalMs: 1_000 },
        partitions: PARTITIONS,
        topicPrefix: prefix,
        groupId: `${prefix}history`,
        healthPort: 0,
        logLevel: "warn",
      }),
      { logger: false },
    );
    await app.init();
    return app;
  };

  const eventsOf = async (workflowId: string) => {
    const partition = partitionFor(workflowId, PARTITIONS);
    const found: ReturnType<typeof decodeHistoryEvent>[] = [];
    await log.readPartition(topics.historyEvents, partition, 0n, (records) => {
      for (const r of records) {
        const message = decodeHistoryEvent(r.value);
        if (message.workflowId === workflowId) found.push(message);
      }
    });
    return found;
  };

  const waitForEvents = async (workflowId: string, count: number) => {
    for (let i = 0; i < 200; i++) {
      const events = await eventsOf(workflowId);
      if (events.length >= count) return events;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`history of ${workflowId} did not reach ${count} events`);
  };

  const send = (message: HistoryCommandMessage) => log.append([{ topic: topics.historyCommands, key: message.workflowId, value: encodeMessage(message) }]);

  beforeAll(async () => {
    infra = await ensureInfrastructure();
    log = new KafkaLog({ brokers: [infra.env.KAFKA_BROKERS], clientId: "history-spec", onError: () => undefined });
  }, 120_000);

  afterAll(async () => {
    await log?.close();
    await infra?.stop();
  });

  it("records a start, and after a restart rebuilds state so a repeat is a duplicate", async () => {
    const start: HistoryCommandMessage = {
      workflowId: "wf-1",
      command: { type: "StartWorkflow", now: Date.now(), data: { workflowId: "wf-1", runId: "run-1", workflowType: "order", taskQueue: "main", input: null, requestId: "req-1" } },
    };
    let app = await startService();
    expect(app.get(HistoryService).ready).toBe(true);
    await send(start);
    const first = await waitForEvents("wf-1", 2);
    expect(first.map((m) => m.event.type)).toEqual(["WorkflowStarted", "WorkflowTaskScheduled"]);
    await app.close();

    app = await startService();
    await send(start);
    await send({ workflowId: "wf-1", command: { type: "SignalWorkflow", now: Date.now(), data: { signalName: "go", input: 1, requestId: "sig-1" } } });
    const after = await waitForEvents("wf-1", 3);
    await new Promise((r) => setTimeout(r, 500));
    const settled = await eventsOf("wf-1");
    await app.close();
    expect(after[2].event.type).toBe("SignalReceived");
    // The repeated start added nothing: the new instance knew the run from history.events.
    expect(settled.map((m) => m.event.type)).toEqual(["WorkflowStarted", "WorkflowTaskScheduled", "SignalReceived"]);
    expect(settled.map((m) => m.event.eventId)).toEqual([1, 2, 3]);
  }, 120_000);

  it("moves a malformed command to dead-letters with its source, and goes on with the partition", async () => {
    const app = await startService();
    const partition = partitionFor("wf-poison", PARTITIONS);
    await log.append([{ topic: topics.historyCommands, key: "wf-poison", value: "{not json", headers: { trace: "t-1" } }]);
    await send({ workflowId: "wf-poison", command: { type: "StartWorkflow", now: Date.now(), data: { workflowId: "wf-poison", runId: "run-p", workflowType: "order", taskQueue: "main", input: null, requestId: "req-p" } } });
    const events = await waitForEvents("wf-poison", 2);
    expect(events.map((m) => m.event.type)).toEqual(["WorkflowStarted", "WorkflowTaskScheduled"]);
    const dead: Array<{ key: string; value: string; headers: Record<string, string> }> = [];
    await log.readPartition(topics.deadLetters, partition, 0n, (records) => void dead.push(...records));
    await app.close();
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({
      key: "wf-poison",
      value: "{not json",
      headers: { trace: "t-1", "dead-letter.topic": topics.historyCommands, "dead-letter.partition": String(partition), "dead-letter.reason": expect.stringContaining("not JSON") },
    });
  }, 120_000);
});
