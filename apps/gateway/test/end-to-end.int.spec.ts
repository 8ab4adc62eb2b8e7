import { EventualClient } from "@eventual/client";
import { historyProblems } from "@eventual/core";
import { type LaunchedService, type RunningInfrastructure, ensureInfrastructure, launchService } from "@eventual/infra";
import { KafkaLog } from "@eventual/log";
import { topicNames } from "@eventual/core";
import { type TestStore, openTestStore } from "@eventual/store";
import { Worker } from "@eventual/worker";

/**
 * The whole platform across separate OS processes — history, projector, timers, matching and
 * the gateway, each launched from its main.ts — with a worker and a client in the test: a
 * workflow with durable timers and activities runs to its result, and a signal wakes another.
 */
describe("end to end across processes", () => {
  let infra: RunningInfrastructure;
  let store: TestStore;
  const services: LaunchedService[] = [];
  let worker: Worker;
  let running: Promise<void>;
  let client: EventualClient;
  const prefix = `e2e${Date.now()}.`;

  const addressFrom = (service: LaunchedService, message: string, field: string) => {
    const line = service.logs.find((l) => l.message === message);
    const value = String(line?.[field] ?? "");
    const port = value.split(":").pop();
    if (!port) throw new Error(`${service.name} did not log its ${field}: ${JSON.stringify(service.logs.slice(-5))}`);
    return `127.0.0.1:${port}`;
  };

  beforeAll(async () => {
    infra = await ensureInfrastructure();
    process.env.DATABASE_URL ??= infra.env.DATABASE_URL;
    store = await openTestStore();
    // The topics exist before any service consumes them (history and the gateway would create
    // them too, but the projector and timers start alongside).
    const admin = new KafkaLog({ brokers: [infra.env.KAFKA_BROKERS], clientId: "e2e-setup", onError: () => undefined });
    await admin.ensureTopics(Object.values(topicNames(prefix)).map((topic) => ({ topic, partitions: 2 })));
    await admin.close();
    const common = {
      KAFKA_BROKERS: infra.env.KAFKA_BROKERS,
      KAFKA_SESSION_TIMEOUT_MS: "6000",
      EVENTUAL_TOPIC_PREFIX: prefix,
      EVENTUAL_PARTITIONS: "2",
      DATABASE_URL: store.url,
      DATABASE_SCHEMA: store.schema,
    };
    const launch = (name: string, env: Record<string, string>) => launchService(name, { entry: `apps/${name}/src/main.ts`, env: { ...common, ...env }, readyTimeoutMs: 90_000 });
    services.push(
      ...(await Promise.all([
        launch("history", { HISTORY_GROUP_ID: `${prefix}history` }),
        launch("projector", { PROJECTOR_GROUP_ID: `${prefix}projector` }),
        launch("timers", { TIMERS_GROUP_ID: `${prefix}timers` }),
        launch("matching", { MATCHING_GROUP_ID: `${prefix}matching`, MATCHING_PORT: "0", MATCHING_HOST: "127.0.0.1", LOG_LEVEL: "info" }),
      ])),
    );
    const matching = addressFrom(services[3], "matching serving", "grpc");
    const gateway = await launch("gateway", { GATEWAY_PORT: "0", GATEWAY_HOST: "127.0.0.1", GATEWAY_ID: `${prefix}gateway`, MATCHING_ADDRESSES: matching, LOG_LEVEL: "info" });
    services.push(gateway);
    const address = addressFrom(gateway, "gateway serving", "address");
    client = new EventualClient({ address });
    worker = await Worker.create({ address, taskQueue: "main", workflowsPath: require.resolve("./fixtures/e2e.workflows"), pollTimeoutMs: 5_000, shutdownGraceMs: 1_000, log: () => undefined });
    running = worker.run();
  }, 180_000);

  afterAll(async () => {
    await worker?.shutdown();
    await running;
    client?.close();
    await Promise.all(services.map((s) => s.stop()));
    await store?.close();
    await infra?.stop();
  }, 60_000);

  it("runs a workflow with durable timers and activities to its result", async () => {
    const { runId } = await client.startWorkflow({ workflowId: "greet-ana", workflowType: "greeter", taskQueue: "main", input: "ana" });
    const result = await client.getWorkflowResult({ workflowId: "greet-ana" }, { timeout: "60s" });
    expect(result).toEqual({ runId, status: "completed", result: ["hello ana (1)", "hello ana (2)"] });
    const history = await client.getFullWorkflowHistory({ workflowId: "greet-ana", runId });
    expect(historyProblems(history)).toEqual([]);
    expect(history.filter((e) => e.type === "TimerFired")).toHaveLength(2);
    expect(history.filter((e) => e.type === "ActivityTaskCompleted")).toHaveLength(2);
  }, 90_000);

  it("wakes a waiting workflow with a signal", async () => {
    await client.startWorkflow({ workflowId: "wait-1", workflowType: "waiter", taskQueue: "main" });
    for (let i = 0; i < 100; i++) {
      try {
        await client.signalWorkflow({ workflowId: "wait-1", signalName: "go", input: { by: "ben" } });
        break;
      } catch (error) {
        // The read model may not show the new run yet (NOT_FOUND for a moment).
        if (i === 99) throw error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const result = await client.getWorkflowResult({ workflowId: "wait-1" }, { timeout: "60s" });
    expect(result).toMatchObject({ status: "completed", result: "released by ben" });
  }, 90_000);
});
