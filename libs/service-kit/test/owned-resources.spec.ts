import { OwnedResources, ServiceLifecycle } from "@eventual/service-kit";

describe("OwnedResources", () => {
  it("closes what it created, last first, and never what it was given", async () => {
    const closed: string[] = [];
    const owned = new OwnedResources();
    const given = { name: "given" };
    expect(owned.useOrCreate(given, () => ({ name: "made" }), () => void closed.push("given"))).toBe(given);
    owned.useOrCreate(undefined, () => ({ name: "log" }), (r) => void closed.push(r.name));
    await owned.useOrCreateAsync(undefined, async () => ({ name: "data source" }), (r) => void closed.push(r.name));
    expect(owned.count).toBe(2);
    await owned.closeAll();
    expect(closed).toEqual(["data source", "log"]);
    await owned.closeAll();
    expect(closed).toHaveLength(2);
  });

  it("runs every closer when one fails, then reports the failure", async () => {
    const closed: string[] = [];
    const owned = new OwnedResources();
    owned.useOrCreate(undefined, () => "a", () => void closed.push("a"));
    owned.useOrCreate(undefined, () => "b", () => Promise.reject(new Error("b would not close")));
    await expect(owned.closeAll()).rejects.toThrow("b would not close");
    expect(closed).toEqual(["a"]);
  });
});

describe("ServiceLifecycle", () => {
  const service = (startError?: Error) => {
    const calls: string[] = [];
    return {
      calls,
      ready: false,
      start: async () => {
        calls.push("start");
        if (startError) throw startError;
      },
      stop: async () => void calls.push("stop"),
    };
  };

  it("starts on bootstrap, and on shutdown stops before closing what the module owns", async () => {
    const running = service();
    const owned = new OwnedResources();
    owned.useOrCreate(undefined, () => "log", () => void running.calls.push("close log"));
    const lifecycle = new ServiceLifecycle(running, owned);
    await lifecycle.onApplicationBootstrap();
    await lifecycle.onApplicationShutdown();
    expect(running.calls).toEqual(["start", "stop", "close log"]);
  });

  it("cleans up after a failed start and rethrows its error", async () => {
    const failing = service(new Error("port taken"));
    const owned = new OwnedResources();
    owned.useOrCreate(undefined, () => "log", () => void failing.calls.push("close log"));
    await expect(new ServiceLifecycle(failing, owned).onApplicationBootstrap()).rejects.toThrow("port taken");
    expect(failing.calls).toEqual(["start", "stop", "close log"]);
  });
});
