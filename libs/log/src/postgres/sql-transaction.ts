import type { Pool, PoolClient } from "pg";

/**
 * Runs `work` in one transaction on a pooled connection: COMMIT if it resolves, ROLLBACK if it
 * throws. A connection that broke (an `error` event while checked out, or a failing ROLLBACK —
 * it broke mid-transaction or during COMMIT) is destroyed rather than returned to the pool.
 *
 * @example
 * await inTransaction(pool, async (client) => { await client.query("UPDATE ..."); });
 */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  // A checked-out client has no error listener of the pool's: a connection dying between two
  // statements would otherwise be an unhandled 'error' event (a crash). The next query fails anyway.
  const onError = (error: Error) => (broken ??= error);
  client.on("error", onError);
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch((rollbackError: Error) => (broken ??= rollbackError));
    throw error;
  } finally {
    client.off("error", onError);
    client.release(broken);
  }
}
