import {
  type Failure,
  type RetryPolicy,
  DEFAULT_BACKOFF_COEFFICIENT,
  DEFAULT_INITIAL_INTERVAL_MS,
  activityOptionsProblem,
  retryDelayMs,
  retryPolicyProblem,
} from "../src";

const BOOM: Failure = { type: "Boom", message: "it broke" };

describe("retryDelayMs", () => {
  it("defaults to 1 s, doubling, capped at 100 x the initial interval, unlimited attempts", () => {
    expect(DEFAULT_INITIAL_INTERVAL_MS).toBe(1_000);
    expect(DEFAULT_BACKOFF_COEFFICIENT).toBe(2);
    expect([1, 2, 3, 4, 7, 8, 50].map((attempt) => retryDelayMs(undefined, attempt, BOOM))).toEqual(
      [1_000, 2_000, 4_000, 8_000, 64_000, 100_000, 100_000],
    );
    expect(retryDelayMs({}, 1_000, BOOM)).toBe(100_000);
  });

  it("follows a custom interval, coefficient and cap", () => {
    const policy: RetryPolicy = {
      initialIntervalMs: 500,
      backoffCoefficient: 3,
      maximumIntervalMs: 4_000,
    };
    expect([1, 2, 3, 4].map((a) => retryDelayMs(policy, a, BOOM))).toEqual([
      500, 1_500, 4_000, 4_000,
    ]);
  });

  it("keeps a constant interval with coefficient 1", () => {
    expect(
      [1, 5, 9].map((a) =>
        retryDelayMs({ initialIntervalMs: 250, backoffCoefficient: 1 }, a, BOOM),
      ),
    ).toEqual([250, 250, 250]);
  });

  it("rounds to whole milliseconds", () => {
    expect(
      [1, 2, 3, 4].map((a) =>
        retryDelayMs({ initialIntervalMs: 100, backoffCoefficient: 1.5 }, a, BOOM),
      ),
    ).toEqual([100, 150, 225, 338]);
  });

  it("stops at maximumAttempts (the attempt that failed counts)", () => {
    const policy = { maximumAttempts: 3 };
    expect(retryDelayMs(policy, 1, BOOM)).toBe(1_000);
    expect(retryDelayMs(policy, 2, BOOM)).toBe(2_000);
    expect(retryDelayMs(policy, 3, BOOM)).toBeUndefined();
    expect(retryDelayMs(policy, 4, BOOM)).toBeUndefined();
    expect(retryDelayMs({ maximumAttempts: 1 }, 1, BOOM)).toBeUndefined();
    expect(retryDelayMs({ maximumAttempts: 0 }, 99, BOOM)).toBe(100_000);
  });

  it("never retries a non-retryable failure, whatever the policy", () => {
    expect(
      retryDelayMs({ maximumAttempts: 10 }, 1, { ...BOOM, nonRetryable: true }),
    ).toBeUndefined();
    expect(retryDelayMs(undefined, 1, { ...BOOM, nonRetryable: false })).toBe(1_000);
  });

  it("never retries an error type the policy names", () => {
    const policy = { nonRetryableErrorTypes: ["CardDeclined", "Fraud"] };
    expect(retryDelayMs(policy, 1, { type: "Fraud", message: "x" })).toBeUndefined();
    expect(retryDelayMs(policy, 1, { type: "Timeout", message: "x" })).toBe(1_000);
  });
});

describe("retryPolicyProblem", () => {
  it("accepts no policy, an empty one and a sane one", () => {
    expect(retryPolicyProblem(undefined)).toBeUndefined();
    expect(retryPolicyProblem({})).toBeUndefined();
    expect(
      retryPolicyProblem({
        initialIntervalMs: 100,
        backoffCoefficient: 1,
        maximumIntervalMs: 100,
        maximumAttempts: 0,
        nonRetryableErrorTypes: [],
      }),
    ).toBeUndefined();
    expect(retryPolicyProblem({ initialIntervalMs: 100, maximumIntervalMs: 500 })).toBeUndefined();
  });

  it.each<[RetryPolicy, string]>([
    [{ initialIntervalMs: 0 }, "retry.initialInterval must be > 0, got 0"],
    [{ initialIntervalMs: -1 }, "retry.initialInterval must be > 0, got -1"],
    [{ initialIntervalMs: Number.NaN }, "retry.initialInterval must be > 0, got NaN"],
    [
      { initialIntervalMs: Number.POSITIVE_INFINITY },
      "retry.initialInterval must be > 0, got Infinity",
    ],
    [{ backoffCoefficient: 0.5 }, "retry.backoffCoefficient must be >= 1, got 0.5"],
    [{ backoffCoefficient: Number.NaN }, "retry.backoffCoefficient must be >= 1, got NaN"],
    [{ maximumIntervalMs: 0 }, "retry.maximumInterval must be > 0, got 0"],
    [{ maximumIntervalMs: 500 }, "retry.maximumInterval (500 ms) is below retry.initialInterval"],
    [
      { initialIntervalMs: 2_000, maximumIntervalMs: 1_500 },
      "retry.maximumInterval (1500 ms) is below retry.initialInterval",
    ],
    [{ maximumAttempts: -1 }, "retry.maximumAttempts must be a whole number >= 0, got -1"],
    [{ maximumAttempts: 1.5 }, "retry.maximumAttempts must be a whole number >= 0, got 1.5"],
  ])("names the bad field of %j", (policy, message) => {
    expect(retryPolicyProblem(policy)).toBe(message);
  });
});

describe("activityOptionsProblem", () => {
  it("accepts sane options", () => {
    expect(activityOptionsProblem({ taskQueue: "q" })).toBeUndefined();
    expect(
      activityOptionsProblem({
        taskQueue: "q",
        startToCloseTimeoutMs: 1,
        scheduleToCloseTimeoutMs: 2,
        scheduleToStartTimeoutMs: 3,
        heartbeatTimeoutMs: 4,
        retry: { maximumAttempts: 2 },
      }),
    ).toBeUndefined();
  });

  it("names the first bad field", () => {
    expect(activityOptionsProblem({ taskQueue: "" })).toBe("options.taskQueue is empty");
    expect(activityOptionsProblem({ taskQueue: "q", scheduleToCloseTimeoutMs: -1 })).toBe(
      "options.scheduleToCloseTimeoutMs must be > 0, got -1",
    );
    expect(activityOptionsProblem({ taskQueue: "q", scheduleToStartTimeoutMs: Number.NaN })).toBe(
      "options.scheduleToStartTimeoutMs must be > 0, got NaN",
    );
    expect(activityOptionsProblem({ taskQueue: "q", retry: { initialIntervalMs: 0 } })).toBe(
      "retry.initialInterval must be > 0, got 0",
    );
  });
});
