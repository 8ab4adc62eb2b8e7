import { embeddedServiceConfigs } from "../src/embedded-services.config";

describe("embeddedServiceConfigs", () => {
  const configs = embeddedServiceConfigs({
    env: { TIMERS_BATCH: "50", GATEWAY_COMMAND_TIMEOUT_MS: "2500", KAFKA_BROKERS: "kafka:9092", DATABASE_URL: "postgres://someone-else", EVENTUAL_PARTITIONS: "12" },
    databaseUrl: "postgres://eventual:eventual@127.0.0.1:5555/eventual",
    partitions: 2,
    host: "127.0.0.1",
    port: 0,
  });

  it("gives every service the platform's database and partitions, whatever the environment says", () => {
    for (const config of [configs.projector, configs.timers, configs.matching, configs.gateway("127.0.0.1:1")]) {
      expect(config.databaseUrl).toBe("postgres://eventual:eventual@127.0.0.1:5555/eventual");
    }
    expect(configs.history.partitions).toBe(2);
    expect(configs.matching.partitions).toBe(2);
    expect(configs.gateway("127.0.0.1:1").partitions).toBe(2);
  });

  it("keeps matching on loopback at any free port and points the gateway at it", () => {
    expect(configs.matching).toMatchObject({ host: "127.0.0.1", port: 0 });
    expect(configs.gateway("127.0.0.1:40211")).toMatchObject({ host: "127.0.0.1", port: 0, matchingAddresses: ["127.0.0.1:40211"] });
  });

  it("lets the services' own tuning variables through", () => {
    expect(configs.timers.batchSize).toBe(50);
    expect(configs.gateway("127.0.0.1:1").commandTimeoutMs).toBe(2_500);
  });
});
