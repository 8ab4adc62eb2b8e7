import * as grpc from "@grpc/grpc-js";
import type { DurationInput } from "@eventual/core";
import { EventualClientError } from "./eventual-client-error";
import { toEventualClientError, toInvalidArgument, toMalformedReply } from "./grpc-error.mapper";
import { ProtoMappingError } from "./proto-mapping.error";
import { durationMs } from "./time.mapper";

/** How to reach the Eventual gateway. */
export interface ClientConnectionOptions {
  /** `host:port` of the gateway, e.g. `"127.0.0.1:7233"`. */
  address: string;
  /** TLS or other channel credentials; plaintext when omitted (local development). */
  credentials?: grpc.ChannelCredentials;
  /** Deadline of calls that pass no `timeout` of their own. Default 10 seconds. */
  defaultTimeout?: DurationInput;
  /** Metadata sent with every call, e.g. `{ authorization: "Bearer ..." }`. */
  metadata?: Record<string, string>;
  /** Low-level grpc-js channel options (keepalive, message size limits, ...). */
  channelOptions?: grpc.ChannelOptions;
}

/** Per-call settings. */
export interface CallOptions {
  /**
   * How long the call may take, in ms or as a `DurationInput` such as `"30s"`; `null` waits
   * as long as it takes. Overrides the client's default timeout.
   */
  timeout?: DurationInput | null;
  /** An absolute deadline; when `timeout` is also given, the earlier one applies. */
  deadline?: Date | number;
  /** Aborting cancels the call, which then fails with CANCELLED. */
  signal?: AbortSignal;
  /** Metadata for this call, added to the client's. */
  metadata?: Record<string, string>;
}

export const DEFAULT_CALL_TIMEOUT_MS = 10_000;

/** Starts one unary call on a stub with the given metadata, options and callback. */
export type UnaryInvoke<Res> = (
  metadata: grpc.Metadata,
  options: grpc.CallOptions,
  callback: grpc.requestCallback<Res>,
) => grpc.ClientUnaryCall;

/**
 * What EventualClient and WorkerApiClient share: one channel, promise-returning unary calls
 * with deadlines, cancellation and typed errors, and one place that decides which error code
 * a failure to encode or decode gets.
 */
export abstract class GrpcClientBase<Stub extends grpc.Client> {
  /** The gateway address this client talks to. */
  readonly address: string;
  protected readonly stub: Stub;
  private readonly defaultTimeoutMs: number;
  private readonly metadata: Record<string, string>;
  private closed = false;

  protected constructor(
    options: ClientConnectionOptions,
    createStub: (
      address: string,
      credentials: grpc.ChannelCredentials,
      channelOptions: grpc.ChannelOptions,
    ) => Stub,
  ) {
    this.address = options.address;
    this.defaultTimeoutMs = this.encode("", () =>
      options.defaultTimeout === undefined
        ? DEFAULT_CALL_TIMEOUT_MS
        : durationMs(options.defaultTimeout, "defaultTimeout"),
    );
    this.metadata = { ...options.metadata };
    this.stub = createStub(
      options.address,
      options.credentials ?? grpc.credentials.createInsecure(),
      options.channelOptions ?? {},
    );
  }

  /** Closes the channel. Calls in flight fail with CANCELLED; later calls fail at once. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.stub.close();
  }

  /** Builds a request from caller input; a value that cannot be sent is INVALID_ARGUMENT. */
  protected encode<T>(method: string, build: () => T): T {
    try {
      return build();
    } catch (error) {
      throw toInvalidArgument(error, method);
    }
  }

  /** Reads a reply; a reply that does not fit the API is INTERNAL. */
  protected decode<T>(method: string, read: () => T): T {
    try {
      return read();
    } catch (error) {
      throw toMalformedReply(error, method);
    }
  }

  /**
   * Runs one unary call. Calls whose purpose is to wait (results, long polls) pass their own
   * `defaultTimeoutMs` (`null`: no deadline unless the caller sets one); others get the
   * client's default.
   */
  protected unary<Res>(
    method: string,
    invoke: UnaryInvoke<Res>,
    call: CallOptions = {},
    defaultTimeoutMs?: number | null,
  ): Promise<Res> {
    if (this.closed) {
      const message = `${method}: this client is closed`;
      return Promise.reject(
        new EventualClientError("FAILED_PRECONDITION", message, message, method),
      );
    }
    const deadline = this.encode(method, () =>
      this.deadlineOf(
        call,
        defaultTimeoutMs === undefined ? this.defaultTimeoutMs : defaultTimeoutMs,
      ),
    );
    const metadata = new grpc.Metadata();
    for (const [key, value] of Object.entries({ ...this.metadata, ...call.metadata }))
      metadata.set(key, value);
    const site = { method, address: this.address };
    if (call.signal?.aborted) {
      const message = `${method} was cancelled by the caller before it started`;
      return Promise.reject(new EventualClientError("CANCELLED", message, message, method));
    }
    return new Promise<Res>((resolve, reject) => {
      const onAbort = () => pending.cancel();
      const pending = invoke(
        metadata,
        deadline === undefined ? {} : { deadline },
        (error, reply) => {
          call.signal?.removeEventListener("abort", onAbort);
          if (error) reject(toEventualClientError(error, site));
          else if (reply === undefined)
            reject(toMalformedReply(new ProtoMappingError("reply", "is missing"), method));
          else resolve(reply);
        },
      );
      call.signal?.addEventListener("abort", onAbort, { once: true });
    });
  }

  private deadlineOf(call: CallOptions, defaultTimeoutMs: number | null): number | undefined {
    const timeoutMs =
      call.timeout === undefined
        ? defaultTimeoutMs
        : call.timeout === null
          ? null
          : durationMs(call.timeout, "timeout");
    const fromTimeout = timeoutMs === null ? undefined : Date.now() + timeoutMs;
    const explicit = call.deadline === undefined ? undefined : new Date(call.deadline).getTime();
    if (explicit !== undefined && !Number.isFinite(explicit))
      throw new ProtoMappingError("deadline", "is not a valid time");
    if (fromTimeout === undefined) return explicit;
    return explicit === undefined ? fromTimeout : Math.min(fromTimeout, explicit);
  }
}
