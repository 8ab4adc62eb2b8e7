import * as grpc from "@grpc/grpc-js";
import { type internalV1, loadInternalProto } from "@eventual/proto";

export type TaskKind = "TASK_KIND_WORKFLOW" | "TASK_KIND_ACTIVITY";

/** A task one matching instance handed out; ack or release it at that instance. */
export interface WonTask {
  response: internalV1.PollTaskResponse__Output;
  instance: number;
}

/**
 * The gateway's side of the matching contract: each matching instance owns some partitions of
 * matching.tasks, so a poll goes to every instance at once; the first task wins, the other
 * polls are cancelled, and a task that arrives anyway is released back to its instance.
 *
 * @example
 * const won = await pool.poll("TASK_KIND_ACTIVITY", "main", "worker-1", 30_000);
 * if (won) { ...; await pool.ack(won); }
 */
export class MatchingPool {
  private readonly clients: internalV1.MatchingServiceClient[];

  constructor(addresses: string[]) {
    const { MatchingService } = loadInternalProto().eventual.internal.v1;
    this.clients = addresses.map((address) => new MatchingService(address, grpc.credentials.createInsecure()));
  }

  poll(kind: TaskKind, taskQueue: string, identity: string, timeoutMs: number, abandoned: () => boolean = () => false): Promise<WonTask | undefined> {
    if (timeoutMs <= 0) return Promise.resolve(undefined);
    const deadline = Date.now() + timeoutMs;
    return new Promise((resolve) => {
      let settled = false;
      let pending = this.clients.length;
      const calls: grpc.ClientUnaryCall[] = [];
      const finish = (won: WonTask | undefined) => {
        if (settled) return;
        settled = true;
        for (const call of calls) call.cancel();
        resolve(won);
      };
      this.clients.forEach((client, instance) => {
        const call = client.pollTask({ kind, taskQueue, identity, pollId: `${identity}:${Date.now()}` }, { deadline }, (error, response) => {
          pending--;
          if (!error && response?.taskToken) {
            const won = { response, instance };
            // A second task after the first won goes straight back to its queue.
            if (settled || abandoned()) void this.release(won);
            else finish(won);
          }
          if (pending === 0) finish(undefined);
        });
        calls.push(call);
      });
    });
  }

  ack(won: WonTask): Promise<void> {
    return this.unary((client, done) => client.ackTask({ taskToken: won.response.taskToken }, done), won.instance);
  }

  release(won: WonTask): Promise<void> {
    return this.unary((client, done) => client.releaseTask({ taskToken: won.response.taskToken }, done), won.instance);
  }

  close(): void {
    for (const client of this.clients) client.close();
  }

  private unary(call: (client: internalV1.MatchingServiceClient, done: (error: grpc.ServiceError | null) => void) => void, instance: number): Promise<void> {
    return new Promise((resolve) => call(this.clients[instance], () => resolve()));
  }
}
