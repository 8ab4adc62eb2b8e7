/**
 * How long the history service takes to rebuild one partition's state on assignment: it reads
 * the partition of history.events from the start and folds every event (DESIGN §3.1). Writes
 * 10,000 closed workflows (11 events each: start, a workflow task, one activity, a second
 * task, complete) and 1,000 open ones (5 events) into ONE partition on a real broker, then
 * times `HistoryCommandsProcessor.onAssigned` (read + decode + fold).
 *
 *   npm run bench:rebuild [-- --closed 10000 --open 1000]
 */
import { type HistoryCommand, INITIAL_STATE, type WorkflowState, decide, encodeMessage, topicNames } from "@eventual/core";
import { ensureInfrastructure } from "@eventual/infra";
import { KafkaLog, type OutgoingRecord } from "@eventual/log";
import { JsonLogger } from "@eventual/service-kit";
import { HistoryCommandsProcessor } from "../apps/history/src/history-commands.processor";
import { machineInfo } from "./lib/machine-info";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};

function eventsFor(workflowId: string, closed: boolean): OutgoingRecord[] {
  const runId = `run-${workflowId}`;
  let state: WorkflowState = INITIAL_STATE;
  const records: OutgoingRecord[] = [];
  let now = 1_700_000_000_000;
  const apply = (command: Omit<HistoryCommand, "now">) => {
    const d = decide(state, { ...command, now: now++ } as HistoryCommand);
    if (!d.ok) throw new Error(d.rejection.message);
    state = d.state;
    for (const event of d.events) records.push({ topic: "", key: workflowId, partition: 0, value: encodeMessage({ workflowId, runId, event }) });
  };
  const task = () => (state.status === "running" && state.workflowTask.status === "scheduled" ? state.workflowTask.scheduledEventId : -1);
  apply({ type: "StartWorkflow", data: { workflowId, runId, workflowType: "order", taskQueue: "main", input: { workflowId }, requestId: runId } });
  if (!closed) {
    const t = task();
    apply({ type: "WorkflowTaskStarted", data: { runId, scheduledEventId: t, identity: "w" } });
    apply({ type: "CompleteWorkflowTask", data: { runId, scheduledEventId: t, identity: "w", commands: [{ type: "StartTimer", data: { seq: 1, fireAt: now + 86_400_000 } }] } });
    return records;
  }
  let t = task();
  apply({ type: "WorkflowTaskStarted", data: { runId, scheduledEventId: t, identity: "w" } });
  apply({ type: "CompleteWorkflowTask", data: { runId, scheduledEventId: t, identity: "w", commands: [{ type: "ScheduleActivity", data: { seq: 1, activityType: "charge", input: [], options: { taskQueue: "main" } } }] } });
  apply({ type: "ActivityTaskStarted", data: { runId, activityId: "1", attempt: 1, identity: "w" } });
  apply({ type: "CompleteActivityTask", data: { runId, activityId: "1", attempt: 1, result: { ok: true } } });
  t = task();
  apply({ type: "WorkflowTaskStarted", data: { runId, scheduledEventId: t, identity: "w" } });
  apply({ type: "CompleteWorkflowTask", data: { runId, scheduledEventId: t, identity: "w", commands: [{ type: "CompleteWorkflow", data: { result: "done" } }] } });
  return records;
}

async function main(): Promise<void> {
  const closed = arg("closed", 10_000);
  const open = arg("open", 1_000);
  const infra = await ensureInfrastructure();
  const log = new KafkaLog({ brokers: [infra.env.KAFKA_BROKERS], clientId: "rebuild-bench", onError: () => undefined });
  const topics = topicNames(`rebuild${Date.now()}.`);
  await log.ensureTopics([{ topic: topics.historyEvents, partitions: 1 }]);
  let events = 0;
  const started = Date.now();
  let pending: OutgoingRecord[] = [];
  const flush = async () => {
    await log.append(pending.map((r) => ({ ...r, topic: topics.historyEvents })));
    events += pending.length;
    pending = [];
  };
  for (let i = 0; i < closed + open; i++) {
    pending.push(...eventsFor(`wf-${i}`, i < closed));
    if (pending.length >= 1_000) await flush(); // one produce stays under the broker's 1 MB message limit
  }
  await flush();
  const writeMs = Date.now() - started;
  console.log(`machine: ${machineInfo()}`);
  console.log(`wrote ${events.toLocaleString()} events (${closed.toLocaleString()} closed + ${open.toLocaleString()} open workflows) into one partition in ${writeMs} ms`);
  const quiet = new JsonLogger("bench", "error");
  for (let run = 1; run <= 3; run++) {
    const processor = new HistoryCommandsProcessor(log, quiet, undefined, topics);
    const t = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    await processor.onAssigned(topics.historyCommands, 0);
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    const used = process.cpuUsage(cpu);
    const rss = Math.round(process.memoryUsage().rss / 2 ** 20);
    console.log(
      `rebuild ${run}: ${ms.toFixed(0)} ms (cpu ${((used.user + used.system) / 1000).toFixed(0)} ms), ` +
        `${Math.round(events / (ms / 1000)).toLocaleString()} events/s, rss ${rss} MiB`,
    );
  }
  await log.close();
  await infra.stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
