import type { WorkflowResult } from "@eventual/client";
import type { EmbeddedPlatform, GatewayClient } from "@eventual/cli";
import {
  T0,
  clientError,
  eventsOf,
  execution,
  fakeClient,
  pagedHistory,
  runInProcess,
  unreachableClient,
} from "./fixtures/fake-gateway";

const started = {
  type: "WorkflowStarted" as const,
  data: {
    workflowId: "greet-ana",
    runId: "run-1",
    workflowType: "greeter",
    taskQueue: "main",
    input: "ana",
    requestId: "r",
    taskTimeoutMs: 10_000,
  },
};
const greeterHistory = eventsOf([
  started,
  { type: "WorkflowTaskScheduled", data: { attempt: 1 } },
  { type: "TimerStarted", data: { seq: 1, timerId: "user/1", fireAt: T0 + 50 } },
  { type: "TimerFired", data: { seq: 1, timerId: "user/1" } },
  {
    type: "ActivityTaskScheduled",
    data: {
      seq: 2,
      activityId: "a2",
      activityType: "greet",
      input: ["ana", 1],
      options: { taskQueue: "main" },
      attempt: 1,
    },
  },
  {
    type: "ActivityTaskCompleted",
    data: { seq: 2, activityId: "a2", attempt: 1, result: "hello ana (1)" },
  },
  { type: "WorkflowCompleted", data: { result: ["hello ana (1)"] } },
]);

/** Every line must be one line: errors are `error: ...` and nothing else. */
function expectOneErrorLine(stderr: string, text: string | RegExp): void {
  expect(stderr.endsWith("\n")).toBe(true);
  expect(stderr.trimEnd().split("\n")).toHaveLength(1);
  if (typeof text === "string") expect(stderr).toBe(`error: ${text}\n`);
  else expect(stderr).toMatch(text);
}

