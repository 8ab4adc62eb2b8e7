import * as path from "node:path";
import { EMBEDDED_DEFAULTS, EmbeddedOptionsError, readEmbeddedConfig } from "@eventual/embedded";
import { resolveEmbeddedOptions } from "../src/embedded-platform.options";

describe("embedded platform options", () => {
  it("fills in defaults: port 7233 on loopback, 4 partitions, an absolute data directory", () => {
    const resolved = resolveEmbeddedOptions({ dataDir: "data", env: {} });
    expect(resolved).toEqual({ dataDir: path.resolve("data"), port: 7233, host: "127.0.0.1", partitions: 4, env: {} });
    expect(EMBEDDED_DEFAULTS).toEqual({ port: 7233, host: "127.0.0.1", partitions: 4 });
  });

  it("refuses unusable values before anything starts, naming the option", () => {
    expect(() => resolveEmbeddedOptions({ dataDir: " " })).toThrow(EmbeddedOptionsError);
    expect(() => resolveEmbeddedOptions({ dataDir: "d", port: 70_000 })).toThrow("port must be a whole number from 0 (any free port) to 65535, got 70000");
    expect(() => resolveEmbeddedOptions({ dataDir: "d", partitions: 0 })).toThrow(/partitions must be a whole number from 1 to 1000/);
    expect(() => resolveEmbeddedOptions({ dataDir: "d", databaseUrl: "mysql://x" })).toThrow(/databaseUrl must be a postgres:\/\/ URL/);
  });
});

describe("readEmbeddedConfig", () => {
  it("reads the process's settings, with .eventual in the working directory by default", () => {
    expect(readEmbeddedConfig({}, "/srv/app")).toEqual({ dataDir: "/srv/app/.eventual", port: 7233, host: "127.0.0.1", partitions: 4, healthPort: 0, logLevel: "info" });
    const config = readEmbeddedConfig(
      { EVENTUAL_DATA_DIR: "/var/lib/eventual", EVENTUAL_PORT: "0", EVENTUAL_PARTITIONS: "8", EVENTUAL_DATABASE_URL: "postgres://u:p@db/e", DATABASE_URL: "postgres://ignored", LOG_LEVEL: "debug" },
      "/srv/app",
    );
    expect(config).toMatchObject({ dataDir: "/var/lib/eventual", port: 0, partitions: 8, databaseUrl: "postgres://u:p@db/e", logLevel: "debug" });
  });

  it("names a malformed variable", () => {
    expect(() => readEmbeddedConfig({ EVENTUAL_PORT: "http" })).toThrow('EVENTUAL_PORT must be a whole number, got "http"');
  });
});
