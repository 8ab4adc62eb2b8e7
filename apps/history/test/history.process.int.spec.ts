import { type RunningInfrastructure, ensureInfrastructure, launchService } from "@eventual/infra";

/** The history service as its own OS process: ready on its health endpoint, gone on SIGTERM. */
describe("history service process", () => {
  let infra: RunningInfrastructure;
  beforeAll(async () => {
    infra = await ensureInfrastructure();
  }, 120_000);
  afterAll(async () => infra?.stop());

  it("reports ready, then shuts down cleanly on SIGTERM", async () => {
    const history = await launchService("history", {
      entry: "apps/history/src/main.ts",
      env: {
        KAFKA_BROKERS: infra.env.KAFKA_BROKERS,
        EVENTUAL_TOPIC_PREFIX: `proc${Date.now()}.`,
        EVENTUAL_PARTITIONS: "2",
        HISTORY_GROUP_ID: `proc-history-${Date.now()}`,
      },
    });
    expect((await fetch(`http://127.0.0.1:${history.healthPort}/health/live`)).status).toBe(200);
    expect(await history.stop()).toBe(0);
    expect(history.logs.some((l) => l.message === "history service stopping")).toBe(true);
  }, 90_000);
});
