import * as fs from "node:fs";
import * as path from "node:path";
import { readGatewayConfig } from "@eventual/gateway-service";
import { readHistoryConfig } from "@eventual/history-service";
import { readMatchingConfig } from "@eventual/matching-service";
import { readProjectorConfig } from "@eventual/projector-service";
import { readTimersConfig } from "@eventual/timers-service";
import { readWorkerHostConfig } from "@eventual/worker-host";
import { parseAllDocuments } from "yaml";

/**
 * The Kubernetes manifests (deploy/kubernetes) checked against the code they run: each
 * workload's environment must satisfy its service's own config reader (so a renamed or newly
 * required variable fails here, not in a cluster), probes must point at the health port the
 * service will serve, and the gateway must list every matching replica.
 */
const DIR = path.join(__dirname, "../kubernetes");
const WORKSPACE = path.join(__dirname, "../..");

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string }; fieldRef?: { fieldPath: string } };
}
interface Container {
  name: string;
  command: string[];
  env?: EnvVar[];
  envFrom?: Array<{ configMapRef: { name: string } }>;
  ports?: Array<{ name: string; containerPort: number }>;
  readinessProbe?: { httpGet: { path: string; port: string } };
  livenessProbe?: { httpGet: { path: string; port: string } };
}
interface Resource {
  kind: string;
  metadata: { name: string };
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  spec?: { replicas?: number; serviceName?: string; template?: { spec: { containers: Container[] } } };
  resources?: string[];
}

const files = fs.readdirSync(DIR).filter((f) => f.endsWith(".yaml"));
const resources: Array<Resource & { file: string }> = files.flatMap((file) =>
  parseAllDocuments(fs.readFileSync(path.join(DIR, file), "utf8")).map((doc) => {
    if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join("; ")}`);
    return { ...(doc.toJS() as Resource), file };
  }),
);
const find = (kind: string, name: string) => {
  const found = resources.find((r) => r.kind === kind && r.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name} in deploy/kubernetes`);
  return found;
};
const workloads = resources.filter((r) => r.kind === "Deployment" || r.kind === "StatefulSet");
const containerOf = (name: string) => {
  const workload = workloads.find((w) => w.metadata.name === name);
  if (!workload) throw new Error(`no workload ${name}`);
  return workload.spec!.template!.spec.containers[0];
};

/** The environment a container gets: its ConfigMaps, then its own variables (secrets and pod fields filled in). */
function environmentOf(container: Container): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const from of container.envFrom ?? []) Object.assign(env, find("ConfigMap", from.configMapRef.name).data);
  for (const v of container.env ?? []) {
    if (v.value !== undefined) env[v.name] = v.value;
    else if (v.valueFrom?.secretKeyRef) env[v.name] = find("Secret", v.valueFrom.secretKeyRef.name).stringData?.[v.valueFrom.secretKeyRef.key];
    else if (v.valueFrom?.fieldRef) env[v.name] = "gateway-7d9f-abcde";
  }
  return env;
}

const readers: Record<string, (env: NodeJS.ProcessEnv) => { healthPort: number }> = {
  history: readHistoryConfig,
  projector: readProjectorConfig,
  timers: readTimersConfig,
  matching: readMatchingConfig,
  gateway: readGatewayConfig,
  worker: (env) => readWorkerHostConfig(env, "/app"),
};

describe("Kubernetes manifests", () => {
  it("kustomization lists every manifest, and every service has a workload", () => {
    const kustomization = parseAllDocuments(fs.readFileSync(path.join(DIR, "kustomization.yaml"), "utf8"))[0].toJS() as Resource;
    expect([...(kustomization.resources ?? [])].sort()).toEqual(files.filter((f) => f !== "kustomization.yaml").sort());
    expect(workloads.map((w) => w.metadata.name).sort()).toEqual(Object.keys(readers).sort());
  });

  it.each(Object.keys(readers))("%s: runs an entry that exists, with an environment its config reader accepts, probed on its health port", (name) => {
    const container = containerOf(name);
    const entry = container.command[container.command.length - 1];
    expect(fs.existsSync(path.join(WORKSPACE, entry))).toBe(true);
    const config = readers[name](environmentOf(container));
    const health = container.ports?.find((p) => p.name === "health");
    expect(health?.containerPort).toBe(config.healthPort);
    expect(container.readinessProbe?.httpGet).toEqual({ path: "/health/ready", port: "health" });
    expect(container.livenessProbe?.httpGet).toEqual({ path: "/health/live", port: "health" });
  });

  it("the gateway polls every matching replica at its stable address", () => {
    const matching = find("StatefulSet", "matching");
    const matchingConfig = readMatchingConfig(environmentOf(containerOf("matching")));
    const gateway = readGatewayConfig(environmentOf(containerOf("gateway")));
    const replicas = matching.spec!.replicas!;
    expect(gateway.matchingAddresses).toEqual(Array.from({ length: replicas }, (_, i) => `matching-${i}.${matching.spec!.serviceName}:${matchingConfig.port}`));
    expect(find("Service", matching.spec!.serviceName!).metadata.name).toBe("matching");
  });

  it("the worker reaches the gateway through its Service and hosts a module that exists", () => {
    const worker = readWorkerHostConfig(environmentOf(containerOf("worker")), WORKSPACE);
    const gatewayPort = readGatewayConfig(environmentOf(containerOf("gateway"))).port;
    expect(worker.address).toBe(`gateway:${gatewayPort}`);
    expect(fs.existsSync(worker.workflowsPath)).toBe(true);
  });
});
