import { hostname } from "node:os";
import { ConfigError } from "@eventual/service-kit";
import { readGatewayConfig } from "../src/gateway.config";

describe("gateway configuration", () => {
  const required = { KAFKA_BROKERS: "a:9092, b:9092", DATABASE_URL: "postgres://x/y" };

  it("has the documented defaults", () => {
    expect(readGatewayConfig(required)).toEqual({
      kafka: { brokers: ["a:9092", "b:9092"], sessionTimeoutMs: 30_000, heartbeatIntervalMs: 3_000 },
      databaseUrl: "postgres://x/y",
      databaseSchema: "public",
      topicPrefix: "",
      partitions: 8,
      host: "0.0.0.0",
      port: 7233,
      healthPort: 0,
      gatewayId: `${hostname()}:${process.pid}`,
      commandTimeoutMs: 10_000,
      readRecheckMs: 1_000,
      maxMessageBytes: 16 * 1024 * 1024,
      matchingAddresses: ["127.0.0.1:7234"],
      pollTimeoutMs: 60_000,
      startWaitMs: 10_000,
      shutdownTimeoutMs: 15_000,
      logLevel: "info",
    });
  });

  it("names the variable that is missing or malformed", () => {
    expect(() => readGatewayConfig({ KAFKA_BROKERS: "a:9092" })).toThrow(/DATABASE_URL/);
    expect(() => readGatewayConfig({ ...required, GATEWAY_PORT: "http" })).toThrow(new ConfigError('GATEWAY_PORT must be a whole number, got "http"'));
    expect(() => readGatewayConfig({ ...required, LOG_LEVEL: "loud" })).toThrow(/LOG_LEVEL/);
  });
});
