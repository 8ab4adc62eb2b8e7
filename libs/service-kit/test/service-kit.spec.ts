import { ConfigError, EnvConfig, JsonLogger, startHealthServer } from "@eventual/service-kit";

describe("EnvConfig", () => {
  it("reads values with defaults and names the variable when one is wrong", () => {
    const env = new EnvConfig({ KAFKA_BROKERS: "a:1, b:2", PARTS: "12", BAD: "x" });
    expect(env.list("KAFKA_BROKERS")).toEqual(["a:1", "b:2"]);
    expect(env.integer("PARTS", 4)).toBe(12);
    expect(env.integer("MISSING", 4)).toBe(4);
    expect(() => env.integer("BAD", 1)).toThrow(new ConfigError('BAD must be a whole number, got "x"'));
    expect(() => env.integer("PARTS", 1, { max: 8 })).toThrow("PARTS must be <= 8, got 12");
    expect(() => env.string("DATABASE_URL")).toThrow(/DATABASE_URL is not set/);
  });
});

describe("JsonLogger", () => {
  it("writes one JSON object per line at or above its level", () => {
    const lines: string[] = [];
    const log = new JsonLogger("history", "info", (line) => lines.push(line));
    log.debug("hidden");
    log.info("partition assigned", { partition: 3, offset: 10n });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ level: "info", service: "history", message: "partition assigned", partition: 3, offset: "10" });
  });
});

describe("health server", () => {
  it("answers 200 or 503 from its checks", async () => {
    let ready = false;
    const server = await startHealthServer(0, { live: () => true, ready: () => ready });
    const status = async (path: string) => (await fetch(`http://127.0.0.1:${server.port}${path}`)).status;
    expect(await status("/health/live")).toBe(200);
    expect(await status("/health/ready")).toBe(503);
    ready = true;
    expect(await status("/health/ready")).toBe(200);
    expect(await status("/nope")).toBe(404);
    await server.close();
  });
});
