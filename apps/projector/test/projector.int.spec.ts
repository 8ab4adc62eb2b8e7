import { type HistoryCommand, INITIAL_STATE, type WorkflowState, decide, encodeMessage, topicNames } from "@eventual/core";
import { KafkaLog } from "@eventual/log";
import { type RunningInfrastructure, ensureInfrastructure } from "@eventual/infra";
import { JsonLogger } from "@eventual/service-kit";
import { type TestStore, WorkflowQueries, dumpReadModels, openTestStore } from "@eventual/store";
import { ProjectorService } from "../src/projector.service";

/**
 * The projector between a real broker and a real Postgres: history.events written by the
 * history processor become read-model rows; dropping them and projecting again from the log
 * gives identical rows.
 */
describe("projector on real Kafka and Postgres", () => {
  let infra: RunningInfrastructure;
  let store: TestStore;
  let log: KafkaLog;
  const prefix = `proj${Date.now()}.`;
  const topics = topicNames(prefix);
  const quiet = new JsonLogger("projector-spec", "error");

  beforeAll(async () => {
    infra = await ensureInfrastructure();
    process.env.DATABASE_URL ??= infra.env.DATABASE_URL;
    store = await openTestStore();
    log = new KafkaLog({ brokers: [infra.env.KAFKA_BROKERS], clientId: "projector-spec", onError: () => undefined });
    await log.ensureTopics(Object.values(topics).map((topic) => ({ topic, partitions: 2 })));
  }, 120_000);

  afterAll(async () => {
    await log?.close();
    await store?.close();
    await infra?.stop();
  });

  const projector = (groupId: string) =>
    new ProjectorService(
      { kafka: { brokers: [infra.env.KAFKA_BROKERS], sessionTimeoutMs: 6_000, heartbeatIntervalMs: 1_000 }, databaseUrl: "", databaseSchema: "public", topicPrefix: prefix, groupId, healthPort: 0, logLevel: "error" },
      log,
      store.dataSource,
      quiet,
    );

  it("projects executions and events, and rebuilds identical rows from the log", async () => {
    // Events as the history service writes them: decided by the core, keyed by workflow id.
    const records = [];
    const states = new Map<string, WorkflowState>();
    const commands: Array<[string, HistoryCommand]> = ["a", "b", "c"].map((id) => [
      id,
      { type: "StartWorkflow", now: 1_700_000_000_000, data: { workflowId: id, runId: `run-${id}`, workflowType: "order", taskQueue: "main", input: { id }, requestId: `req-${id}` } },
    ]);
    commands.push(["a", { type: "TerminateWorkflow", now: 1_700_000_001_000, data: { reason: "test" } }]);
    for (const [workflowId, command] of commands) {
      const decision = decide(states.get(workflowId) ?? INITIAL_STATE, command);
      if (!decision.ok) throw new Error(decision.rejection.message);
      states.set(workflowId, decision.state);
      for (const event of decision.events) {
        records.push({ topic: topics.historyEvents, key: workflowId, value: encodeMessage({ workflowId, runId: `run-${workflowId}`, event }) });
      }
    }
    await log.append(records);

    const first = projector(`${prefix}projector`);
    await first.start();
    const queries = new WorkflowQueries(store.dataSource);
    const waitFor = async (predicate: () => Promise<boolean>) => {
      for (let i = 0; i < 200 && !(await predicate()); i++) await new Promise((r) => setTimeout(r, 100));
    };
    await waitFor(async () => (await queries.describeWorkflow("a"))?.status === "terminated" && (await queries.describeWorkflow("c")) !== undefined);
    await first.stop();

    expect(await queries.describeWorkflow("a")).toMatchObject({ workflowId: "a", runId: "run-a", status: "terminated", historyLength: 3 });
    expect(await queries.describeWorkflow("b")).toMatchObject({ status: "running", historyLength: 2, workflowType: "order" });
    const before = await dumpReadModels(store.dataSource);

    // Drop the read models and project again from the beginning of the log.
    const rebuilt = projector(`${prefix}projector`);
    await store.dataSource.query("TRUNCATE workflow_executions, history_events");
    await store.dataSource.query("DELETE FROM projection_offsets");
    await rebuilt.start();
    await waitFor(async () => (await dumpReadModels(store.dataSource)).history_events === before.history_events);
    await rebuilt.stop();
    expect(await dumpReadModels(store.dataSource)).toEqual(before);
  }, 120_000);
});
