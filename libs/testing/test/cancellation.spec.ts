import { TestEnvironment, WorkflowExecutionError } from "@eventual/testing";
import { MINUTE, T0, businessEvents, eventsOf, expectValidHistory } from "./helpers";
import {
  aborts,
  busy,
  cleanup,
  guardian,
  listener,
  stuck,
  tidy,
  work,
} from "./fixtures/cancellation.workflow";

const workflowsPath = require.resolve("./fixtures/cancellation.workflow");

describe("cancelling a workflow", () => {
  it("cancels its pending activity and timer and ends it cancelled", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    env.mockActivity(work).timeout();
    const handle = await env.start(busy, undefined);
    await env.tick(10, "minutes");

    await env.cancel(handle.workflowId, "customer changed their mind");

    expect(handle.state().status).toBe("cancelled");
    const error = await handle.result().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkflowExecutionError);
    expect(error).toMatchObject({
      status: "cancelled",
      message: `Workflow ${handle.workflowId} ended cancelled`,
    });
    expect(businessEvents(handle)).toEqual([
      "WorkflowStarted",
      "ActivityTaskScheduled",
      "TimerStarted",
      "ActivityTaskStarted",
      "WorkflowCancelRequested",
      "ActivityTaskCancelRequested",
      "ActivityTaskCancelled",
      "TimerCancelled",
      "WorkflowCancelled",
    ]);
    expect(eventsOf(handle, "WorkflowCancelRequested")[0]).toMatchObject({
      timestamp: T0 + 10 * MINUTE,
      data: { reason: "customer changed their mind" },
    });
    // Nothing is left to fire: a day later the run is as it was.
    const length = handle.history().length;
    await env.tick(2, "days");
    expect(handle.history()).toHaveLength(length);
    expectValidHistory(handle);
  });

  it("a workflow that catches CancelledError can clean up with an activity and a timer, then return", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    env.mockActivity(work).timeout();
    const cleanupMock = env.mockActivity(cleanup);
    const handle = await env.start(tidy, false);
    await env.tick(10, "minutes");
    await handle.cancel();
    expect(handle.state().status).toBe("running");

    expect(await handle.result()).toBe('cleaned up after: activity "work" was cancelled');
    expect(handle.state().status).toBe("completed");
    expect(env.now().getTime()).toBe(T0 + 15 * MINUTE);
    expect(cleanupMock.calls).toEqual([['activity "work" was cancelled']]);
    expect(businessEvents(handle).slice(4)).toEqual([
      "WorkflowCancelRequested",
      "ActivityTaskCancelRequested",
      "ActivityTaskCancelled",
      "TimerCancelled",
      "ActivityTaskScheduled",
      "ActivityTaskStarted",
      "ActivityTaskCompleted",
      "TimerStarted",
      "TimerFired",
      "WorkflowCompleted",
    ]);
    expectValidHistory(handle);
  });

  it("a workflow that cleans up and rethrows ends cancelled after its cleanup", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    env.mockActivity(work).timeout();
    const handle = await env.start(tidy, true);
    await handle.cancel();
    // A second request while the first is being handled is accepted and changes nothing.
    await handle.cancel("again");

    await expect(handle.result()).rejects.toMatchObject({
      name: "WorkflowExecutionError",
      status: "cancelled",
    });
    expect(eventsOf(handle, "WorkflowCancelRequested")).toHaveLength(1);
    expect(businessEvents(handle).slice(-4)).toEqual([
      "ActivityTaskCompleted",
      "TimerStarted",
      "TimerFired",
      "WorkflowCancelled",
    ]);
    expect(eventsOf(handle, "ActivityTaskCompleted")[0].data.result).toBe(
      'cleaned up after: activity "work" was cancelled',
    );
    expectValidHistory(handle);
  });

  it("interrupts a condition() wait", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(stuck, undefined);
    await handle.cancel();

    expect(handle.state().status).toBe("cancelled");
    expectValidHistory(handle);
  });

  it("aborts the cancellationSignal() of a running activity", async () => {
    const env = await TestEnvironment.create({ workflowsPath, activityWaitMs: 10 });
    aborts.length = 0;
    const handle = await env.start(listener, undefined);
    expect(aborts).toEqual([]);

    await handle.cancel();
    expect(aborts).toEqual([true]);
    expect(handle.state().status).toBe("cancelled");
    expect(businessEvents(handle).slice(-3)).toEqual([
      "ActivityTaskCancelRequested",
      "ActivityTaskCancelled",
      "WorkflowCancelled",
    ]);
    expectValidHistory(handle);
  });

  it("ends a child the parent waits on (parent-close policy terminate)", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(guardian, undefined);
    await handle.cancel();

    expect(handle.state().status).toBe("cancelled");
    expect(env.handle("ward").state().status).toBe("terminated");
    expectValidHistory(handle, env.handle("ward"));
  });

  it("a closed workflow cannot be cancelled", async () => {
    const env = await TestEnvironment.create({ workflowsPath });
    const handle = await env.start(stuck, undefined);
    await handle.cancel();

    await expect(handle.cancel()).rejects.toThrow(
      /^FAILED_PRECONDITION: Cannot cancel: workflow .* is already cancelled$/,
    );
    await expect(env.cancel("no-such-workflow")).rejects.toThrow(/^NOT_FOUND: /);
    expectValidHistory(handle);
  });
});