describe("usage errors: exit 2, one line, nothing sent", () => {
  it.each([
    [
      ["workflow", "start", "greeter", "--input", "{bad"],
      /^error: --input is not valid JSON: Expected property name or '}' in JSON at position 1\n$/,
    ],
    [
      ["workflow", "signal", "w", "go", "--input", "[1,"],
      /^error: --input is not valid JSON: Unexpected end of JSON input\n$/,
    ],
    [
      ["workflow", "list", "--status", "sleeping"],
      /^error: option '--status <status>' argument 'sleeping' is invalid\. Allowed choices are running, completed, failed, cancelled, terminated, timed-out, continued-as-new\.\n$/,
    ],
    [
      ["workflow", "list", "--limit", "0"],
      /^error: --limit must be a whole number of at least 1, got "0"\n$/,
    ],
    [
      ["workflow", "result", "w", "--timeout", "soon"],
      /^error: --timeout: Cannot read duration "soon"/,
    ],
    [
      ["--address", "localhost", "workflow", "list"],
      /^error: --address must be host:port \(e\.g\. 127\.0\.0\.1:7233\), got "localhost"\n$/,
    ],
    [["workflow", "lst"], /^error: unknown command 'lst' \(Did you mean list\?\)\n$/],
    [["workflow", "show"], /^error: missing required argument 'workflow-id'\n$/],
    [
      ["workflow", "show", "a", "b"],
      /^error: too many arguments for 'show'\. Expected 1 argument but got 2\.\n$/,
    ],
    [
      ["workflow", "start", "greeter", "--folow"],
      /^error: unknown option '--folow' \(Did you mean --follow\?\)\n$/,
    ],
    [["dev", "--port", "99999"], /^error: --port must be a port from 0 to 65535, got "99999"\n$/],
  ])("%j", async (argv, message) => {
    const run = await runInProcess(argv);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expectOneErrorLine(run.stderr, message);
    expect(run.addresses).toEqual([]);
  });

  it("names EVENTUAL_ADDRESS when that is what is malformed", async () => {
    const run = await runInProcess(["workflow", "list"], { env: { EVENTUAL_ADDRESS: "http://x" } });
    expect(run.code).toBe(2);
    expectOneErrorLine(
      run.stderr,
      'EVENTUAL_ADDRESS must be host:port (e.g. 127.0.0.1:7233), got "http://x"',
    );
  });

  it("shows help and the version with exit 0, and help for a bare `eventual` with exit 2", async () => {
    const help = await runInProcess(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: eventual [options] [command]");
    expect(help.stdout).toContain("EVENTUAL_DEBUG=1");
    const version = await runInProcess(["--version"]);
    expect(version).toMatchObject({ code: 0, stdout: "0.1.0\n" });
    const bare = await runInProcess([]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain("Usage: eventual");
  });
});

describe("failures: exit 1, one line naming what the user typed", () => {
  it("cannot reach the gateway", async () => {
    const run = await runInProcess(["--address", "127.0.0.1:1", "workflow", "list"], {
      client: unreachableClient,
    });
    expect(run.code).toBe(1);
    expectOneErrorLine(
      run.stderr,
      'cannot reach the Eventual gateway at 127.0.0.1:1 — is it running? start one with "eventual dev"',
    );
  });

  it("uses EVENTUAL_ADDRESS, else 127.0.0.1:7233", async () => {
    const list = { listWorkflows: async () => ({ executions: [] }) };
    expect(
      (await runInProcess(["workflow", "list"], { client: fakeClient(list) })).addresses,
    ).toEqual(["127.0.0.1:7233"]);
    const fromEnv = await runInProcess(["workflow", "list"], {
      client: fakeClient(list),
      env: { EVENTUAL_ADDRESS: "10.0.0.5:7300" },
    });
    expect(fromEnv.addresses).toEqual(["10.0.0.5:7300"]);
  });

  it.each([
    ["show", ["workflow", "show", "nope"], "describeWorkflow"],
    ["signal", ["workflow", "signal", "nope", "go"], "signalWorkflow"],
    ["cancel", ["workflow", "cancel", "nope"], "cancelWorkflow"],
    ["result", ["workflow", "result", "nope"], "getWorkflowResult"],
  ])("%s of an unknown workflow is NOT_FOUND naming it", async (_name, argv, method) => {
    const client = fakeClient({
      [method]: async () => Promise.reject(clientError("NOT_FOUND", "workflow nope not found")),
    });
    const run = await runInProcess(argv, { client });
    expect(run.code).toBe(1);
    expectOneErrorLine(run.stderr, 'no workflow "nope" (NOT_FOUND)');
    expect(client.closed).toBe(true);
  });

  it("names the run when --run does not exist", async () => {
    const client = fakeClient({
      describeWorkflow: async () =>
        Promise.reject(clientError("NOT_FOUND", "workflow w has no run r9")),
    });
    const run = await runInProcess(["workflow", "show", "w", "--run", "r9"], { client });
    expectOneErrorLine(run.stderr, 'workflow "w" has no run "r9" (NOT_FOUND)');
  });

  it("prints the server's INVALID_ARGUMENT message, which names the field", async () => {
    const client = fakeClient({
      startWorkflow: async () =>
        Promise.reject(
          clientError("INVALID_ARGUMENT", "input: is 3000000 bytes; the limit is 2097152"),
        ),
    });
    const run = await runInProcess(["workflow", "start", "greeter", "--input", "1"], { client });
    expect(run.code).toBe(1);
    expectOneErrorLine(
      run.stderr,
      "input: is 3000000 bytes; the limit is 2097152 (INVALID_ARGUMENT)",
    );
  });

  it("says a server that is not an Eventual gateway is one", async () => {
    const client = fakeClient({
      listWorkflows: async () =>
        Promise.reject(
          clientError("UNIMPLEMENTED", "Received HTTP status code 404", "ListWorkflows"),
        ),
    });
    const run = await runInProcess(["workflow", "list"], { client });
    expectOneErrorLine(
      run.stderr,
      /^error: the server at 127\.0\.0\.1:7233 does not answer ListWorkflows — is it an Eventual gateway\?/,
    );
  });

  it("prints stack traces only with EVENTUAL_DEBUG=1", async () => {
    const failing = () =>
      fakeClient({ listWorkflows: async () => Promise.reject(new TypeError("kaboom")) });
    const quiet = await runInProcess(["workflow", "list"], { client: failing });
    expectOneErrorLine(quiet.stderr, "unexpected error: kaboom");
    const debug = await runInProcess(["workflow", "list"], {
      client: failing,
      env: { EVENTUAL_DEBUG: "1" },
    });
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/^error: unexpected error: kaboom\nTypeError: kaboom\n\s+at /);
  });
});

describe("workflow start", () => {
  it("starts a run with the input as JSON and prints its ids", async () => {
    const client = fakeClient({ startWorkflow: async () => ({ runId: "run-1", started: true }) });
    const run = await runInProcess(
      [
        "workflow",
        "start",
        "greeter",
        "--input",
        '"ana"',
        "--id",
        "greet-ana",
        "--task-queue",
        "q2",
      ],
      { client },
    );
    expect(run).toMatchObject({
      code: 0,
      stderr: "",
      stdout: "workflow id  greet-ana\nrun id       run-1\n",
    });
    expect(client.calls).toEqual([
      [
        "startWorkflow",
        [{ workflowId: "greet-ana", workflowType: "greeter", taskQueue: "q2", input: "ana" }],
      ],
    ]);
  });

  it("makes up an id from the type, sends no input when none is given, and prints JSON with --json", async () => {
    const client = fakeClient({ startWorkflow: async () => ({ runId: "run-1", started: true }) });
    const run = await runInProcess(["workflow", "start", "waiter", "--json"], { client });
    const printed = JSON.parse(run.stdout);
    expect(printed).toEqual({
      workflowId: expect.stringMatching(/^waiter-[0-9a-f]{12}$/),
      runId: "run-1",
      started: true,
    });
    expect(client.calls[0][1][0]).toEqual({
      workflowId: printed.workflowId,
      workflowType: "waiter",
      taskQueue: "main",
    });
  });

  it("--follow prints events as they are recorded, then the result, and exits 0", async () => {
    const state = { visible: 0 };
    const history = pagedHistory(greeterHistory, state);
    const client = fakeClient({
      startWorkflow: async () => ({ runId: "run-1", started: true }),
      // Not projected yet at first, then two more events per poll.
      getWorkflowHistory: async (request) => {
        if (state.visible === 0) {
          state.visible = 1;
          throw clientError("NOT_FOUND", "workflow greet-ana not found");
        }
        const page = await history(request);
        state.visible += 2;
        return page;
      },
    });
    const run = await runInProcess(
      ["workflow", "start", "greeter", "--input", '"ana"', "--id", "greet-ana", "--follow"],
      { client },
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n")).toEqual([
      "workflow id  greet-ana",
      "run id       run-1",
      "",
      '   1  +0.000s     WorkflowStarted              greeter on "main", input "ana"',
      "   2  +0.025s     WorkflowTaskScheduled        attempt 1",
      "   3  +0.050s     TimerStarted                 timer user/1 fires at +0.050s (2025-11-25 14:17:03)",
      "   4  +0.075s     TimerFired                   timer user/1",
      '   5  +0.100s     ActivityTaskScheduled        greet (activity a2) attempt 1, input ["ana",1]',
      '   6  +0.125s     ActivityTaskCompleted        greet attempt 1 → "hello ana (1)"',
      '   7  +0.150s     WorkflowCompleted            result ["hello ana (1)"]',
      "",
      '["hello ana (1)"]',
      "",
    ]);
  });

  it("--follow of a run that fails ends with the failure and exit 1; --json streams JSON lines", async () => {
    const failedHistory = eventsOf([
      started,
      {
        type: "WorkflowFailed",
        data: { failure: { type: "ApplicationError", message: "card declined" } },
      },
    ]);
    const client = () =>
      fakeClient({
        startWorkflow: async () => ({ runId: "run-1", started: true }),
        getWorkflowHistory: pagedHistory(failedHistory, { visible: 2 }),
      });
    const human = await runInProcess(
      ["workflow", "start", "greeter", "--id", "greet-ana", "--follow"],
      { client },
    );
    expect(human.code).toBe(1);
    expect(human.stdout).toContain("WorkflowFailed               ApplicationError: card declined");
    expectOneErrorLine(
      human.stderr,
      'workflow "greet-ana" failed: ApplicationError: card declined',
    );

    const json = await runInProcess(
      ["workflow", "start", "greeter", "--id", "greet-ana", "--follow", "--json"],
      { client },
    );
    expect(json.code).toBe(1);
    expect(json.stderr).toBe("");
    const lines = json.stdout
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines).toEqual([
      { workflowId: "greet-ana", runId: "run-1", started: true },
      ...failedHistory,
      {
        workflowId: "greet-ana",
        runId: "run-1",
        status: "failed",
        failure: { type: "ApplicationError", message: "card declined" },
      },
    ]);
  });
});

