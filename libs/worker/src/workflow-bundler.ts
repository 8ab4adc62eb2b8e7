import * as path from "node:path";
import { buildSync } from "esbuild";

/**
 * A workflows module compiled once per process: every run evaluates the same script in a
 * fresh context, so module state (and the SDK's registry) is per run.
 */
export interface WorkflowBundle {
  /** Unique in this process; the sandbox thread compiles each bundle once under it. */
  readonly id: string;
  readonly workflowsPath: string;
  /** The script each run evaluates (compiled in the sandbox thread). */
  readonly code: string;
  readonly sizeBytes: number;
}

/** The workflows module could not be bundled (syntax error, missing import...). */
export class WorkflowBundleError extends Error {
  override readonly name = "WorkflowBundleError";
}

const bundles = new Map<string, WorkflowBundle>();

/**
 * Bundles `workflowsPath` and everything it imports (TypeScript included) into one script.
 * Node built-ins stay external and reach the sandbox's refusing `require`; everything else,
 * including the SDK, is inside the bundle, so the workflow sees its own SDK instance.
 *
 * @example
 * const bundle = bundleWorkflows(require.resolve("./workflows"));
 */
export function bundleWorkflows(workflowsPath: string): WorkflowBundle {
  const absolute = path.resolve(workflowsPath);
  const cached = bundles.get(absolute);
  if (cached) return cached;
  let code: string;
  try {
    const result = buildSync({
      stdin: {
        contents: `require(${JSON.stringify(absolute)});`,
        resolveDir: path.dirname(absolute),
        sourcefile: "eventual-workflows-entry.js",
        loader: "js",
      },
      bundle: true,
      write: false,
      platform: "node",
      format: "cjs",
      target: "es2022",
      sourcemap: "inline",
      logLevel: "silent",
      define: { "process.env.NODE_ENV": '"production"' },
    });
    code = result.outputFiles[0].text;
  } catch (error) {
    const message = (error as { errors?: Array<{ text: string; location?: { file: string; line: number } }> }).errors
      ?.map((e) => (e.location ? `${e.location.file}:${e.location.line}: ${e.text}` : e.text))
      .join("\n");
    throw new WorkflowBundleError(`Cannot bundle workflows from ${absolute}:\n${message ?? (error as Error).message}`);
  }
  const wrapped = `(function (require, module, exports) {\n${code}\n})(globalThis.__eventualRequire, globalThis.__eventualModule = { exports: {} }, globalThis.__eventualModule.exports);`;
  const bundle: WorkflowBundle = { id: `bundle-${bundles.size + 1}`, workflowsPath: absolute, code: wrapped, sizeBytes: wrapped.length };
  bundles.set(absolute, bundle);
  return bundle;
}
