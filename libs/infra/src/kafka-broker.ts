import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { freePort, waitForPort } from "./free-port";

/** Kafka line the broker comes from: 3.9 still speaks every protocol version kafkajs uses. */
export const KAFKA_VERSION = "3.9.1";

export interface KafkaBroker {
  /** `host:port` for clients. */
  brokers: string;
  dataDir: string;
  stop(): Promise<void>;
}

export interface KafkaBrokerOptions {
  /** Where the broker keeps its log (default: a new temporary directory, removed on stop). */
  dataDir?: string;
  port?: number;
  /** Broker JVM heap; a small one keeps the 2-core CI machine responsive. */
  heap?: string;
  log?: (line: string) => void;
}

/** Where Maven-resolved jars are cached, outside the repository. */
export function kafkaCacheDir(): string {
  const base = process.env.EVENTUAL_CACHE_DIR ?? path.join(os.homedir(), ".cache", "eventual");
  return path.join(base, `kafka-${KAFKA_VERSION}`);
}

/**
 * Resolves the broker's jars from Maven Central into the cache (once; later calls reuse them).
 * Needs `mvn` and Java 17 on the PATH.
 */
export function resolveKafkaJars(log: (line: string) => void = () => undefined): string {
  const dir = kafkaCacheDir();
  const libs = path.join(dir, "libs");
  const marker = path.join(dir, "resolved");
  if (fs.existsSync(marker)) return libs;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, "pom.xml"),
    `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.eventual</groupId><artifactId>kafka-broker</artifactId><version>1</version><packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_2.13</artifactId><version>${KAFKA_VERSION}</version></dependency>
    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-reload4j</artifactId><version>1.7.36</version></dependency>
  </dependencies>
</project>
`,
  );
  log(`resolving Apache Kafka ${KAFKA_VERSION} jars with Maven into ${libs}`);
  try {
    execFileSync("mvn", ["-q", "-B", "dependency:copy-dependencies", `-DoutputDirectory=${libs}`], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    const e = error as { stdout?: Buffer; stderr?: Buffer; message: string };
    throw new Error(
      `Could not resolve Kafka ${KAFKA_VERSION} with Maven (is mvn on the PATH and Maven Central reachable?): ${e.message}\n${e.stdout?.toString() ?? ""}${e.stderr?.toString() ?? ""}`,
    );
  }
  fs.writeFileSync(marker, new Date().toISOString());
  return libs;
}

/**
 * Starts a real single-node Apache Kafka broker in KRaft combined mode as a local JVM process,
 * configured for transactions on one broker (replication factor and min ISR of 1).
 *
 * @example
 * const kafka = await startKafkaBroker();
 * // ... new Kafka({ brokers: [kafka.brokers] }) ...
 * await kafka.stop();
 */
export async function startKafkaBroker(options: KafkaBrokerOptions = {}): Promise<KafkaBroker> {
  const log = options.log ?? (() => undefined);
  const libs = resolveKafkaJars(log);
  const ownsDir = !options.dataDir;
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "eventual-kafka-"));
  fs.mkdirSync(dataDir, { recursive: true });
  const port = options.port ?? (await freePort());
  const controllerPort = await freePort();
  const configFile = path.join(dataDir, "server.properties");
  fs.writeFileSync(
    configFile,
    [
      "process.roles=broker,controller",
      "node.id=1",
      `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
      `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
      `advertised.listeners=PLAINTEXT://127.0.0.1:${port}`,
      "controller.listener.names=CONTROLLER",
      "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
      `log.dirs=${path.join(dataDir, "log")}`,
      "num.partitions=1",
      "offsets.topic.replication.factor=1",
      "offsets.topic.num.partitions=4",
      "transaction.state.log.replication.factor=1",
      "transaction.state.log.min.isr=1",
      "transaction.state.log.num.partitions=4",
      "group.initial.rebalance.delay.ms=0",
      "auto.create.topics.enable=false",
      "log.flush.interval.messages=1",
    ].join("\n") + "\n",
  );
  const log4j = path.join(dataDir, "log4j.properties");
  fs.writeFileSync(
    log4j,
    [
      "log4j.rootLogger=WARN, file",
      "log4j.appender.file=org.apache.log4j.FileAppender",
      `log4j.appender.file.File=${path.join(dataDir, "broker.log")}`,
      "log4j.appender.file.layout=org.apache.log4j.PatternLayout",
      "log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n",
    ].join("\n") + "\n",
  );
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, "bin", "java") : "java";
  const classpath = path.join(libs, "*");
  const jvm = [`-Xmx${options.heap ?? "512m"}`, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", `-Dlog4j.configuration=file:${log4j}`, "-cp", classpath];
  if (!fs.existsSync(path.join(dataDir, "log", "meta.properties"))) {
    const clusterId = execFileSync(java, [...jvm, "kafka.tools.StorageTool", "random-uuid"]).toString().trim();
    execFileSync(java, [...jvm, "kafka.tools.StorageTool", "format", "-t", clusterId, "-c", configFile], { stdio: "ignore" });
  }
  log(`starting Kafka ${KAFKA_VERSION} on 127.0.0.1:${port} (data in ${dataDir})`);
  const child: ChildProcess = spawn(java, [...jvm, "kafka.Kafka", configFile], { stdio: "ignore", detached: false });
  let exited = false;
  child.once("exit", () => (exited = true));
  try {
    await waitForPort(port, 90_000, () => !exited);
  } catch (error) {
    child.kill("SIGKILL");
    throw new Error(`Kafka did not start: ${(error as Error).message}; see ${path.join(dataDir, "broker.log")}`);
  }
  return {
    brokers: `127.0.0.1:${port}`,
    dataDir,
    stop: async () => {
      if (!exited) {
        const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
        await gone;
        clearTimeout(timer);
      }
      if (ownsDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
