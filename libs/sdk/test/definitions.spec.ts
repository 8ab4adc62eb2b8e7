import { DEFAULT_START_TO_CLOSE_MS, WorkflowUsageError, activities, activity, duration, resolveActivityOptions, workflow } from "@eventual/sdk";

describe("definitions outside a workflow", () => {
  it("runs an activity's handler directly when called outside a workflow", async () => {
    const add = activity("sdk-spec-add", async (a: number, b: number) => a + b);
    await expect(add(2, 3)).resolves.toBe(5);
    expect(activities.get("sdk-spec-add")).toBe(add);
    expect(add.name).toBe("sdk-spec-add");
  });

  it("refuses a second, different definition under the same name", () => {
    activity("sdk-spec-dup", async () => 1);
    expect(() => activity("sdk-spec-dup", async () => 2)).toThrow(/"sdk-spec-dup" is defined twice/);
  });

  it("refuses workflow APIs outside a workflow, naming the API", () => {
    expect(() => duration(1, "day")).toThrow(WorkflowUsageError);
    expect(() => duration(1, "day")).toThrow(/duration\(\) can only be used inside a workflow/);
  });

  it("rejects calling a workflow outside a workflow with a pointer to the client", async () => {
    const wf = workflow("sdk-spec-wf", async () => "done");
    await expect(wf()).rejects.toThrow(/start it with the client/);
  });
});

describe("resolveActivityOptions", () => {
  it("merges definition and call options into milliseconds, defaulting the queue to the workflow's", () => {
    const options = resolveActivityOptions(
      "charge",
      { startToCloseTimeout: "30 seconds", retry: { maximumAttempts: 5, initialInterval: "2s" } },
      { heartbeatTimeout: { amount: 10, unit: "seconds" }, retry: { maximumAttempts: 2 } },
      "orders",
    );
    expect(options).toEqual({
      taskQueue: "orders",
      startToCloseTimeoutMs: 30_000,
      heartbeatTimeoutMs: 10_000,
      retry: { maximumAttempts: 2, initialIntervalMs: 2_000 },
    });
  });

  it("gives an activity with no limit the default start-to-close timeout", () => {
    expect(resolveActivityOptions("a", {}, {}, "q").startToCloseTimeoutMs).toBe(DEFAULT_START_TO_CLOSE_MS);
  });

  it("names the activity and the field of a bad option", () => {
    expect(() => resolveActivityOptions("charge", { startToCloseTimeout: "soon" }, {}, "q")).toThrow(/activity "charge": startToCloseTimeout: Cannot read duration "soon"/);
    expect(() => resolveActivityOptions("charge", { retry: { backoffCoefficient: 0.5 } }, {}, "q")).toThrow(/retry.backoffCoefficient must be >= 1/);
  });
});
