/**
 * What a module created itself, and so must close when it shuts down — as opposed to what it
 * was given. A log or data source injected into a service (the embedded runtime shares one of
 * each between all five services) belongs to whoever made it: the service must not close it
 * under the others' feet.
 *
 * @example
 * const owned = new OwnedResources();
 * const log = owned.useOrCreate(deps.log, () => new KafkaLog(options), (created) => created.close());
 * ...
 * await owned.closeAll(); // closes the KafkaLog only if it was created here
 */
export class OwnedResources {
  private readonly closers: Array<() => Promise<void>> = [];

  /** `given` when there is one (not closed by us), otherwise a new one that `closeAll` closes. */
  useOrCreate<T>(given: T | undefined, create: () => T, close: (created: T) => Promise<void> | void): T {
    if (given !== undefined) return given;
    const created = create();
    this.closers.push(async () => close(created));
    return created;
  }

  /** As `useOrCreate`, for resources whose creation is asynchronous (a data source that connects). */
  async useOrCreateAsync<T>(given: T | undefined, create: () => Promise<T>, close: (created: T) => Promise<void> | void): Promise<T> {
    if (given !== undefined) return given;
    const created = await create();
    this.closers.push(async () => close(created));
    return created;
  }

  /** How many resources `closeAll` will close. */
  get count(): number {
    return this.closers.length;
  }

  /**
   * Closes what was created here, the last created first (a data source made after a log may
   * depend on it). Every closer runs even if an earlier one fails; the first failure is
   * rethrown afterwards. Closing twice closes nothing the second time.
   */
  async closeAll(): Promise<void> {
    let failure: unknown;
    while (this.closers.length > 0) {
      const close = this.closers.pop()!;
      try {
        await close();
      } catch (error) {
        failure ??= error;
      }
    }
    if (failure !== undefined) throw failure;
  }
}
