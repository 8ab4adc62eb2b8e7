import { MalformedMessageError } from "@eventual/core";
import { ConfigError } from "@eventual/service-kit";
import { pollTimeout } from "../src/matching.controller";
import { readMatchingConfig } from "../src/matching.config";
import { decodeMatchingTask } from "../src/matching-tasks.handler";
import { InvalidTaskTokenError, decodeTaskToken, encodeTaskToken } from "../src/task-token";

describe("task tokens", () => {
  it("round-trip, offsets beyond 2^53 included", () => {
    const token = { partition: 11, offset: 2n ** 60n + 3n, session: 4, lease: 99 };
    expect(decodeTaskToken(encodeTaskToken(token))).toEqual(token);
  });

  it.each(["", "m1.1.2.3", "m2.1.2.3.4", "m1.1.-2.3.4", "m1.a.2.3.4", "m1.1.2.3.4.5", "m1.99999999999999999.2.3.4"])("refuses %j", (text) => {
    expect(() => decodeTaskToken(text)).toThrow(InvalidTaskTokenError);
  });
});

describe("pollTimeout", () => {
  const now = 1_000_000;
  it("ends a little before the call's deadline, so the empty answer is not DEADLINE_EXCEEDED", () => {
    expect(pollTimeout(now + 30_000, 60_000, now)).toBe(29_500);
    expect(pollTimeout(new Date(now + 1_000), 60_000, now)).toBe(900);
    expect(pollTimeout(now - 5, 60_000, now)).toBe(0);
  });

  it("caps calls without a deadline, or with a longer one, at the longest poll", () => {
    expect(pollTimeout(Infinity, 60_000, now)).toBe(60_000);
    expect(pollTimeout(now + 600_000, 60_000, now)).toBe(60_000);
  });
});

describe("decodeMatchingTask", () => {
  it("accepts the three task messages", () => {
    const cancel = { type: "CancelActivityTask", data: { workflowId: "w", runId: "r", activityId: "1" } };
    expect(decodeMatchingTask(JSON.stringify(cancel))).toEqual(cancel);
    const activity = { type: "DispatchActivityTask", data: { workflowId: "w", runId: "r", activityId: "1", activityType: "a", input: null, attempt: 1, options: { taskQueue: "q" } } };
    expect(decodeMatchingTask(JSON.stringify(activity))).toEqual(activity);
  });

  it.each(["{", "[]", "null", '{"type":"StartTimer","data":{}}', '{"type":"DispatchActivityTask","data":{"workflowId":"w","runId":"r","activityId":"1","attempt":1}}'])(
    "refuses %s with a MalformedMessageError",
    (value) => {
      expect(() => decodeMatchingTask(value)).toThrow(MalformedMessageError);
    },
  );
});

describe("readMatchingConfig", () => {
  const required = { KAFKA_BROKERS: "a:9092, b:9092", DATABASE_URL: "postgres://x" };

  it("documents its defaults", () => {
    expect(readMatchingConfig(required)).toEqual({
      kafka: { brokers: ["a:9092", "b:9092"], sessionTimeoutMs: 30_000, heartbeatIntervalMs: 3_000 },
      databaseUrl: "postgres://x",
      databaseSchema: "public",
      topicPrefix: "",
      partitions: 8,
      groupId: "matching",
      host: "0.0.0.0",
      port: 7234,
      healthPort: 0,
      leaseMs: 30_000,
      maxPollMs: 60_000,
      commitIntervalMs: 1_000,
      shutdownGraceMs: 5_000,
      logLevel: "info",
    });
  });

  it("names the variable that is wrong", () => {
    expect(() => readMatchingConfig({ DATABASE_URL: "postgres://x" })).toThrow(/KAFKA_BROKERS/);
    expect(() => readMatchingConfig({ ...required, MATCHING_PORT: "http" })).toThrow(/MATCHING_PORT/);
    expect(() => readMatchingConfig({ ...required, LOG_LEVEL: "loud" })).toThrow(ConfigError);
  });
});
