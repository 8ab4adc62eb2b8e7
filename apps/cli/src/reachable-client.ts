import { connectivityState } from "@grpc/grpc-js";
import { EventualClient } from "@eventual/client";
import type { GatewayClient } from "./cli-context";
import { GatewayUnreachableError } from "./cli-errors";

/**
 * `EventualClient` that can check the connection before the first call. Every command does, so
 * a wrong address fails fast with one clear line: a refused connection at the first failed
 * attempt (grpc-js would otherwise keep retrying until the call's deadline), a black-holed one
 * after the connect deadline rather than the 10 s call deadline or, for `workflow result`,
 * never.
 *
 * @example
 * const client = new ReachableEventualClient({ address: "127.0.0.1:7233" });
 * await client.waitUntilReachable(5_000); // throws GatewayUnreachableError
 */
export class ReachableEventualClient extends EventualClient implements GatewayClient {
  waitUntilReachable(timeoutMs: number): Promise<void> {
    const channel = this.stub.getChannel();
    const deadline = Date.now() + timeoutMs;
    return new Promise<void>((resolve, reject) => {
      const unreachable = (cause?: unknown) =>
        reject(
          new GatewayUnreachableError(this.address, cause === undefined ? undefined : { cause }),
        );
      const check = (state: connectivityState) => {
        switch (state) {
          case connectivityState.READY:
            return resolve();
          case connectivityState.TRANSIENT_FAILURE:
          case connectivityState.SHUTDOWN:
            return unreachable();
          case connectivityState.IDLE:
          case connectivityState.CONNECTING:
            return channel.watchConnectivityState(state, deadline, (error) =>
              error ? unreachable(error) : check(channel.getConnectivityState(true)),
            );
          default: {
            const unknown: never = state;
            return unreachable(new Error(`unknown connectivity state ${String(unknown)}`));
          }
        }
      };
      check(channel.getConnectivityState(true));
    });
  }
}
