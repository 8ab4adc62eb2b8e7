/** Kafka client settings every service shares. */
export interface KafkaSettings {
  brokers: string[];
  sessionTimeoutMs: number;
  heartbeatIntervalMs: number;
}

/** What every service process reads the same way. */
export interface ServiceSettings {
  kafka: KafkaSettings;
  /** Prefix of every topic name (`EVENTUAL_TOPIC_PREFIX`), so deployments can share a cluster. */
  topicPrefix: string;
  /** Port of /health/live and /health/ready (`<SERVICE>_HEALTH_PORT`, 0 = any free port). */
  healthPort: number;
  logLevel: "debug" | "info" | "warn" | "error";
}

/** Where a service's Postgres tables are. */
export interface DatabaseSettings {
  databaseUrl: string;
  /** `DATABASE_SCHEMA`, default `public`. */
  databaseSchema: string;
}

/** An environment variable is missing or malformed; the message names it and what it takes. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

/**
 * Reads typed settings from the environment, with documented defaults, failing at start-up
 * with a message that names the variable.
 *
 * @example
 * const env = new EnvConfig(process.env);
 * const brokers = env.string("KAFKA_BROKERS");            // required
 * const partitions = env.integer("EVENTUAL_PARTITIONS", 12); // default 12
 */
export class EnvConfig {
  constructor(private readonly env: NodeJS.ProcessEnv) {}

  string(name: string, fallback?: string): string {
    const value = this.env[name];
    if (value !== undefined && value !== "") return value;
    if (fallback !== undefined) return fallback;
    throw new ConfigError(`${name} is not set; it is required (see the README's configuration table)`);
  }

  integer(name: string, fallback: number, range: { min?: number; max?: number } = {}): number {
    const raw = this.env[name];
    if (raw === undefined || raw === "") return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value)) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
    if (range.min !== undefined && value < range.min) throw new ConfigError(`${name} must be >= ${range.min}, got ${value}`);
    if (range.max !== undefined && value > range.max) throw new ConfigError(`${name} must be <= ${range.max}, got ${value}`);
    return value;
  }

  /** `LOG_LEVEL`: debug, info (default), warn or error. */
  logLevel(name = "LOG_LEVEL"): "debug" | "info" | "warn" | "error" {
    const value = this.string(name, "info");
    if (value === "debug" || value === "info" || value === "warn" || value === "error") return value;
    throw new ConfigError(`${name} must be debug, info, warn or error, got "${value}"`);
  }

  /**
   * Kafka client settings every service shares: `KAFKA_BROKERS` (required) and
   * `KAFKA_SESSION_TIMEOUT_MS` (30000: how long a silent instance keeps its partitions,
   * i.e. failover time); heartbeats go at a tenth of it.
   */
  kafka(): KafkaSettings {
    const sessionTimeoutMs = this.integer("KAFKA_SESSION_TIMEOUT_MS", 30_000, { min: 3_000, max: 300_000 });
    return { brokers: this.list("KAFKA_BROKERS"), sessionTimeoutMs, heartbeatIntervalMs: Math.max(1_000, Math.floor(sessionTimeoutMs / 10)) };
  }

  /**
   * The settings every service shares: `kafka()`, `EVENTUAL_TOPIC_PREFIX`,
   * `<SERVICE>_HEALTH_PORT` and `LOG_LEVEL`.
   *
   * @example
   * const base = new EnvConfig(process.env).service("TIMERS"); // reads TIMERS_HEALTH_PORT
   */
  service(name: string): ServiceSettings {
    return {
      kafka: this.kafka(),
      topicPrefix: this.string("EVENTUAL_TOPIC_PREFIX", ""),
      healthPort: this.integer(`${name}_HEALTH_PORT`, 0, { min: 0, max: 65_535 }),
      logLevel: this.logLevel(),
    };
  }

  /** `DATABASE_URL` (required) and `DATABASE_SCHEMA` (default `public`). */
  database(): DatabaseSettings {
    return { databaseUrl: this.string("DATABASE_URL"), databaseSchema: this.string("DATABASE_SCHEMA", "public") };
  }

  list(name: string, fallback?: string[]): string[] {
    const raw = this.env[name];
    if (raw === undefined || raw === "") {
      if (fallback) return fallback;
      throw new ConfigError(`${name} is not set; give a comma-separated list`);
    }
    return raw.split(",").map((s) => s.trim()).filter(Boolean);
  }
}
