import { EventualClient, EventualClientError } from "@eventual/client";
import { startServiceProcess } from "./fixtures/service.process";
import { PARTITIONS, eventually, useGatewayStack } from "./fixtures/gateway.stack";

/**
 * The gateway's own process (main.ts): configured from the environment, serving next to the
 * in-process gateway of the stack (another GATEWAY_ID, so its replies route to it alone), and
 * draining on SIGTERM — a call waiting for a result is ended with UNAVAILABLE, not cut off.
 */
describe("gateway process", () => {
  const stack = useGatewayStack("gwproc");

  it("serves from main.ts with env config and shuts down gracefully on SIGTERM", async () => {
    const gateway = await startServiceProcess(
      "apps/gateway/src/main.ts",
      {
        KAFKA_BROKERS: stack.brokers,
        DATABASE_URL: stack.databaseUrl,
        EVENTUAL_TOPIC_PREFIX: stack.prefix,
        EVENTUAL_PARTITIONS: String(PARTITIONS),
        GATEWAY_HOST: "127.0.0.1",
        GATEWAY_PORT: "0",
        GATEWAY_ID: `${stack.prefix}process-gateway`,
        LOG_LEVEL: "info",
      },
      "gateway serving",
    );
    const serving = JSON.parse(gateway.lines.find((line) => line.includes('"gateway serving"'))!) as { address: string };
    const client = new EventualClient({ address: serving.address });
    try {
      const { runId, started } = await client.startWorkflow({ workflowId: "proc-1", workflowType: "t", taskQueue: "q", input: 1 });
      expect(started).toBe(true);
      await eventually(() => client.describeWorkflow({ workflowId: "proc-1" }), "proc-1 to be projected");
      // A wait without deadline, in flight when the process is told to stop.
      const waiting = client.getWorkflowResult({ workflowId: "proc-1", runId }).then(
        () => "answered",
        (error: unknown) => (error instanceof EventualClientError ? error.code : String(error)),
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      const stopping = gateway.stop();
      expect(await waiting).toBe("UNAVAILABLE");
      await stopping;
      expect(gateway.lines.some((line) => line.includes('"gateway stopped"'))).toBe(true);
    } finally {
      client.close();
      await gateway.stop();
    }
  }, 60_000);

  it("answers DEADLINE_EXCEEDED while history is down, and a retry with the same request id finds the run it started", async () => {
    await stack.stopHistory();
    const request = { workflowId: "outage-1", workflowType: "t", taskQueue: "q", input: 1, requestId: "outage-req" };
    let refused: unknown;
    try {
      await stack.client.startWorkflow(request, { timeout: 1_500 });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(EventualClientError);
    expect((refused as EventualClientError).code).toBe("DEADLINE_EXCEEDED");
    expect((refused as EventualClientError).message).toContain("retrying with the same request_id is safe");

    await stack.startHistory();
    // The command written during the outage started the run; the retry is its duplicate.
    const retried = await stack.client.startWorkflow(request, { timeout: "30s" });
    expect(retried.started).toBe(false);
    const execution = await eventually(() => stack.client.describeWorkflow({ workflowId: "outage-1" }), "outage-1 to be projected");
    expect(execution.runId).toBe(retried.runId);
  }, 90_000);
});