describe("workflow list", () => {
  it("prints the runs as a table", async () => {
    const client = fakeClient({ listWorkflows: async () => ({ executions: [execution()] }) });
    const run = await runInProcess(
      ["workflow", "list", "--status", "completed", "--type", "greeter"],
      { client },
    );
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toBe(
      "ID         TYPE     STATUS     STARTED              CLOSED               EVENTS\n" +
        "greet-ana  greeter  completed  2025-11-25 14:17:03  2025-11-25 14:17:03      14\n",
    );
    expect(client.calls).toEqual([
      ["listWorkflows", [{ status: "completed", workflowType: "greeter", pageSize: 50 }]],
    ]);
  });

  it("reads pages up to --limit and says when more match", async () => {
    const pages = [
      {
        executions: [execution({ workflowId: "a" }), execution({ workflowId: "b" })],
        nextPageToken: "t1",
      },
      { executions: [execution({ workflowId: "c" })], nextPageToken: "t2" },
    ];
    let page = 0;
    const client = fakeClient({ listWorkflows: async () => pages[page++] });
    const run = await runInProcess(["workflow", "list", "--limit", "3"], { client });
    expect(client.calls.map(([, [request]]) => request)).toEqual([
      { pageSize: 3 },
      { pageSize: 1, pageToken: "t1" },
    ]);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines.slice(1).map((line) => line.split(" ")[0])).toEqual(["a", "b", "c", "(first"]);
    expect(lines.at(-1)).toBe("(first 3 shown; more match — raise --limit to see them)");
  });

  it("says so when nothing matches, and prints a JSON array with --json", async () => {
    const none = await runInProcess(["workflow", "list"], {
      client: fakeClient({ listWorkflows: async () => ({ executions: [] }) }),
    });
    expect(none.stdout).toBe("no workflow runs match\n");
    const json = await runInProcess(["workflow", "list", "--json"], {
      client: fakeClient({ listWorkflows: async () => ({ executions: [execution()] }) }),
    });
    expect(JSON.parse(json.stdout)).toEqual([execution()]);
  });
});

