import { MessageChannel, type MessagePort, Worker, receiveMessageOnPort } from "node:worker_threads";
import { SANDBOX_PRELUDE } from "./sandbox-prelude";
import { SANDBOX_THREAD_SOURCE } from "./sandbox-thread-source";

/** The sandbox thread does not answer: it died or is wedged. */
export class SandboxThreadError extends Error {
  override readonly name = "SandboxThreadError";
}

/** An error raised inside the thread, rebuilt with its name. */
export class SandboxError extends Error {
  constructor(
    override readonly name: string,
    message: string,
    stack?: string,
  ) {
    super(message);
    if (stack) this.stack = stack;
  }
}

type Reply = { ok: true; value: unknown } | { ok: false; error: { name: string; message: string; stack?: string } };

/**
 * The worker thread that hosts every workflow sandbox of this process, called synchronously:
 * activations stay plain function calls for the replayer, and they are short.
 */
export class SandboxThread {
  private static current?: SandboxThread;
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));
  private readonly replies: MessagePort;
  private readonly worker: Worker;
  private dead = false;
  private requests = 0;
  /** Bumped when a thread is replaced, so sandboxes of the old one are known to be gone. */
  readonly generation: number;
  private static generations = 0;

  private constructor() {
    const { port1, port2 } = new MessageChannel();
    this.replies = port1;
    this.worker = new Worker(SANDBOX_THREAD_SOURCE, {
      eval: true,
      workerData: { flag: this.flag, port: port2, prelude: SANDBOX_PRELUDE },
      transferList: [port2],
      name: "eventual-workflow-sandboxes",
    });
    this.worker.unref();
    this.replies.unref();
    this.worker.once("exit", () => (this.dead = true));
    this.worker.once("error", () => (this.dead = true));
    this.generation = ++SandboxThread.generations;
  }

  /** The process's sandbox thread, started on first use and replaced if it died. */
  static shared(): SandboxThread {
    if (!SandboxThread.current || SandboxThread.current.dead) SandboxThread.current = new SandboxThread();
    return SandboxThread.current;
  }

  get alive(): boolean {
    return !this.dead;
  }

  /** Sends a request and waits for the reply; throws the thread's error as a `SandboxError`. */
  call(request: Record<string, unknown>, waitMs = 60_000): unknown {
    if (this.dead) throw new SandboxThreadError("the workflow sandbox thread has exited");
    const id = ++this.requests;
    Atomics.store(this.flag, 0, 0);
    this.worker.postMessage({ ...request, id });
    // Wait until the flag is really raised: a notify can arrive late (the thread may be
    // descheduled between raising the flag for the previous request and notifying), and
    // must not be taken for this request's answer.
    const deadline = Date.now() + waitMs;
    let outcome: "ok" | "timed-out" = "ok";
    while (Atomics.load(this.flag, 0) === 0) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        outcome = "timed-out";
        break;
      }
      Atomics.wait(this.flag, 0, 0, remaining);
    }
    const message = outcome === "timed-out" ? undefined : this.receive(id);
    if (!message) {
      // A late reply would be read as the answer to the next request: retire the thread instead
      // (its sandboxes are lost, and their runs replay into the next thread).
      this.dead = true;
      void this.worker.terminate();
      throw new SandboxThreadError(outcome === "timed-out" ? `the workflow sandbox thread did not answer within ${waitMs} ms` : "the workflow sandbox thread sent no reply");
    }
    const reply = message;
    if (!reply.ok) throw new SandboxError(reply.error.name, reply.error.message, reply.error.stack);
    return reply.value;
  }

  /**
   * The reply to request `id`. The flag is raised right after the reply is posted, but give
   * the port a moment rather than trust that ordering across threads blindly; a reply to an
   * earlier request (there should be none) is dropped.
   */
  private receive(id: number): Reply | undefined {
    const pause = new Int32Array(new SharedArrayBuffer(4));
    for (let tries = 0; tries < 1_000; tries++) {
      const message = receiveMessageOnPort(this.replies);
      if (message) {
        const reply = message.message as Reply & { id?: number };
        if (reply.id === id) return reply;
        continue;
      }
      Atomics.wait(pause, 0, 0, 1);
    }
    return undefined;
  }

  /** Posts a request that needs no answer (cleanup). */
  send(request: Record<string, unknown>): void {
    if (!this.dead) this.worker.postMessage({ ...request, noReply: true });
  }
}
