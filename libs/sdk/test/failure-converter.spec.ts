import {
  ActivityFailure,
  ApplicationError,
  CancelledError,
  ChildWorkflowFailure,
  HeartbeatTimeout,
  Timeout,
  WorkflowUsageError,
  fromFailure,
  toFailure,
} from "@eventual/sdk";

describe("errors crossing a boundary as Failure data", () => {
  it("keeps an ApplicationError's type, retryability and details", () => {
    const failure = toFailure(ApplicationError.nonRetryable("card declined", "CardDeclined", { last4: "4242" }));
    expect(failure).toMatchObject({ type: "CardDeclined", message: "card declined", nonRetryable: true, details: { last4: "4242" } });
    const back = fromFailure(failure);
    expect(back).toBeInstanceOf(ApplicationError);
    expect(back).toMatchObject({ type: "CardDeclined", nonRetryable: true, details: { last4: "4242" }, message: "card declined" });
  });

  it("records a plain Error by its class name, retryable", () => {
    const failure = toFailure(new TypeError("x is not a function"));
    expect(failure.type).toBe("TypeError");
    expect(failure.nonRetryable).toBeUndefined();
    expect(fromFailure(failure)).toMatchObject({ type: "TypeError", message: "x is not a function" });
  });

  it("turns thrown non-errors into a readable failure", () => {
    expect(toFailure("boom")).toEqual({ type: "Error", message: "boom" });
    expect(toFailure(42)).toEqual({ type: "Error", message: "42" });
  });

  it("round-trips ActivityFailure with its cause, activity type and attempt", () => {
    const error = new ActivityFailure("charge failed", "charge", 3, new Timeout("too slow", "start-to-close"));
    const back = fromFailure(toFailure(error)) as ActivityFailure;
    expect(back).toBeInstanceOf(ActivityFailure);
    expect(back.activityType).toBe("charge");
    expect(back.attempt).toBe(3);
    expect(back.cause).toBeInstanceOf(Timeout);
    expect((back.cause as Timeout).timeoutType).toBe("start-to-close");
  });

  it("round-trips the SDK's own error classes as themselves", () => {
    const cases: Array<[Error, new (...args: any[]) => Error]> = [
      [new CancelledError("stop"), CancelledError],
      [new HeartbeatTimeout("silent"), HeartbeatTimeout],
      [new WorkflowUsageError("outside"), WorkflowUsageError],
      [new ChildWorkflowFailure("child failed", "c-1", "child", new Error("inner")), ChildWorkflowFailure],
    ];
    for (const [error, cls] of cases) {
      const back = fromFailure(toFailure(error));
      expect(back).toBeInstanceOf(cls);
      expect(back.message).toBe(error.message);
    }
  });
});
