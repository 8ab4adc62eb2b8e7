// Compares kafkajs 2.2.4 and @platformatic/kafka on what the history service does most: consume
// a batch, produce its results and commit the consumed offsets in one Kafka transaction per
// input partition (read_committed). Also plain produce throughput (acks=all), as the gateway
// does. Starts its own broker unless KAFKA_BROKERS is set.
//
//   node bench/kafka-clients.bench.js [--records 20000] [--partitions 4]
const os = require("node:os");
const path = require("node:path");
process.env.SWC_NODE_PROJECT = path.join(__dirname, "..", "tsconfig.base.json");
require("@swc-node/register");
const { ensureInfrastructure } = require("../libs/infra/src/infra-process.ts");

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const RECORDS = arg("records", 20_000);
const PARTITIONS = arg("partitions", 4);
const value = JSON.stringify({ type: "SignalWorkflow", data: { signalName: "s", input: { n: 1 }, requestId: "r" }, now: 0 });

async function withAdmin(brokers, fn) {
  const { Kafka, logLevel } = require("kafkajs");
  const admin = new Kafka({ brokers: [brokers], logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.disconnect();
  }
}

async function kafkajsRound(brokers, tag) {
  const { Kafka, logLevel, CompressionTypes } = require("kafkajs");
  // A new transaction right after a commit can meet CONCURRENT_TRANSACTIONS while the coordinator
  // writes the markers; the default 300 ms retry backoff would dominate latency (the Java client
  // retries that error after 20 ms).
  const kafka = new Kafka({ clientId: `bench-${tag}`, brokers: [brokers], logLevel: logLevel.NOTHING, retry: { initialRetryTime: 20, retries: 8 } });
  const input = `in-${tag}`;
  const output = `out-${tag}`;
  await withAdmin(brokers, (admin) =>
    admin.createTopics({ topics: [input, output].map((topic) => ({ topic, numPartitions: PARTITIONS })), waitForLeaders: true }),
  );
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  let started = process.hrtime.bigint();
  for (let i = 0; i < RECORDS; i += 500) {
    const messages = [];
    for (let j = i; j < Math.min(RECORDS, i + 500); j++) messages.push({ key: `wf-${j % 1000}`, value });
    await producer.send({ topic: input, acks: -1, messages, compression: CompressionTypes.None });
  }
  const produceMs = Number(process.hrtime.bigint() - started) / 1e6;
  await producer.disconnect();

  const groupId = `group-${tag}`;
  const consumer = kafka.consumer({ groupId, readUncommitted: false, maxWaitTimeInMs: 20 });
  const txProducers = new Map();
  const producerFor = async (partition) => {
    if (!txProducers.has(partition)) {
      const p = kafka.producer({ transactionalId: `${tag}-${partition}`, idempotent: true, maxInFlightRequests: 1 });
      await p.connect();
      txProducers.set(partition, p);
    }
    return txProducers.get(partition);
  };
  await consumer.connect();
  await consumer.subscribe({ topic: input, fromBeginning: true });
  let processed = 0;
  let transactions = 0;
  let onProcessed = () => undefined;
  started = process.hrtime.bigint();
  await new Promise((resolve, reject) => {
    consumer
      .run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        eachBatch: async ({ batch, resolveOffset }) => {
          const p = await producerFor(batch.partition);
          const tx = await p.transaction();
          await tx.send({ topic: output, messages: batch.messages.map((m) => ({ key: m.key, value: m.value })) });
          const next = (BigInt(batch.lastOffset()) + 1n).toString();
          await tx.sendOffsets({ consumerGroupId: groupId, topics: [{ topic: input, partitions: [{ partition: batch.partition, offset: next }] }] });
          await tx.commit();
          transactions++;
          resolveOffset(batch.lastOffset());
          processed += batch.messages.length;
          onProcessed();
          if (processed >= RECORDS) resolve();
        },
      })
      .catch(reject);
  });
  const processMs = Number(process.hrtime.bigint() - started) / 1e6;
  const single = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await single.connect();
  const latencies = await measureLatency(
    (key) => single.send({ topic: input, acks: -1, messages: [{ key, value }] }),
    () => processed,
    (fn) => (onProcessed = fn),
  );
  await single.disconnect();
  await consumer.disconnect();
  for (const p of txProducers.values()) await p.disconnect();
  return { produceMs, processMs, transactions, latencies };
}

