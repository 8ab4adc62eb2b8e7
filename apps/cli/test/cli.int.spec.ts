import { useRunningPlatform } from "./fixtures/running-platform";
import { runEventual, untilFound } from "./fixtures/run-eventual";

/**
 * The `eventual` binary as users run it — a child process per command — against a real
 * platform (see fixtures/running-platform.ts for which one).
 */
describe("eventual CLI against a running platform", () => {
  const platform = useRunningPlatform("cli");
  const eventual = (...args: string[]) =>
    runEventual(["--address", platform.get().address, ...args]);
  const suffix = Date.now().toString(36);

  it("starts greeter and prints its result", async () => {
    const id = `greet-ana-${suffix}`;
    const started = await eventual("workflow", "start", "greeter", "--input", '"ana"', "--id", id);
    expect(started).toMatchObject({ code: 0, stderr: "" });
    expect(started.stdout).toMatch(new RegExp(`workflow id +${id}\\nrun id +\\S+`));

    const result = await eventual("workflow", "result", id, "--timeout", "60s");
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(result.stdout)).toEqual(["hello ana (1)", "hello ana (2)"]);
  }, 90_000);

  it("start --follow prints each event as it is recorded, then the result", async () => {
    const id = `greet-follow-${suffix}`;
    const run = await eventual(
      "workflow",
      "start",
      "greeter",
      "--input",
      '"bo"',
      "--id",
      id,
      "--follow",
    );
    expect(run).toMatchObject({ code: 0, stderr: "" });
    const lines = run.stdout.trimEnd().split("\n");
    const eventLines = lines.filter((line) => /^\s+\d+ {2}[+-]\d/.test(line));
    const ids = eventLines.map((line) => Number(line.trim().split(/\s+/)[0]));
    expect(ids).toEqual(ids.map((_, i) => i + 1));
    const types = eventLines.map((line) => line.trim().split(/\s+/)[2]);
    expect(types[0]).toBe("WorkflowStarted");
    expect(types.at(-1)).toBe("WorkflowCompleted");
    expect(types.filter((t) => t === "TimerFired")).toHaveLength(2);
    expect(types.filter((t) => t === "ActivityTaskCompleted")).toHaveLength(2);
    expect(lines.at(-1)).toBe('["hello bo (1)","hello bo (2)"]');
  }, 90_000);

  it("list --status completed shows a completed run in the table", async () => {
    const id = `greet-list-${suffix}`;
    await eventual("workflow", "start", "greeter", "--input", '"cy"', "--id", id);
    expect((await eventual("workflow", "result", id, "--timeout", "60s")).code).toBe(0);

    // The result comes from the same read model as the list, so the run is listed by now.
    const listed = await eventual("workflow", "list", "--status", "completed");
    expect(listed).toMatchObject({ code: 0, stderr: "" });
    const [header, ...rows] = listed.stdout.trimEnd().split("\n");
    expect(header.split(/\s+/)).toEqual(["ID", "TYPE", "STATUS", "STARTED", "CLOSED", "EVENTS"]);
    const row = rows.find((line) => line.startsWith(`${id} `));
    expect(row).toBeDefined();
    expect(row).toMatch(
      /\bgreeter\s+completed\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+\d+$/,
    );
    expect(rows.every((line) => /\scompleted\s/.test(line))).toBe(true);

    const running = await eventual("workflow", "list", "--status", "running", "--type", "greeter");
    expect(running.stdout).not.toContain(id);
  }, 90_000);

  it("show prints the status block and a timeline with timers and activity results", async () => {
    const id = `greet-show-${suffix}`;
    await eventual("workflow", "start", "greeter", "--input", '"di"', "--id", id);
    expect((await eventual("workflow", "result", id, "--timeout", "60s")).code).toBe(0);

    const shown = await eventual("workflow", "show", id);
    expect(shown).toMatchObject({ code: 0, stderr: "" });
    expect(shown.stdout).toMatch(new RegExp(`^Workflow +${id}$`, "m"));
    expect(shown.stdout).toMatch(/^Status +completed$/m);
    expect(shown.stdout).toMatch(/^Result +\["hello di \(1\)","hello di \(2\)"\]$/m);
    expect(shown.stdout).toMatch(
      /^ +1 {2}\+0\.\d{3}s +WorkflowStarted +greeter on "main", input "di"$/m,
    );
    expect(shown.stdout).toMatch(/^ +\d+ {2}\+\d+\.\d{3}s +TimerFired +timer \S+$/m);
    expect(shown.stdout).toMatch(
      /^ +\d+ {2}\+\d+\.\d{3}s +ActivityTaskCompleted +greet attempt 1 → "hello di \(1\)"$/m,
    );
    expect(shown.stdout).toMatch(
      /WorkflowCompleted +result \["hello di \(1\)","hello di \(2\)"\]$/m,
    );
  }, 90_000);

  it("signal wakes a waiter, whose result names the sender", async () => {
    const id = `wait-signal-${suffix}`;
    expect((await eventual("workflow", "start", "waiter", "--id", id)).code).toBe(0);
    const signalled = await untilFound(() =>
      eventual("workflow", "signal", id, "go", "--input", '{"by":"ben"}'),
    );
    expect(signalled).toMatchObject({ code: 0, stderr: "" });
    expect(signalled.stdout).toContain(`sent signal "go" to workflow "${id}"`);

    const result = await eventual("workflow", "result", id, "--timeout", "60s");
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(result.stdout)).toBe("released by ben");
  }, 90_000);

  it("cancel ends a waiter, and its result says it was cancelled", async () => {
    const id = `wait-cancel-${suffix}`;
    expect((await eventual("workflow", "start", "waiter", "--id", id)).code).toBe(0);
    const cancelled = await untilFound(() =>
      eventual("workflow", "cancel", id, "--reason", "not needed"),
    );
    expect(cancelled).toMatchObject({ code: 0, stderr: "" });

    const result = await eventual("workflow", "result", id, "--timeout", "60s");
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(`error: workflow "${id}" was cancelled`);
    const json = await eventual("workflow", "result", id, "--json");
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ workflowId: id, status: "cancelled" });
  }, 90_000);

  describe("errors: one line on stderr, exit 2 for usage, 1 for failures", () => {
    it("bad JSON in --input is a usage error naming the option", async () => {
      const run = await eventual("workflow", "start", "greeter", "--input", "{bad");
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toMatch(/^error: --input is not valid JSON: .*position 1.*\n$/);
    }, 30_000);

    it.each([
      ["show", ["workflow", "show"]],
      ["signal", ["workflow", "signal"]],
      ["result", ["workflow", "result"]],
      ["cancel", ["workflow", "cancel"]],
    ])(
      "%s of an unknown workflow id says NOT_FOUND and names the id",
      async (_name, command) => {
        const id = `nobody-${suffix}`;
        const args = command[1] === "signal" ? [...command, id, "go"] : [...command, id];
        const run = await eventual(...args);
        expect(run.code).toBe(1);
        expect(run.stderr).toBe(`error: no workflow "${id}" (NOT_FOUND)\n`);
      },
      30_000,
    );

    it("a wrong address says the gateway cannot be reached", async () => {
      const run = await runEventual(["--address", "127.0.0.1:1", "workflow", "list"]);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(
        'error: cannot reach the Eventual gateway at 127.0.0.1:1 — is it running? start one with "eventual dev"\n',
      );
    }, 30_000);

    it("an unknown --status value is a usage error listing the choices", async () => {
      const run = await eventual("workflow", "list", "--status", "sleeping");
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        /^error: option '--status <status>' argument 'sleeping' is invalid\. Allowed choices are running, completed, .*\n$/,
      );
    }, 30_000);

    it("an argument the server refuses prints the server's message naming the field", async () => {
      const run = await eventual("workflow", "start", "greeter", "--id", "x".repeat(2000));
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^error: workflow_id: .* \(INVALID_ARGUMENT\)\n$/);
    }, 30_000);

    it("a result that is not ready within --timeout says the run is still running", async () => {
      const id = `wait-timeout-${suffix}`;
      expect((await eventual("workflow", "start", "waiter", "--id", id)).code).toBe(0);
      const run = await eventual("workflow", "result", id, "--timeout", "3s");
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(
        `error: workflow "${id}" is still running after 3s (DEADLINE_EXCEEDED)\n`,
      );
      await untilFound(() => eventual("workflow", "cancel", id));
    }, 30_000);
  });
});
