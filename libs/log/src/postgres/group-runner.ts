import type { RunningConsumer } from "../log-port";
import { fairShare } from "./fair-share";
import type { NotificationListener } from "./notification.listener";
import type { Claimant } from "./partition-fence";
import { type GroupPartition, PartitionOwnership } from "./partition-ownership";
import { delay, type PartitionWorker } from "./partition-worker";
import { GroupSessionLostError } from "./postgres-log.errors";
import type { ResolvedPostgresLogOptions } from "./postgres-log.options";
import type { LogTables } from "./postgres-log.schema";

/** The partition a worker is made for, and who owns it. */
export interface Assignment {
  topic: string;
  partition: number;
  claimant: Claimant;
}

const partitionKey = (topic: string, partition: number) => `${partition}:${topic}`;

/**
 * One member of a consumer group: joins it (see PartitionOwnership), keeps its fair share of
 * the partitions, and runs one worker per partition it owns.
 *
 * Rebalancing is done by each member on its own, on the group's NOTIFY (a member joined, left
 * or released partitions) and every `rebalanceIntervalMs` (to notice members that died
 * without a word): it counts the live members, releases partitions above its share (stopping
 * their workers first, so the next owner starts after the last batch here committed) and
 * takes unowned ones up to its share. All such steps run one at a time.
 *
 * If the session connection breaks, every partition is lost at once (Postgres released the
 * locks): all workers stop — a commit they still attempt is fenced if the partition moved —
 * and the member rejoins under a new member id.
 *
 * @example
 * const runner = new GroupRunner(options, tables, listener, "projector", ["history.events"], (a) => new MyWorker(a));
 * await runner.start();
 * await runner.stop();
 */
export class GroupRunner implements RunningConsumer {
  private ownership?: PartitionOwnership;
  private readonly workers = new Map<string, PartitionWorker>();
  /** Membership steps (rebalance, recover) run one after the other on this chain. */
  private steps: Promise<void> = Promise.resolve();
  private rebalanceQueued = false;
  private stopping = false;
  private stopped?: Promise<void>;
  private readonly abort = new AbortController();
  private timer?: NodeJS.Timeout;
  private unsubscribe?: () => void;

  constructor(
    private readonly options: ResolvedPostgresLogOptions,
    private readonly tables: LogTables,
    private readonly listener: NotificationListener,
    readonly groupId: string,
    private readonly topics: string[],
    private readonly createWorker: (assignment: Assignment) => PartitionWorker,
  ) {}

  /** Joins the group and takes a first share of the partitions before resolving. */
  async start(): Promise<void> {
    this.ownership = await this.join();
    this.unsubscribe = this.listener.onGroupChange(this.groupId, () => this.requestRebalance());
    this.timer = setInterval(() => this.requestRebalance(), this.options.rebalanceIntervalMs);
    this.timer.unref();
    this.requestRebalance();
    await this.steps;
  }

  stop(): Promise<void> {
    this.stopped ??= (async () => {
      this.stopping = true;
      this.abort.abort();
      clearInterval(this.timer);
      this.unsubscribe?.();
      await this.steps;
      await this.stopWorkers([...this.workers.keys()]);
      await this.ownership?.leave().catch((error: unknown) => this.report(error, "leaving the group"));
    })();
    return this.stopped;
  }

  private join(): Promise<PartitionOwnership> {
    return PartitionOwnership.join(this.options, this.tables, this.groupId, this.topics, (member, error) =>
      this.enqueue(() => this.recover(member, error)),
    );
  }

  private requestRebalance(): void {
    if (this.rebalanceQueued || this.stopping) return;
    this.rebalanceQueued = true;
    this.enqueue(async () => {
      this.rebalanceQueued = false;
      const ownership = this.ownership;
      if (!ownership || ownership.isEnded) return;
      try {
        await this.rebalance(ownership);
      } catch (error) {
        if (ownership.isEnded || error instanceof GroupSessionLostError) await this.recover(ownership, error);
        else this.report(error, "rebalance");
      }
    });
  }

  private enqueue(step: () => Promise<void>): void {
    this.steps = this.steps.then(() => (this.stopping ? undefined : step())).catch((error: unknown) => this.report(error, "group step"));
  }

  private async rebalance(ownership: PartitionOwnership): Promise<void> {
    const members = await ownership.liveMembers();
    const partitions = await ownership.partitions();
    if (!members.includes(ownership.memberId)) throw new GroupSessionLostError(this.groupId, "this member's lock is gone");
    const byKey = new Map(partitions.map((p) => [partitionKey(p.topic, p.partition), p]));
    for (const key of this.workers.keys()) {
      if (byKey.get(key)?.holderPid !== ownership.pid) throw new GroupSessionLostError(this.groupId, `the lock of partition ${key} is gone`);
    }
    const share = fairShare(members, ownership.memberId, partitions.length);
    const mine = partitions.filter((p) => this.workers.has(partitionKey(p.topic, p.partition)));
    if (mine.length > share) {
      const surplus = mine.slice(share);
      await this.stopWorkers(surplus.map((p) => partitionKey(p.topic, p.partition)));
      for (const p of surplus) await ownership.release(p.lockId);
      return;
    }
    let owned = mine.length;
    for (const p of partitions) {
      if (owned >= share || this.stopping) break;
      if (p.holderPid !== null) continue;
      if (!(await ownership.tryTake(p.lockId))) continue;
      this.startWorker(ownership, p);
      owned++;
    }
  }

  private startWorker(ownership: PartitionOwnership, p: GroupPartition): void {
    const worker = this.createWorker({
      topic: p.topic,
      partition: p.partition,
      claimant: { groupId: this.groupId, memberId: ownership.memberId, sessionPid: ownership.pid },
    });
    this.workers.set(partitionKey(p.topic, p.partition), worker);
    worker.start();
  }

  private async stopWorkers(keys: string[]): Promise<void> {
    const stopping = keys.map((key) => {
      const worker = this.workers.get(key);
      this.workers.delete(key);
      return worker?.stop();
    });
    await Promise.all(stopping);
  }

  /** Drops every partition of a broken session and rejoins until it works or the runner stops. */
  private async recover(lost: PartitionOwnership, error: unknown): Promise<void> {
    if (this.ownership !== lost) return;
    this.report(error, "group session");
    this.ownership = undefined;
    await this.stopWorkers([...this.workers.keys()]);
    await lost.end();
    while (!this.stopping) {
      await delay(this.options.restartBackoffMs, this.abort.signal);
      if (this.stopping) return;
      try {
        this.ownership = await this.join();
        this.requestRebalance();
        return;
      } catch (joinError) {
        this.report(joinError, "rejoining the group");
      }
    }
  }

  private report(error: unknown, phase: string): void {
    this.options.onError(error, { groupId: this.groupId, phase });
  }
}