describe("workflow show", () => {
  it("prints the status block and the timeline of the described run", async () => {
    const client = fakeClient({
      describeWorkflow: async () =>
        execution({ historyLength: greeterHistory.length, result: ["hello ana (1)"] }),
      getFullWorkflowHistory: async () => greeterHistory,
    });
    const run = await runInProcess(["workflow", "show", "greet-ana"], { client });
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toBe(
      [
        "Workflow    greet-ana",
        "Run         run-1",
        "Type        greeter",
        "Task queue  main",
        "Status      completed",
        "Started     2025-11-25 14:17:03",
        "Closed      2025-11-25 14:17:03  (took 0.412s)",
        "Events      7",
        'Result      ["hello ana (1)"]',
        "",
        "History",
        '   1  +0.000s     WorkflowStarted              greeter on "main", input "ana"',
        "   2  +0.025s     WorkflowTaskScheduled        attempt 1",
        "   3  +0.050s     TimerStarted                 timer user/1 fires at +0.050s (2025-11-25 14:17:03)",
        "   4  +0.075s     TimerFired                   timer user/1",
        '   5  +0.100s     ActivityTaskScheduled        greet (activity a2) attempt 1, input ["ana",1]',
        '   6  +0.125s     ActivityTaskCompleted        greet attempt 1 → "hello ana (1)"',
        '   7  +0.150s     WorkflowCompleted            result ["hello ana (1)"]',
        "",
      ].join("\n"),
    );
    // The history is read for the run that was described, even without --run.
    expect(client.calls[1]).toEqual([
      "getFullWorkflowHistory",
      [{ workflowId: "greet-ana", runId: "run-1" }],
    ]);
  });

  it("prints {execution, events} with --json", async () => {
    const client = fakeClient({
      describeWorkflow: async () => execution(),
      getFullWorkflowHistory: async () => greeterHistory,
    });
    const run = await runInProcess(["workflow", "show", "greet-ana", "--run", "run-1", "--json"], {
      client,
    });
    expect(JSON.parse(run.stdout)).toEqual({ execution: execution(), events: greeterHistory });
    expect(client.calls[0]).toEqual([
      "describeWorkflow",
      [{ workflowId: "greet-ana", runId: "run-1" }],
    ]);
  });
});

