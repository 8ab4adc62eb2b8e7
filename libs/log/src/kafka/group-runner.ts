import type { RunningConsumer } from "../log-port";
import { GroupMembership, type TopicPartition, partitionKey } from "./group-membership";
import type { ResolvedKafkaLogOptions } from "./kafka-log.options";
import type { PartitionWorker } from "./partition-worker";

/**
 * Runs one partition worker per assigned partition of a consumer group: starts a worker when a
 * partition arrives (after the previous worker of that partition, if still stopping, is done),
 * stops it when the partition leaves, and on `stop` ends every worker before leaving the group.
 *
 * @example
 * const runner = new GroupRunner(options, "projector", ["history.events"], (tp, membership) => new MyWorker(tp, membership));
 * await runner.start();
 * await runner.stop();
 */
export class GroupRunner implements RunningConsumer {
  readonly membership: GroupMembership;
  private readonly workers = new Map<string, PartitionWorker>();
  private readonly stopping = new Map<string, Promise<void>>();
  private stopped: Promise<void> | undefined;

  constructor(
    options: ResolvedKafkaLogOptions,
    groupId: string,
    topics: string[],
    private readonly createWorker: (tp: TopicPartition, membership: GroupMembership) => PartitionWorker,
  ) {
    this.membership = new GroupMembership(options, groupId, topics, (assigned, revoked) => this.reassign(assigned, revoked));
  }

  async start(): Promise<void> {
    try {
      await this.membership.join();
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  stop(): Promise<void> {
    this.stopped ??= (async () => {
      const all = [...this.workers.values()].map((worker) => worker.stop());
      this.workers.clear();
      await Promise.all([...all, ...this.stopping.values()]);
      await this.membership.leave();
    })();
    return this.stopped;
  }

  private reassign(assigned: TopicPartition[], revoked: TopicPartition[]): void {
    for (const { topic, partition } of revoked) {
      const key = partitionKey(topic, partition);
      const worker = this.workers.get(key);
      if (!worker) continue;
      this.workers.delete(key);
      const done = worker.stop();
      this.stopping.set(key, done);
      void done.then(() => {
        if (this.stopping.get(key) === done) this.stopping.delete(key);
      });
    }
    if (this.stopped) return;
    for (const tp of assigned) {
      const key = partitionKey(tp.topic, tp.partition);
      const worker = this.createWorker(tp, this.membership);
      this.workers.set(key, worker);
      worker.start(this.stopping.get(key) ?? Promise.resolve());
    }
  }
}