/** One record at a time: produce, wait until the processor's transaction committed it. */
async function measureLatency(send, processedCount, setListener, rounds = 200) {
  const latencies = [];
  for (let i = 0; i < rounds; i++) {
    const before = processedCount();
    const done = new Promise((resolve) => setListener(() => processedCount() > before && resolve()));
    const t = process.hrtime.bigint();
    await send(`lat-${i}`);
    await done;
    latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(1);
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

async function platformaticRound(brokers, tag) {
  const k = require("@platformatic/kafka");
  const input = `in-${tag}`;
  const output = `out-${tag}`;
  await withAdmin(brokers, (admin) =>
    admin.createTopics({ topics: [input, output].map((topic) => ({ topic, numPartitions: PARTITIONS })), waitForLeaders: true }),
  );
  const producer = new k.Producer({ clientId: `bench-${tag}`, bootstrapBrokers: [brokers], serializers: k.stringSerializers, idempotent: true, acks: -1 });
  let started = process.hrtime.bigint();
  for (let i = 0; i < RECORDS; i += 500) {
    const messages = [];
    for (let j = i; j < Math.min(RECORDS, i + 500); j++) messages.push({ topic: input, key: `wf-${j % 1000}`, value });
    await producer.send({ messages });
  }
  const produceMs = Number(process.hrtime.bigint() - started) / 1e6;
  await producer.close();

  const groupId = `group-${tag}`;
  const consumer = new k.Consumer({
    groupId,
    clientId: `bench-${tag}-c`,
    bootstrapBrokers: [brokers],
    deserializers: k.stringDeserializers,
    isolationLevel: k.FetchIsolationLevels.READ_COMMITTED,
    maxWaitTime: 20,
    autocommit: false,
  });
  const txProducers = new Map();
  const producerFor = (partition) => {
    if (!txProducers.has(partition)) {
      txProducers.set(
        partition,
        new k.Producer({ clientId: `bench-${tag}-p${partition}`, bootstrapBrokers: [brokers], serializers: k.stringSerializers, idempotent: true, transactionalId: `${tag}-${partition}`, retryDelay: 20, retries: 8 }),
      );
    }
    return txProducers.get(partition);
  };
  const stream = await consumer.consume({ topics: [input], mode: k.MessagesStreamModes.COMMITTED, fallbackMode: k.MessagesStreamFallbackModes.EARLIEST, autocommit: false });
  let processed = 0;
  let transactions = 0;
  let onProcessed = () => undefined;
  const buffers = new Map();
  started = process.hrtime.bigint();
  await new Promise((resolve, reject) => {
    let flushing = false;
    const flush = async () => {
      if (flushing) return;
      flushing = true;
      try {
        while (buffers.size > 0) {
          const work = [...buffers.entries()];
          buffers.clear();
          await Promise.all(
            work.map(async ([partition, messages]) => {
              const tx = await producerFor(partition).beginTransaction();
              await tx.send({ messages: messages.map((m) => ({ topic: output, key: m.key, value: m.value })) });
              await tx.addConsumer(consumer);
              await tx.addOffset(messages[messages.length - 1]);
              await tx.commit();
              transactions++;
              processed += messages.length;
              onProcessed();
            }),
          );
        }
        if (processed >= RECORDS) resolve();
      } catch (error) {
        reject(error);
      } finally {
        flushing = false;
      }
    };
    stream.on("data", (message) => {
      const list = buffers.get(message.partition) ?? [];
      list.push(message);
      buffers.set(message.partition, list);
      setImmediate(flush);
    });
    stream.on("error", reject);
  });
  const processMs = Number(process.hrtime.bigint() - started) / 1e6;
  const single = new k.Producer({ clientId: `bench-${tag}-single`, bootstrapBrokers: [brokers], serializers: k.stringSerializers, idempotent: true, acks: -1 });
  const latencies = await measureLatency(
    (key) => single.send({ messages: [{ topic: input, key, value }] }),
    () => processed,
    (fn) => (onProcessed = fn),
  );
  await single.close();
  await stream.close();
  await consumer.close();
  for (const p of txProducers.values()) await p.close();
  return { produceMs, processMs, transactions, latencies };
}

async function main() {
  const infra = await ensureInfrastructure();
  const brokers = infra.env.KAFKA_BROKERS;
  console.log(`machine: ${os.cpus()[0].model.trim()}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`);
  console.log(`broker: Apache Kafka 3.9.1 (single KRaft node, local JVM); ${RECORDS} records, ${PARTITIONS} partitions`);
  const rows = [];
  for (const [name, round] of [["kafkajs 2.2.4", kafkajsRound], ["@platformatic/kafka 1.34.0", platformaticRound]]) {
    for (let r = 1; r <= 2; r++) {
      const tag = `${name.replace(/\W/g, "")}-${r}-${Date.now()}`;
      const result = await round(brokers, tag);
      rows.push({ name, ...result });
      console.log(
        `${name.padEnd(28)} run ${r}: produce ${Math.round(RECORDS / (result.produceMs / 1000)).toLocaleString()} rec/s; ` +
          `consume+produce+commit (transactional) ${Math.round(RECORDS / (result.processMs / 1000)).toLocaleString()} rec/s ` +
          `in ${result.transactions} transactions; one record at a time, produce to committed: ` +
          `p50 ${result.latencies.p50} ms, p95 ${result.latencies.p95} ms, p99 ${result.latencies.p99} ms`,
      );
    }
  }
  await infra.stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