describe("workflow signal and cancel", () => {
  it("signals with a JSON payload", async () => {
    const client = fakeClient({ signalWorkflow: async () => undefined });
    const run = await runInProcess(
      ["workflow", "signal", "wait-1", "go", "--input", '{"by":"ben"}'],
      { client },
    );
    expect(run).toMatchObject({
      code: 0,
      stderr: "",
      stdout: 'sent signal "go" to workflow "wait-1"\n',
    });
    expect(client.calls).toEqual([
      ["signalWorkflow", [{ workflowId: "wait-1", signalName: "go", input: { by: "ben" } }]],
    ]);
  });

  it("asks for cancellation with a reason", async () => {
    const client = fakeClient({ cancelWorkflow: async () => undefined });
    const run = await runInProcess(["workflow", "cancel", "wait-1", "--reason", "not needed"], {
      client,
    });
    expect(run).toMatchObject({ code: 0, stdout: 'asked workflow "wait-1" to cancel\n' });
    expect(client.calls).toEqual([
      ["cancelWorkflow", [{ workflowId: "wait-1", reason: "not needed" }]],
    ]);
  });
});

describe("workflow result", () => {
  const resultOf = (outcome: WorkflowResult) =>
    fakeClient({ getWorkflowResult: (async () => outcome) as GatewayClient["getWorkflowResult"] });

  it("prints a completed run's result as JSON, waiting without a deadline by default", async () => {
    const client = resultOf({
      runId: "run-1",
      status: "completed",
      result: ["hello ana (1)", "hello ana (2)"],
    });
    const run = await runInProcess(["workflow", "result", "greet-ana"], { client });
    expect(run).toMatchObject({
      code: 0,
      stderr: "",
      stdout: '["hello ana (1)","hello ana (2)"]\n',
    });
    expect(client.calls).toEqual([
      ["getWorkflowResult", [{ workflowId: "greet-ana" }, { timeout: null }]],
    ]);
  });

  it("passes --timeout and --run on, and says a run still open at the deadline is still running", async () => {
    const client = fakeClient({
      getWorkflowResult: async () =>
        Promise.reject(clientError("DEADLINE_EXCEEDED", "workflow w is still running")),
    });
    const run = await runInProcess(
      ["workflow", "result", "w", "--run", "run-7", "--timeout", "30s"],
      { client },
    );
    expect(client.calls).toEqual([
      ["getWorkflowResult", [{ workflowId: "w", runId: "run-7" }, { timeout: 30_000 }]],
    ]);
    expect(run.code).toBe(1);
    expectOneErrorLine(run.stderr, 'workflow "w" is still running after 30s (DEADLINE_EXCEEDED)');
  });

  it.each([
    [
      {
        runId: "r",
        status: "failed",
        failure: { type: "ApplicationError", message: "card declined" },
      },
      'workflow "w" failed: ApplicationError: card declined',
    ],
    [{ runId: "r", status: "cancelled" }, 'workflow "w" was cancelled'],
    [{ runId: "r", status: "terminated" }, 'workflow "w" was terminated'],
    [{ runId: "r", status: "timed-out" }, 'workflow "w" timed out'],
  ] as Array<[WorkflowResult, string]>)("exits 1 for %j", async (outcome, message) => {
    const run = await runInProcess(["workflow", "result", "w"], { client: resultOf(outcome) });
    expect(run).toMatchObject({ code: 1, stdout: "" });
    expectOneErrorLine(run.stderr, message);
    const json = await runInProcess(["workflow", "result", "w", "--json"], {
      client: resultOf(outcome),
    });
    expect(json).toMatchObject({ code: 1, stderr: "" });
    expect(JSON.parse(json.stdout)).toEqual({ workflowId: "w", ...outcome });
  });

  it("says when a completed run returned nothing", async () => {
    const run = await runInProcess(["workflow", "result", "w"], {
      client: resultOf({ runId: "r", status: "completed", result: undefined }),
    });
    expect(run).toMatchObject({ code: 0, stdout: "(no result)\n" });
  });
});

