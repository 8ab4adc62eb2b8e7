import { ApplicationError, activity, duration, log, signal, workflow } from "@eventual/sdk";

export interface Order {
  orderId: string;
  amount: number;
}

/** Sent by a person (or another service) when the order is approved. */
export const approve = signal<{ by: string }>("approve");

export const reserveStock = activity("reserveStock", { startToCloseTimeout: "30 seconds" }, async (order: Order) => {
  return { reservation: `res-${order.orderId}` };
});

export const charge = activity(
  "charge",
  { startToCloseTimeout: "1 minute", retry: { maximumAttempts: 5, nonRetryableErrorTypes: ["CardDeclined"] } },
  async (order: Order) => {
    if (order.amount > 10_000) throw ApplicationError.nonRetryable("amount over the card limit", "CardDeclined");
    return { receipt: `rcpt-${order.orderId}` };
  },
);

/** An order: reserve, wait up to a day for approval, then charge (or release). */
export const processOrder = workflow("processOrder", async (order: Order) => {
  const { reservation } = await reserveStock(order);
  log.info(`reserved ${reservation}; waiting for approval`);
  const decision = await Promise.race([
    approve.expectSignal().then((s) => ({ approvedBy: s.by })),
    duration(1, "day").then(() => undefined),
  ]);
  if (!decision) return { status: "expired", reservation };
  const { receipt } = await charge(order);
  return { status: "charged", receipt, approvedBy: decision.approvedBy };
});
