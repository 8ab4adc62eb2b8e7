/**
 * The code of the thread that hosts workflow sandboxes. It is plain JavaScript evaluated with
 * `new Worker(source, { eval: true })`, so it needs no TypeScript loader in any environment.
 *
 * Why a thread: `vm`'s `timeout` (our guard against `while (true) {}`) can terminate a
 * microtask while Node's async-context stack has entries pushed by promise hooks; any
 * `AsyncLocalStorage` in the process (activity context, OpenTelemetry) enables those hooks,
 * and the next callback then aborts the whole process on an internal assertion
 * (nodejs/node#38503). A worker thread has its own isolate with no hooks, so a runaway
 * activation is stopped cleanly there.
 *
 * Protocol: each request is posted to the thread; the reply is posted on a MessagePort and a
 * shared flag is raised, so the caller can wait synchronously (Atomics.wait) and read it with
 * `receiveMessageOnPort`. Requests with `noReply` are fire-and-forget.
 */
export const SANDBOX_THREAD_SOURCE = String.raw`
const { parentPort, workerData } = require("node:worker_threads");
const vm = require("node:vm");
const PURE = {
  path: require("node:path"),
  util: require("node:util"),
  assert: require("node:assert"),
  querystring: require("node:querystring"),
};
const { isBuiltin } = require("node:module");
const builtinExportNames = new Map();
/** Names only (strings): the refusing stand-in of a built-in lists them for namespace imports. */
function builtinExports(name) {
  name = String(name);
  if (!isBuiltin(name)) return [];
  if (!builtinExportNames.has(name)) {
    let names = [];
    try {
      names = Object.keys(require(name));
    } catch {
      // a built-in this Node cannot load: no names, every use still throws
    }
    builtinExportNames.set(name, names);
  }
  return builtinExportNames.get(name);
}
const { flag, port, prelude } = workerData;
const preludeScript = new vm.Script(prelude, { filename: "eventual-sandbox-prelude.js" });
const activateScript = new vm.Script("__eventualRuntime.activate(JSON.parse(__eventualInput))");
// Each timed evaluation starts a watchdog thread (~75 µs), so checking conditions and taking
// the output share one: undefined means a condition resolved and microtasks must run first.
const settleScript = new vm.Script("__eventualRuntime.checkConditions() ? undefined : JSON.stringify(__eventualRuntime.takeOutput())");
const bundles = new Map();
const sandboxes = new Map();

function run(script, sandbox) {
  return script.runInContext(sandbox.context, { timeout: sandbox.timeoutMs });
}

function handle(req) {
  switch (req.op) {
    case "loadBundle":
      if (!bundles.has(req.bundleId)) bundles.set(req.bundleId, new vm.Script(req.code, { filename: req.filename }));
      return null;
    case "create": {
      const script = bundles.get(req.bundleId);
      if (!script) throw Object.assign(new Error("bundle " + req.bundleId + " is not loaded"), { name: "SandboxLostError" });
      const context = vm.createContext(
        {
          __eventualPureBuiltin: (name) => PURE[String(name).replace(/^node:/, "")],
          __eventualBuiltinExports: builtinExports,
          TextEncoder,
          TextDecoder,
          URL,
          URLSearchParams,
        },
        { name: "eventual-workflow " + req.filename, microtaskMode: "afterEvaluate" },
      );
      const sandbox = { context, timeoutMs: req.timeoutMs };
      run(preludeScript, sandbox);
      run(script, sandbox);
      if (!context.__eventualRuntime) {
        throw Object.assign(new Error(req.filename + " did not load @eventual/sdk; a workflows module must import it to define workflows"), { name: "WorkflowBundleError" });
      }
      sandboxes.set(req.sandboxId, sandbox);
      return null;
    }
    case "activate": {
      const sandbox = sandboxes.get(req.sandboxId);
      if (!sandbox) throw Object.assign(new Error("sandbox " + req.sandboxId + " is gone"), { name: "SandboxLostError" });
      sandbox.context.__eventualInput = req.input;
      run(activateScript, sandbox);
      for (let round = 0; ; round++) {
        const output = run(settleScript, sandbox);
        if (output !== undefined) return output;
        if (round > 10000) throw Object.assign(new Error("condition() predicates kept resolving each other for 10,000 rounds"), { name: "WorkflowCodeTimeoutError" });
      }
    }
    case "dispose":
      sandboxes.delete(req.sandboxId);
      return null;
    default:
      throw new Error("unknown sandbox request " + req.op);
  }
}

parentPort.on("message", (req) => {
  let reply;
  try {
    reply = { ok: true, value: handle(req) };
  } catch (error) {
    const e = error || {};
    const timedOut = e.code === "ERR_SCRIPT_EXECUTION_TIMEOUT";
    reply = {
      ok: false,
      error: {
        name: timedOut ? "WorkflowCodeTimeoutError" : String(e.name || "Error"),
        message: timedOut ? "Workflow code ran for more than " + (sandboxes.get(req.sandboxId) || req).timeoutMs + " ms without awaiting; a loop must await a durable operation" : String(e.message || e),
        stack: typeof e.stack === "string" ? e.stack : undefined,
      },
    };
  }
  if (req.noReply) return;
  reply.id = req.id;
  port.postMessage(reply);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
`;
