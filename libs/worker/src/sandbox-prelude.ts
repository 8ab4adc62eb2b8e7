/**
 * Evaluated in every workflow context before the bundle. It makes the realm deterministic and
 * I/O-free:
 * - `Date`, `Date.now()` and the "now" that `Intl.DateTimeFormat` formats read the workflow
 *   clock (the task's start time from history);
 * - `Math.random()` draws from a generator seeded by the run id;
 * - timers, `fetch` and friends throw with a hint of what to use instead;
 * - `WeakRef`/`FinalizationRegistry` are removed (garbage collection is not replayable);
 * - `console.*` goes to the workflow logger, which is silent during replay;
 * - `require` of a Node built-in gives an object whose every use throws, so a module that
 *   imports `fs` for its activities still loads, but workflow code cannot touch it.
 */
export const SANDBOX_PRELUDE = String.raw`
(() => {
  const g = globalThis;
  const runtime = () => g.__eventualRuntime;
  const violation = (what, hint) => {
    const error = new Error(what + " is not allowed in workflow code: " + hint);
    error.name = "SandboxViolationError";
    return error;
  };
  const RealDate = Date;
  const clock = () => {
    const r = runtime();
    return r ? r.now : 0;
  };
  class WorkflowDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(clock());
      else super(...args);
    }
    static now() {
      return clock();
    }
  }
  g.Date = new Proxy(WorkflowDate, {
    apply() {
      return new WorkflowDate().toString();
    },
  });
  // Intl formats the host's real "now" when given no date, behind Date's back.
  const dateTimeFormat = Intl.DateTimeFormat.prototype;
  const formatGetter = Object.getOwnPropertyDescriptor(dateTimeFormat, "format").get;
  const formatToParts = dateTimeFormat.formatToParts;
  Object.defineProperty(dateTimeFormat, "format", {
    configurable: true,
    get() {
      const format = formatGetter.call(this);
      return (date) => format(date === undefined ? clock() : date);
    },
  });
  dateTimeFormat.formatToParts = function (date) {
    return formatToParts.call(this, date === undefined ? clock() : date);
  };
  Math.random = function random() {
    const r = runtime();
    if (!r) throw violation("Math.random() before the workflow started", "call it inside the workflow function");
    return r.random();
  };
  const refuse = (name, hint) => {
    g[name] = function () {
      throw violation(name + "()", hint);
    };
  };
  for (const name of ["setTimeout", "setInterval", "setImmediate"]) {
    refuse(name, "use duration() or time(), which are durable and replay deterministically");
  }
  for (const name of ["clearTimeout", "clearInterval", "clearImmediate"]) {
    refuse(name, "workflow code has no host timers");
  }
  for (const name of ["fetch", "XMLHttpRequest", "WebSocket"]) {
    refuse(name, "do I/O in an activity and call the activity from the workflow");
  }
  delete g.WeakRef;
  delete g.FinalizationRegistry;
  const log = (level) => (...args) => {
    const r = runtime();
    if (r) r.log(level, args);
  };
  g.console = { log: log("info"), info: log("info"), debug: log("debug"), warn: log("warn"), error: log("error"), trace: log("debug") };
  g.process = { env: {}, platform: "workflow-sandbox", versions: {} };
  const refusingModule = (moduleName) => {
    const make = (path, exportNames = []) =>
      new Proxy(function () {}, {
        get(target, prop) {
          if (prop === "__esModule") return false;
          if (typeof prop === "symbol") return target[prop];
          return make(path + "." + prop);
        },
        apply() {
          throw violation(path + "()", "it is I/O or host state; call it from an activity instead");
        },
        construct() {
          throw violation("new " + path + "()", "it is I/O or host state; use it from an activity instead");
        },
        // "import * as fs" copies the module's own keys into a namespace object (esbuild's
        // __toESM, tsc's __importStar): list the real module's exports, or fs.readFileSync
        // would be a plain "is not a function" TypeError instead of a refusal naming it.
        ownKeys(target) {
          return [...new Set([...Reflect.ownKeys(target), ...exportNames])];
        },
        getOwnPropertyDescriptor(target, prop) {
          const own = Reflect.getOwnPropertyDescriptor(target, prop);
          if (own || !exportNames.includes(prop)) return own;
          return { configurable: true, enumerable: true, get: () => make(path + "." + prop) };
        },
      });
    const bare = moduleName.replace(/^node:/, "");
    const names = g.__eventualBuiltinExports ? g.__eventualBuiltinExports(moduleName) : undefined;
    return make(bare, Array.from(names || [], String));
  };
  g.__eventualRequire = (name) => {
    const allowed = g.__eventualPureBuiltin(name);
    if (allowed !== undefined) return allowed;
    return refusingModule(name);
  };
  g.__EVENTUAL_SANDBOX__ = true;
})();
`;
