import type { EntityManager } from "typeorm";

/** NOTIFY payloads must stay under 8,000 bytes; ids are packed into chunks well below it. */
const MAX_PAYLOAD_BYTES = 7_000;

/**
 * The channel on which the projector announces workflows whose read model changed. One per
 * schema, so deployments (and test files) sharing a database do not wake each other.
 */
export function projectionChannel(schema: string): string {
  return `eventual_projected_${schema}`;
}

/**
 * Announces, inside the projection's transaction, which workflow ids it changed: Postgres
 * delivers the notification only if and when the transaction commits, so a listener that
 * wakes always finds the rows. Payload: a JSON array of workflow ids.
 *
 * @example
 * await notifyProjected(manager, "public", ["order-7", "order-8"]);
 */
export async function notifyProjected(m: EntityManager, schema: string, workflowIds: Iterable<string>): Promise<void> {
  let chunk: string[] = [];
  let bytes = 2;
  const flush = async () => {
    if (chunk.length === 0) return;
    await m.query(`SELECT pg_notify($1, $2)`, [projectionChannel(schema), JSON.stringify(chunk)]);
    chunk = [];
    bytes = 2;
  };
  for (const id of new Set(workflowIds)) {
    const size = Buffer.byteLength(JSON.stringify(id)) + 1;
    if (bytes + size > MAX_PAYLOAD_BYTES) await flush();
    chunk.push(id);
    bytes += size;
  }
  await flush();
}
