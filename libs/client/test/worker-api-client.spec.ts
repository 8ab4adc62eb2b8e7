import * as grpc from "@grpc/grpc-js";
import { loadEventualProto } from "@eventual/proto";
import { EventualClientError, WorkerApiClient } from "@eventual/client";
import type { WorkflowCommand } from "@eventual/core";
import { type TestServer, startTestServer } from "./fixtures/grpc-test-server";
import { FakeWorkerService } from "./fixtures/fake-worker.service";

describe("WorkerApiClient round trips over a real gRPC server", () => {
  let service: FakeWorkerService;
  let server: TestServer;
  let api: WorkerApiClient;
  const worker = { taskQueue: "main", identity: "host:42" };

  beforeEach(async () => {
    service = new FakeWorkerService();
    server = await startTestServer((s) =>
      s.addService(loadEventualProto().eventual.api.v1.WorkerService.service, service.handlers()),
    );
    api = new WorkerApiClient({ address: server.address });
  });

  afterEach(async () => {
    api.close();
    await server.stop();
  });

  it("pollWorkflowTask returns the task with its history as the core's events", async () => {
    service.workflowTasks.push({
      taskToken: "tok-1",
      workflowId: "w",
      runId: "r",
      workflowType: "reminder",
      scheduledEventId: 2,
      attempt: 1,
      history: [
        {
          eventId: 1,
          timestampMs: 1000,
          type: "WorkflowStarted",
          dataJson: JSON.stringify({ workflowId: "w", runId: "r", input: "ann@example.com" }),
        },
        { eventId: 2, timestampMs: 1001, type: "WorkflowTaskScheduled", dataJson: '{"attempt":1}' },
      ],
    });
    const task = await api.pollWorkflowTask(worker);
    expect(service.received.PollWorkflowTask).toEqual([{ taskQueue: "main", identity: "host:42" }]);
    expect(task).toEqual({
      taskToken: "tok-1",
      workflowId: "w",
      runId: "r",
      workflowType: "reminder",
      scheduledEventId: 2,
      attempt: 1,
      history: [
        {
          eventId: 1,
          timestamp: 1000,
          type: "WorkflowStarted",
          data: { workflowId: "w", runId: "r", input: "ann@example.com" },
        },
        { eventId: 2, timestamp: 1001, type: "WorkflowTaskScheduled", data: { attempt: 1 } },
      ],
    });
  });

  it("polls resolve to undefined when no task comes, whichever side's deadline ends the wait", async () => {
    expect(await api.pollWorkflowTask(worker, { timeout: 300 })).toBeUndefined();
    service.holdPolls = true;
    expect(await api.pollActivityTask(worker, { timeout: 200 })).toBeUndefined();
  });

  it("completeWorkflowTask sends each command as its type and data JSON", async () => {
    const commands: WorkflowCommand[] = [
      {
        type: "ScheduleActivity",
        data: {
          seq: 1,
          activityType: "send",
          input: ["a", 1],
          options: {
            taskQueue: "main",
            startToCloseTimeoutMs: 5_000,
            retry: { maximumAttempts: 3 },
          },
        },
      },
      { type: "StartTimer", data: { seq: 2, fireAt: 1_700_000_000_000 } },
      { type: "CompleteWorkflow", data: { result: null } },
    ];
    await api.completeWorkflowTask({ taskToken: "tok-1", commands, identity: "host:42" });
    expect(service.received.CompleteWorkflowTask).toEqual([
      {
        taskToken: "tok-1",
        identity: "host:42",
        commands: [
          {
            type: "ScheduleActivity",
            dataJson:
              '{"seq":1,"activityType":"send","input":["a",1],"options":{"taskQueue":"main","startToCloseTimeoutMs":5000,"retry":{"maximumAttempts":3}}}',
          },
          { type: "StartTimer", dataJson: '{"seq":2,"fireAt":1700000000000}' },
          { type: "CompleteWorkflow", dataJson: '{"result":null}' },
        ],
      },
    ]);
  });

  it("failWorkflowTask and failActivityTask send the whole failure", async () => {
    const failure = {
      type: "DeterminismError",
      message: "seq 3: expected StartTimer, got ScheduleActivity",
      stack: "at replay",
      cause: { type: "Error", message: "inner", details: { n: 1 } },
    };
    await api.failWorkflowTask({ taskToken: "tok-1", failure, identity: "host:42" });
    await api.failActivityTask({
      taskToken: "tok-2",
      failure: { type: "CardDeclined", message: "no", nonRetryable: true },
      identity: "host:42",
    });
    expect(service.received.FailWorkflowTask).toEqual([
      {
        taskToken: "tok-1",
        identity: "host:42",
        failure: {
          type: "DeterminismError",
          message: "seq 3: expected StartTimer, got ScheduleActivity",
          stack: "at replay",
          nonRetryable: false,
          details: null,
          cause: {
            type: "Error",
            message: "inner",
            stack: "",
            nonRetryable: false,
            details: { json: '{"n":1}' },
            cause: null,
          },
        },
      },
    ]);
    expect(service.received.FailActivityTask).toEqual([
      {
        taskToken: "tok-2",
        identity: "host:42",
        failure: {
          type: "CardDeclined",
          message: "no",
          stack: "",
          nonRetryable: true,
          details: null,
          cause: null,
        },
      },
    ]);
  });

  it("pollActivityTask returns the attempt with its input and only the timeouts that are set", async () => {
    service.activityTasks.push({
      taskToken: "tok-2",
      workflowId: "w",
      runId: "r",
      activityId: "1",
      activityType: "send",
      input: { json: '{"to":"ann"}' },
      attempt: 3,
      startToCloseTimeoutMs: 5_000,
      heartbeatTimeoutMs: 1_000,
    });
    expect(await api.pollActivityTask(worker)).toEqual({
      taskToken: "tok-2",
      workflowId: "w",
      runId: "r",
      activityId: "1",
      activityType: "send",
      input: { to: "ann" },
      attempt: 3,
      startToCloseTimeoutMs: 5_000,
      heartbeatTimeoutMs: 1_000,
    });
  });

  it("completeActivityTask and heartbeatActivityTask send payloads; the heartbeat reply says whether to cancel", async () => {
    await api.completeActivityTask({
      taskToken: "tok-2",
      result: { sent: true },
      identity: "host:42",
    });
    await api.completeActivityTask({ taskToken: "tok-3", identity: "host:42" });
    expect(
      await api.heartbeatActivityTask({ taskToken: "tok-2", details: { processed: 500 } }),
    ).toEqual({ cancelRequested: false });
    service.cancelRequested = true;
    expect(await api.heartbeatActivityTask({ taskToken: "tok-2" })).toEqual({
      cancelRequested: true,
    });
    expect(service.received.CompleteActivityTask).toEqual([
      { taskToken: "tok-2", result: { json: '{"sent":true}' }, identity: "host:42" },
      { taskToken: "tok-3", result: null, identity: "host:42" },
    ]);
    expect(service.received.HeartbeatActivityTask).toEqual([
      { taskToken: "tok-2", details: { json: '{"processed":500}' } },
      { taskToken: "tok-2", details: null },
    ]);
  });

  it("errors other than a poll's deadline are EventualClientErrors", async () => {
    const failing = await startTestServer((s) =>
      s.addService(loadEventualProto().eventual.api.v1.WorkerService.service, {
        ...service.handlers(),
        CompleteActivityTask: (_call: unknown, callback: grpc.sendUnaryData<never>) =>
          callback({ code: grpc.status.NOT_FOUND, details: "task tok-9 is no longer current" }),
      }),
    );
    const other = new WorkerApiClient({ address: failing.address });
    try {
      const error = await other
        .completeActivityTask({ taskToken: "tok-9", result: 1, identity: "host:42" })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EventualClientError);
      expect(error).toMatchObject({
        code: "NOT_FOUND",
        message: "task tok-9 is no longer current",
        method: "CompleteActivityTask",
      });
    } finally {
      other.close();
      await failing.stop();
    }
  });
});
