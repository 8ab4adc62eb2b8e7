import { MalformedMessageError, type TimerCommandMessage, assertNever } from "@eventual/core";
import type { PartitionBatch } from "@eventual/log";
import { ConsumerOffsets, type TimerStore } from "@eventual/store";
import type { DataSource } from "typeorm";

/**
 * Applies timers.commands to the timer table. A batch and its offset are one SQL transaction,
 * and records below the stored offset are skipped, so a redelivered batch changes nothing.
 * Per partition the order holds, so a cancel that follows a start wins.
 *
 * @example
 * await log.runConsumer({ groupId: "timers", topics: [topics.timersCommands],
 *   startOffset: (t, p) => handler.startOffset(t, p), handle: (b) => handler.apply(b) });
 */
export class TimerCommandsHandler {
  private readonly offsets = new ConsumerOffsets("timers");

  constructor(
    private readonly dataSource: DataSource,
    private readonly timers: TimerStore,
    /** Told about each timer armed, so the firing loop can wake early for an earlier one. */
    private readonly onArmed: (fireAt: number) => void = () => undefined,
  ) {}

  startOffset(topic: string, partition: number): Promise<bigint | undefined> {
    return this.offsets.read(this.dataSource, topic, partition);
  }

  async apply(batch: PartitionBatch): Promise<void> {
    const armed: number[] = [];
    await this.dataSource.transaction(async (m) => {
      const from = await this.offsets.lock(m, batch.topic, batch.partition);
      const fresh = batch.records.filter((r) => r.offset >= from);
      if (fresh.length === 0) return;
      for (const record of fresh) {
        const message = decodeTimerCommand(record.value);
        switch (message.type) {
          case "StartTimer":
            await this.timers.upsert(message.data, m);
            armed.push(message.data.fireAt);
            break;
          case "CancelTimer":
            await this.timers.cancel(message.data.workflowId, message.data.runId, message.data.timerId, m);
            break;
          default:
            assertNever(message, "timer command");
        }
      }
      await this.offsets.save(m, batch.topic, batch.partition, fresh[fresh.length - 1].offset + 1n);
    });
    for (const fireAt of armed) this.onArmed(fireAt);
  }
}

/** Parses a timers.commands record; a malformed one is a bug upstream and must not be skipped silently. */
export function decodeTimerCommand(value: string): TimerCommandMessage {
  let message: Partial<TimerCommandMessage>;
  try {
    message = JSON.parse(value) as Partial<TimerCommandMessage>;
  } catch (error) {
    throw new MalformedMessageError(`timers.commands record is not JSON: ${(error as Error).message}`);
  }
  const data = message.data as Partial<TimerCommandMessage["data"]> | undefined;
  if ((message.type !== "StartTimer" && message.type !== "CancelTimer") || !data?.workflowId || !data.runId || !data.timerId) {
    throw new MalformedMessageError("timers.commands record is not a StartTimer or CancelTimer with workflowId, runId and timerId");
  }
  if (message.type === "StartTimer" && typeof (data as { fireAt?: unknown }).fireAt !== "number") {
    throw new MalformedMessageError(`StartTimer ${data.timerId} of ${data.workflowId} has no fireAt`);
  }
  return message as TimerCommandMessage;
}