describe("dev", () => {
  it("starts the embedded platform, prints its address and stops it on the first signal", async () => {
    const calls: unknown[] = [];
    let signal!: (name: string) => void;
    const platform: EmbeddedPlatform = {
      address: "127.0.0.1:7300",
      dataDir: "/home/dev/project/.data",
      stop: async () => void calls.push("stop"),
    };
    const running = runInProcess(["dev", "--data-dir", ".data", "--port", "7300"], {
      context: {
        loadEmbeddedPlatform: async () => async (options) => (calls.push(options), platform),
        shutdownSignal: () => new Promise((resolve) => (signal = resolve)),
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls).toEqual([{ dataDir: "/home/dev/project/.data", port: 7300 }]);
    signal("SIGINT");
    const run = await running;
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(calls).toEqual([{ dataDir: "/home/dev/project/.data", port: 7300 }, "stop"]);
    expect(run.stdout).toContain("  gRPC gateway  127.0.0.1:7300\n");
    expect(run.stdout).toContain("  data          /home/dev/project/.data\n");
    expect(run.stdout).toMatch(/SIGINT: stopping \.\.\.\nstopped\n$/);
  });

  it("says what is missing when the embedded runtime cannot be loaded", async () => {
    const run = await runInProcess(["dev"], {
      context: {
        loadEmbeddedPlatform: () =>
          Promise.reject(new Error("Cannot find module '@eventual/embedded'\nRequire stack: ...")),
      },
    });
    expect(run.code).toBe(1);
    expectOneErrorLine(
      run.stderr,
      `"eventual dev" needs the embedded runtime (@eventual/embedded), which could not be loaded: Cannot find module '@eventual/embedded'`,
    );
  });

  it("reports a platform that does not start", async () => {
    const run = await runInProcess(["dev"], {
      context: {
        loadEmbeddedPlatform: async () => () => Promise.reject(new Error("port 7233 is in use")),
      },
    });
    expect(run.code).toBe(1);
    expectOneErrorLine(run.stderr, "the embedded platform did not start: port 7233 is in use");
  });
});
