// The specs drive the sandbox through the in-memory platform, as users' tests do. This folder
// is its own Nx project (project.json here): @eventual/testing depends on the worker, so the
// worker library itself must never import it.
export {
  TestEnvironment,
  WorkflowExecutionError,
  WorkflowTaskFailedError,
} from "@eventual/testing";
