import type { Command } from "commander";
import { resolveAddress } from "./cli-arguments";
import { CONNECT_TIMEOUT_MS, type CliContext, type GatewayClient } from "./cli-context";
import { type ErrorSubject, toCliError } from "./cli-errors";

/**
 * Runs a command's calls on a connected client: resolves the address (--address, then
 * EVENTUAL_ADDRESS, then the default), checks the gateway answers within the connect deadline,
 * closes the channel afterwards (so the process can exit) and turns client errors into
 * one-line CLI errors about `subject` (e.g. NOT_FOUND → `no workflow "x" (NOT_FOUND)`).
 *
 * @example
 * await withGateway(ctx, command, { workflowId: id }, (client) => client.cancelWorkflow({ workflowId: id }));
 */
export async function withGateway<T>(
  ctx: CliContext,
  command: Command,
  subject: Omit<ErrorSubject, "address">,
  use: (client: GatewayClient) => Promise<T>,
): Promise<T> {
  const address = resolveAddress(command.optsWithGlobals<{ address?: string }>().address, ctx.env);
  const client = ctx.createClient(address);
  try {
    await client.waitUntilReachable(CONNECT_TIMEOUT_MS);
    return await use(client);
  } catch (error) {
    throw toCliError(error, { ...subject, address });
  } finally {
    client.close();
  }
}
