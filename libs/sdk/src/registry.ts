import { WorkflowUsageError } from "./errors";

/** Minimal shape the registry needs; the full types live in workflow.ts and activity.ts. */
interface Named {
  readonly kind: "workflow" | "activity";
  readonly name: string;
}

/**
 * Definitions made by `workflow()` and `activity()` in this realm. Inside the sandbox each run
 * has its own copy (the bundle is evaluated per run); in the worker's realm it tells the
 * worker which activities it can execute.
 */
export class DefinitionRegistry<T extends Named> {
  private readonly byName = new Map<string, T>();

  add(definition: T): void {
    const existing = this.byName.get(definition.name);
    if (existing && existing !== definition) {
      throw new WorkflowUsageError(
        `${definition.kind} "${definition.name}" is defined twice; names must be unique within a worker`,
      );
    }
    this.byName.set(definition.name, definition);
  }

  get(name: string): T | undefined {
    return this.byName.get(name);
  }

  names(): string[] {
    return [...this.byName.keys()].sort();
  }

  /** Drops every definition; tests use it to start clean. */
  clear(): void {
    this.byName.clear();
  }
}
