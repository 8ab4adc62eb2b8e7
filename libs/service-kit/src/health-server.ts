import * as http from "node:http";

export interface HealthChecks {
  /** The process works (event loop turning, not wedged). */
  live(): boolean;
  /** The service can do its job now (e.g. partitions rebuilt, connected). */
  ready(): boolean;
}

/**
 * `GET /health/live` and `GET /health/ready` for orchestrators (Kubernetes probes): 200 when
 * true, 503 when not, with a small JSON body.
 *
 * @example
 * const health = await startHealthServer(8081, { live: () => true, ready: () => service.ready });
 */
export async function startHealthServer(port: number, checks: HealthChecks, host = "127.0.0.1"): Promise<{ port: number; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    const check = request.url === "/health/live" ? checks.live : request.url === "/health/ready" ? checks.ready : undefined;
    if (!check) {
      response.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: "use /health/live or /health/ready" }));
      return;
    }
    const ok = safely(check);
    response.writeHead(ok ? 200 : 503, { "content-type": "application/json" }).end(JSON.stringify({ status: ok ? "ok" : "unavailable" }));
  });
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, host, resolve));
  const bound = (server.address() as { port: number }).port;
  return { port: bound, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function safely(check: () => boolean): boolean {
  try {
    return check();
  } catch {
    return false;
  }
}
