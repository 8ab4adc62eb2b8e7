import { Consumer, FetchIsolationLevels, type ConsumerGroupJoinPayload } from "@platformatic/kafka";
import { type ResolvedKafkaLogOptions, clientOptions } from "./kafka-log.options";

/** One partition of one topic. */
export interface TopicPartition {
  topic: string;
  partition: number;
}

/** Who we are in the group right now: what a transactional offset commit must carry. */
export interface GroupGeneration {
  groupId: string;
  memberId: string;
  generationId: number;
  coordinatorId: number;
}

export const partitionKey = (topic: string, partition: number) => `${topic}:${partition}`;

/**
 * Membership of one consumer group (classic protocol), reduced to what the adapter needs:
 * assignment changes as (assigned, revoked) lists, whether a rebalance is under way, and the
 * current generation for transactional offset commits.
 *
 * @platformatic/kafka reports a completed join/sync with 'consumer:group:join' (carrying the
 * new assignments) and a rebalance the coordinator announced with 'consumer:group:rebalance';
 * it rejoins by itself when a heartbeat says so. It fetches nothing here: partition workers
 * fetch with explicit offsets (see PartitionReader).
 *
 * @example
 * const group = new GroupMembership(options, "history", ["history.commands"], (assigned, revoked) => { ... });
 * await group.join();
 * ...
 * await group.leave();
 */
export class GroupMembership {
  readonly consumer: Consumer<Buffer, Buffer, Buffer, Buffer>;
  private owned = new Set<string>();
  private memberId: string | null = null;
  private rebalancing = false;
  private stableWaiters: Array<() => void> = [];
  private leaving = false;

  constructor(
    private readonly options: ResolvedKafkaLogOptions,
    readonly groupId: string,
    private readonly topics: string[],
    private readonly onChange: (assigned: TopicPartition[], revoked: TopicPartition[]) => void,
  ) {
    this.consumer = new Consumer({
      ...clientOptions(options, `group-${groupId}`),
      groupId,
      sessionTimeout: options.sessionTimeoutMs,
      heartbeatInterval: options.heartbeatIntervalMs,
      rebalanceTimeout: options.rebalanceTimeoutMs,
      isolationLevel: FetchIsolationLevels.READ_COMMITTED,
      autocommit: false,
    });
    this.consumer.on("consumer:group:join", (payload) => this.applyJoin(payload));
    this.consumer.on("consumer:group:rebalance", () => (this.rebalancing = true));
    // A rejoin that failed after all retries leaves us outside the group: give everything up
    // (another member may get it any moment) and try to come back.
    this.consumer.on("error", (error: unknown) => {
      if (this.leaving) return;
      this.options.onError(error, { groupId, phase: "group membership" });
      this.applyAssignment([]);
      setTimeout(() => void this.rejoin(), this.options.restartBackoffMs).unref();
    });
  }

  /** Joins the group; assignments arrive through `onChange` (before this resolves). */
  async join(): Promise<void> {
    for (const topic of this.topics) this.consumer.topics.track(topic);
    await this.consumer.joinGroup({});
  }

  /** The current generation, for offsets committed in a transaction (the broker checks it). */
  generation(): GroupGeneration {
    const { memberId, generationId, coordinatorId } = this.consumer;
    if (!memberId || coordinatorId === null) throw new Error(`not a member of group ${this.groupId} right now`);
    return { groupId: this.groupId, memberId, generationId, coordinatorId };
  }

  owns(topic: string, partition: number): boolean {
    return this.owned.has(partitionKey(topic, partition));
  }

  /** Resolves when no rebalance is under way (immediately, usually). */
  whenStable(): Promise<void> {
    if (!this.rebalancing) return Promise.resolve();
    return new Promise((resolve) => this.stableWaiters.push(resolve));
  }

  /** Leaves the group (the caller has stopped its partitions) and closes the client. */
  async leave(): Promise<void> {
    this.leaving = true;
    this.releaseWaiters();
    await this.consumer.close();
  }

  private async rejoin(): Promise<void> {
    if (this.leaving) return;
    try {
      await this.consumer.joinGroup({});
    } catch (error) {
      if (this.leaving) return;
      this.options.onError(error, { groupId: this.groupId, phase: "group rejoin" });
      setTimeout(() => void this.rejoin(), this.options.restartBackoffMs * 5).unref();
    }
  }

  private applyJoin(payload: ConsumerGroupJoinPayload): void {
    if (this.leaving) return;
    // A new member id means the coordinator dropped us (session timeout) and others may have
    // owned our partitions meanwhile: treat every partition as lost, then newly assigned.
    if (this.memberId !== null && payload.memberId !== this.memberId) this.applyAssignment([]);
    this.memberId = payload.memberId;
    const next: TopicPartition[] = [];
    for (const { topic, partitions } of payload.assignments ?? []) {
      for (const partition of partitions) next.push({ topic, partition });
    }
    this.applyAssignment(next);
    this.rebalancing = false;
    this.releaseWaiters();
  }

  private applyAssignment(next: TopicPartition[]): void {
    const nextKeys = new Set(next.map((tp) => partitionKey(tp.topic, tp.partition)));
    const revoked: TopicPartition[] = [];
    for (const key of this.owned) {
      if (!nextKeys.has(key)) {
        const at = key.lastIndexOf(":");
        revoked.push({ topic: key.slice(0, at), partition: Number(key.slice(at + 1)) });
      }
    }
    const assigned = next.filter((tp) => !this.owned.has(partitionKey(tp.topic, tp.partition)));
    this.owned = nextKeys;
    if (assigned.length > 0 || revoked.length > 0) this.onChange(assigned, revoked);
  }

  private releaseWaiters(): void {
    const waiters = this.stableWaiters;
    this.stableWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
