import { Kafka, logLevel } from "kafkajs";
import { Client } from "pg";
import { type RunningInfrastructure, ensureInfrastructure } from "@eventual/infra";

describe("test infrastructure", () => {
  let infra: RunningInfrastructure;
  beforeAll(async () => {
    infra = await ensureInfrastructure();
  });
  afterAll(async () => {
    await infra?.stop();
  });

  it("runs a real Kafka broker that commits transactions read_committed consumers see", async () => {
    const kafka = new Kafka({ clientId: "infra-spec", brokers: [infra.env.KAFKA_BROKERS], logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    const topic = `infra-spec-${Date.now()}`;
    await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true });
    const producer = kafka.producer({ transactionalId: `${topic}-tx`, idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const committed = await producer.transaction();
    await committed.send({ topic, messages: [{ key: "w1", value: "kept" }] });
    await committed.commit();
    const aborted = await producer.transaction();
    await aborted.send({ topic, messages: [{ key: "w1", value: "dropped" }] });
    await aborted.abort();
    await producer.disconnect();

    const consumer = kafka.consumer({ groupId: `${topic}-group`, readUncommitted: false });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const seen: string[] = [];
    await new Promise<void>((resolve) => {
      void consumer.run({
        eachMessage: async ({ message }) => {
          seen.push(message.value!.toString());
          resolve();
        },
      });
    });
    await new Promise((r) => setTimeout(r, 500));
    await consumer.disconnect();
    await admin.disconnect();
    expect(seen).toEqual(["kept"]);
  });

  it("runs a real Postgres", async () => {
    const client = new Client({ connectionString: infra.env.DATABASE_URL });
    await client.connect();
    const { rows } = await client.query("select current_database() as db, version() as version");
    await client.end();
    expect(rows[0].db).toBe("eventual");
    expect(rows[0].version).toMatch(/^PostgreSQL \d+/);
  });
});
