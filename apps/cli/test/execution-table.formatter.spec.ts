import { formatExecutionDetails, formatExecutionTable, formatTimestamp } from "@eventual/cli";
import { T0, execution } from "./fixtures/fake-gateway";

describe("formatExecutionTable", () => {
  it("lines runs up in columns as wide as their widest cell, events on the right", () => {
    const lines = formatExecutionTable(
      [
        execution(),
        execution({
          workflowId: "order-2025-11-25-0001",
          workflowType: "checkout",
          status: "running",
          closeTimeMs: undefined,
          historyLength: 3,
        }),
        execution({
          workflowId: "w",
          workflowType: "waiter",
          status: "timed-out",
          historyLength: 1234,
        }),
      ],
      { timeZone: "UTC" },
    );
    expect(lines).toEqual([
      "ID                     TYPE      STATUS     STARTED              CLOSED               EVENTS",
      "greet-ana              greeter   completed  2025-11-25 14:17:03  2025-11-25 14:17:03      14",
      "order-2025-11-25-0001  checkout  running    2025-11-25 14:17:03  -                         3",
      "w                      waiter    timed-out  2025-11-25 14:17:03  2025-11-25 14:17:03    1234",
    ]);
  });

  it("is just the header for no runs", () => {
    expect(formatExecutionTable([])).toEqual(["ID  TYPE  STATUS  STARTED  CLOSED  EVENTS"]);
  });

  it("prints times in the zone it is given", () => {
    expect(formatTimestamp(T0, "UTC")).toBe("2025-11-25 14:17:03");
    expect(formatTimestamp(T0, "Asia/Tokyo")).toBe("2025-11-25 23:17:03");
    expect(formatTimestamp(Date.UTC(2025, 0, 1, 0, 0, 0), "UTC")).toBe("2025-01-01 00:00:00");
  });
});

describe("formatExecutionDetails", () => {
  it("shows a completed run with its result and how long it took", () => {
    expect(formatExecutionDetails(execution(), { timeZone: "UTC" })).toEqual([
      "Workflow    greet-ana",
      "Run         run-1",
      "Type        greeter",
      "Task queue  main",
      "Status      completed",
      "Started     2025-11-25 14:17:03",
      "Closed      2025-11-25 14:17:03  (took 0.412s)",
      "Events      14",
      'Result      ["hello ana (1)","hello ana (2)"]',
    ]);
  });

  it("shows a failed run's failure and a running run without a close time", () => {
    const failed = formatExecutionDetails(
      execution({
        status: "failed",
        result: undefined,
        failure: { type: "ApplicationError", message: "card declined" },
      }),
    );
    expect(failed).toContain("Failure     ApplicationError: card declined");
    expect(failed.some((line) => line.startsWith("Result"))).toBe(false);

    const running = formatExecutionDetails(
      execution({ status: "running", closeTimeMs: undefined, result: undefined }),
    );
    expect(running.some((line) => line.startsWith("Closed"))).toBe(false);
    expect(running).toContain("Status      running");
  });
});
