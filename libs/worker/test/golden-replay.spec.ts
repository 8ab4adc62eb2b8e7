import * as fs from "node:fs";
import * as path from "node:path";
import { historyProblems } from "@eventual/core";
import { DeterminismError } from "@eventual/sdk";
import { replayHistory } from "@eventual/worker";
import type { GoldenHistory } from "./golden/record-golden";

const goldenDir = path.join(__dirname, "golden");
const goldenFiles = fs
  .readdirSync(goldenDir)
  .filter((file) => file.endsWith(".history.json"))
  .sort();

function load(name: string): GoldenHistory {
  return JSON.parse(fs.readFileSync(path.join(goldenDir, name), "utf8")) as GoldenHistory;
}

const changed = (file: string) => require.resolve(`./fixtures/changed/${file}`);

/** Replays a golden history against a workflows module; returns what it threw. */
function replayError(golden: string, workflowsPath: string): unknown {
  try {
    replayHistory({ workflowsPath, history: load(golden).events });
  } catch (error) {
    return error;
  }
  return undefined;
}

function expectDeterminismError(error: unknown, ...fragments: string[]): DeterminismError {
  expect(error).toBeInstanceOf(DeterminismError);
  const message = (error as Error).message;
  for (const fragment of fragments) expect(message).toContain(fragment);
  return error as DeterminismError;
}

describe("golden histories", () => {
  it("are checked in for every recorded scenario", () => {
    expect(goldenFiles).toEqual(
      expect.arrayContaining([
        "reminder.history.json",
        "order.history.json",
        "fan-out.history.json",
        "child-parent.history.json",
        "child-child.history.json",
        "approval-signal-first.history.json",
        "approval-timer-first.history.json",
      ]),
    );
  });

  describe.each(goldenFiles)("%s", (file) => {
    const golden = load(file);

    it("is a valid history", () => {
      expect(historyProblems(golden.events)).toEqual([]);
    });

    it("replays against the current workflow code", () => {
      expect(() =>
        replayHistory({
          workflowsPath: path.join(goldenDir, golden.workflowsModule),
          history: golden.events,
        }),
      ).not.toThrow();
    });
  });
});

describe("replaying a golden history against changed workflow code", () => {
  it("fails with a DeterminismError naming both calls and the sequence number when the order of operations changed", () => {
    const error = replayError(
      "reminder.history.json",
      changed("reminder-activity-first.workflows.ts"),
    );
    const e = expectDeterminismError(
      error,
      'Workflow "reminder" (id reminder-ana',
      "at operation #1",
      "history recorded a timer (duration/time, #1)",
      'the code now calls activity "sendReminder" (#1)',
    );
    expect(e.details).toMatchObject({ seq: 1 });
  });

  it("fails naming the recorded and the new activity when a different activity is called", () => {
    const error = replayError(
      "reminder.history.json",
      changed("reminder-other-activity.workflows.ts"),
    );
    const e = expectDeterminismError(
      error,
      "at operation #2",
      'history recorded activity "sendReminder" (#2)',
      'the code now calls activity "sendSms" (#2)',
    );
    expect(e.details).toEqual({
      seq: 2,
      expected: 'activity "sendReminder" (#2)',
      actual: 'activity "sendSms" (#2)',
    });
  });

  it("fails when the code now issues an extra operation after the recorded end of the path", () => {
    const error = replayError("order.history.json", changed("order-extra-step.workflows.ts"));
    expectDeterminismError(
      error,
      "history recorded return from the workflow (complete)",
      'the code now calls activity "notifyCustomer" (#4)',
    );
  });

  it("fails when the code now issues fewer operations than recorded", () => {
    const error = replayError("order.history.json", changed("order-fewer-steps.workflows.ts"));
    expectDeterminismError(
      error,
      "at operation #3",
      'history recorded activity "ship" (#3)',
      "the code now calls return from the workflow (complete)",
    );
  });

  it("fails when one task of the code issues an operation more than the history recorded", () => {
    const error = replayError("fan-out.history.json", changed("fan-out-extra-quote.workflows.ts"));
    expectDeterminismError(
      error,
      "at operation #4",
      "history has no such call",
      'the code now calls activity "getQuote" (#4)',
    );
  });

  it("fails when one task of the code issues an operation fewer than the history recorded", () => {
    const error = replayError("fan-out.history.json", changed("fan-out-fewer-quotes.workflows.ts"));
    expectDeterminismError(
      error,
      "at operation #3",
      'history recorded activity "getQuote" (#3)',
      "the code did not issue it",
    );
  });

  it("accepts a change of a timer's length: operations match by kind and sequence number, not arguments", () => {
    expect(
      replayError("reminder.history.json", changed("reminder-longer-interval.workflows.ts")),
    ).toBeUndefined();
  });
});
