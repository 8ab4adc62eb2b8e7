import type { MatchingTaskMessage } from "@eventual/core";
import { TaskQueueBook } from "../src/task-queue-book";

const activity = (activityId: string, taskQueue = "main"): MatchingTaskMessage => ({
  type: "DispatchActivityTask",
  data: { workflowId: "wf", runId: "run", activityId, activityType: "charge", input: [], attempt: 1, options: { taskQueue } },
});
const workflowTask = (scheduledEventId: number, taskQueue = "main"): MatchingTaskMessage => ({
  type: "DispatchWorkflowTask",
  data: { workflowId: "wf", runId: "run", workflowType: "t", taskQueue, scheduledEventId, attempt: 1 },
});

describe("TaskQueueBook", () => {
  it("hands tasks out per kind and queue, oldest first", async () => {
    const book = new TaskQueueBook();
    book.offer(0, 0n, activity("1"));
    book.offer(0, 1n, workflowTask(2));
    book.offer(1, 0n, activity("2"));
    book.offer(0, 2n, activity("3", "other"));
    expect((await book.poll("activity", "main", 0))?.message).toEqual(activity("1"));
    expect((await book.poll("activity", "main", 0))?.message).toEqual(activity("2"));
    expect(await book.poll("activity", "main", 0)).toBeUndefined();
    expect((await book.poll("workflow", "main", 0))?.message).toEqual(workflowTask(2));
    expect((await book.poll("activity", "other", 0))?.offset).toBe(2n);
  });

  it("gives a waiting poll the next task the moment it arrives", async () => {
    const book = new TaskQueueBook();
    const waiting = book.poll("activity", "main", 10_000);
    book.offer(0, 5n, activity("1"));
    expect(await waiting).toMatchObject({ partition: 0, offset: 5n });
  });

  it("ends a poll empty at its deadline or when its caller goes away", async () => {
    const book = new TaskQueueBook();
    expect(await book.poll("workflow", "main", 20)).toBeUndefined();
    const controller = new AbortController();
    const polling = book.poll("workflow", "main", 10_000, controller.signal);
    controller.abort();
    expect(await polling).toBeUndefined();
    // The abandoned poll took nothing: the next task stays queued.
    book.offer(0, 0n, workflowTask(2));
    expect(book.depth("workflow", "main")).toBe(1);
  });

  it("holds the commit back until every task before it is acknowledged", async () => {
    const book = new TaskQueueBook();
    book.offer(0, 10n, activity("1"));
    book.offer(0, 11n, activity("2"));
    expect(book.committable(0)).toBe(10n);
    const first = await book.poll("activity", "main", 0);
    expect(book.committable(0)).toBe(10n); // handed out, start not recorded yet
    book.ack(0, first!.offset);
    expect(book.committable(0)).toBe(11n);
    const second = await book.poll("activity", "main", 0);
    book.ack(0, second!.offset);
    expect(book.committable(0)).toBe(12n);
  });

  it("puts a task that did not reach a worker back at the front", async () => {
    const book = new TaskQueueBook();
    book.offer(0, 0n, activity("1"));
    book.offer(0, 1n, activity("2"));
    const first = await book.poll("activity", "main", 0);
    book.requeue(first!);
    expect((await book.poll("activity", "main", 0))?.offset).toBe(0n);
  });

  it("does not hand out again a requeued task that was acknowledged meanwhile", async () => {
    const book = new TaskQueueBook();
    book.offer(0, 0n, activity("1"));
    book.offer(0, 1n, activity("2"));
    const first = await book.poll("activity", "main", 0);
    book.requeue(first!); // its lease ran out...
    book.ack(0, first!.offset); // ...then the late ack came: a worker has it
    expect((await book.poll("activity", "main", 0))?.offset).toBe(1n);
    expect(book.committable(0)).toBe(1n);
  });

  it("withdraws a queued activity attempt when its activity is cancelled", async () => {
    const book = new TaskQueueBook();
    book.offer(0, 0n, activity("1"));
    book.offer(0, 1n, { type: "CancelActivityTask", data: { workflowId: "wf", runId: "run", activityId: "1" } });
    expect(await book.poll("activity", "main", 0)).toBeUndefined();
    expect(book.committable(0)).toBe(2n);
  });

  it("forgets a revoked partition's tasks", async () => {
    const book = new TaskQueueBook();
    book.offer(0, 0n, activity("1"));
    book.offer(1, 0n, activity("2"));
    book.dropPartition(0);
    expect((await book.poll("activity", "main", 0))?.partition).toBe(1);
    expect(book.committable(0)).toBeUndefined();
  });
});
