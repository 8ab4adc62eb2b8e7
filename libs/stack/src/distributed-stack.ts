import { topicNames } from "@eventual/core";
import { type LaunchedService, freePort } from "@eventual/infra";
import { type ProcessLaunchOptions, type StackWorkerSpec, launchStackProcess, launchWorkerProcess } from "./process-launchers";
import { KafkaLog } from "@eventual/log";

/** The platform's services, each its own OS process. */
export type StackServiceName = "history" | "projector" | "timers" | "matching" | "gateway";

/** The order they start in: the gateway last, as it needs matching's address. */
export const STACK_SERVICES: readonly StackServiceName[] = ["history", "projector", "timers", "matching", "gateway"];

export interface DistributedStackOptions {
  kafkaBrokers: string;
  databaseUrl: string;
  /** Postgres schema of every table (default `public`). */
  databaseSchema?: string;
  /** Prefix of every topic and consumer group, so stacks can share a broker (default none). */
  topicPrefix?: string;
  /** Partitions of every topic (default 4). */
  partitions?: number;
  /** How long a silent instance keeps its partitions, i.e. failover time (default 6 s). */
  sessionTimeoutMs?: number;
  /** Gateway port (default: a free one). */
  gatewayPort?: number;
  /** Matching's gRPC port (default: a free one, kept across restarts). */
  matchingPort?: number;
  workers?: StackWorkerSpec[];
  /** Extra environment per service, e.g. `{ timers: { TIMERS_BATCH: "50" } }`. */
  serviceEnv?: Partial<Record<StackServiceName, Record<string, string>>>;
  /** `LOG_LEVEL` of every process (default info: the launcher reads the readiness line). */
  logLevel?: "debug" | "info";
  /** Extra Node flags for every process, e.g. `["--cpu-prof", "--cpu-prof-dir=/tmp/prof"]`. */
  nodeArgs?: string[];
  /** Every log line of every process as it arrives. */
  onLog?: (process: string, line: Record<string, unknown>) => void;
  /** How long each process may take to become ready (default 120 s: SWC compiles on start). */
  readyTimeoutMs?: number;
}

/**
 * A running distributed platform: what tests, benchmarks and `npm run stack` use to start the
 * services, kill one with SIGKILL, start it again and stop everything.
 */
export interface DistributedStack {
  /** `host:port` of the gateway's gRPC API. */
  readonly address: string;
  readonly topicPrefix: string;
  readonly partitions: number;
  service(name: StackServiceName): LaunchedService;
  readonly workers: readonly LaunchedService[];
  /** SIGKILL: a crash at an arbitrary instant. Resolves once the process is gone. */
  kill(name: StackServiceName): Promise<void>;
  /** Starts the service again with the same settings (same consumer group, same ports). */
  restart(name: StackServiceName): Promise<LaunchedService>;
  /** Every process now running, workers included. */
  processes(): LaunchedService[];
  /** SIGTERM to the workers, the gateway, then the rest; waits for each to exit. */
  stop(): Promise<void>;
}

/**
 * Starts history, projector, timers, matching and the gateway as separate processes on an
 * existing broker and Postgres, creates the topics first, then starts the workers.
 *
 * @example
 * const infra = await ensureInfrastructure();
 * const stack = await startDistributedStack({
 *   kafkaBrokers: infra.env.KAFKA_BROKERS, databaseUrl: infra.env.DATABASE_URL,
 *   topicPrefix: "demo.", workers: [{ workflowsPath: "examples/stack.workflows.ts" }],
 * });
 * await stack.kill("history");
 * await stack.restart("history");
 * await stack.stop();
 */
export async function startDistributedStack(options: DistributedStackOptions): Promise<DistributedStack> {
  const prefix = options.topicPrefix ?? "";
  const partitions = options.partitions ?? 4;
  const admin = new KafkaLog({ brokers: options.kafkaBrokers.split(","), clientId: "stack-launcher", onError: () => undefined });
  try {
    await admin.ensureTopics(Object.values(topicNames(prefix)).map((topic) => ({ topic, partitions })));
  } finally {
    await admin.close();
  }
  const matchingPort = options.matchingPort ?? (await freePort());
  const gatewayPort = options.gatewayPort ?? (await freePort());
  const common: Record<string, string> = {
    KAFKA_BROKERS: options.kafkaBrokers,
    KAFKA_SESSION_TIMEOUT_MS: String(options.sessionTimeoutMs ?? 6_000),
    EVENTUAL_TOPIC_PREFIX: prefix,
    EVENTUAL_PARTITIONS: String(partitions),
    DATABASE_URL: options.databaseUrl,
    DATABASE_SCHEMA: options.databaseSchema ?? "public",
  };
  const own: Record<StackServiceName, Record<string, string>> = {
    history: { HISTORY_GROUP_ID: `${prefix}history` },
    projector: { PROJECTOR_GROUP_ID: `${prefix}projector` },
    timers: { TIMERS_GROUP_ID: `${prefix}timers` },
    matching: { MATCHING_GROUP_ID: `${prefix}matching`, MATCHING_HOST: "127.0.0.1", MATCHING_PORT: String(matchingPort) },
    gateway: { GATEWAY_ID: `${prefix}gateway`, GATEWAY_HOST: "127.0.0.1", GATEWAY_PORT: String(gatewayPort), MATCHING_ADDRESSES: `127.0.0.1:${matchingPort}` },
  };
  const launchOptions = (name: string): ProcessLaunchOptions => ({
    name,
    logLevel: options.logLevel,
    nodeArgs: options.nodeArgs,
    readyTimeoutMs: options.readyTimeoutMs,
    onLog: options.onLog && ((line) => options.onLog!(name, line)),
  });
  const launchOwn = (name: StackServiceName) =>
    launchStackProcess(name, `apps/${name}/src/main.ts`, { ...common, ...own[name], ...options.serviceEnv?.[name] }, launchOptions(name));

  const running = new Map<StackServiceName, LaunchedService>();
  const workers: LaunchedService[] = [];
  const stopAll = async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await running.get("gateway")?.stop();
    await Promise.all([...running.values()].map((s) => s.stop()));
  };
  try {
    const first = await Promise.all(STACK_SERVICES.filter((n) => n !== "gateway").map(async (name) => [name, await launchOwn(name)] as const));
    for (const [name, service] of first) running.set(name, service);
    running.set("gateway", await launchOwn("gateway"));
    const address = `127.0.0.1:${gatewayPort}`;
    for (const [i, spec] of (options.workers ?? []).entries()) {
      workers.push(await launchWorkerProcess(address, spec, launchOptions(`worker-${i + 1}`)));
    }
    const service = (name: StackServiceName) => {
      const found = running.get(name);
      if (!found) throw new Error(`${name} is not running; restart(${JSON.stringify(name)}) starts it`);
      return found;
    };
    return {
      address,
      topicPrefix: prefix,
      partitions,
      workers,
      service,
      kill: async (name) => {
        await service(name).kill();
        running.delete(name);
      },
      restart: async (name) => {
        if (running.has(name)) throw new Error(`${name} is still running; kill or stop it before restarting it`);
        const started = await launchOwn(name);
        running.set(name, started);
        return started;
      },
      processes: () => [...running.values(), ...workers],
      stop: stopAll,
    };
  } catch (error) {
    await Promise.all([...running.values(), ...workers].map((s) => s.kill()));
    throw error;
  }
}
