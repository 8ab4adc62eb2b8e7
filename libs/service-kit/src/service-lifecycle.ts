import type { OwnedResources } from "./owned-resources";

/** A service with an explicit start and graceful stop (projector, timers, matching). */
export interface StartStopService {
  readonly ready: boolean;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Ties a start/stop service to a NestJS application context: started when the context
 * bootstraps, stopped when it closes, then the resources its module created are closed (never
 * the injected ones). The service classes stay plain, so their tests construct them directly.
 * Nest finds the hooks by name, so this needs no Nest import.
 *
 * @example
 * { provide: ServiceLifecycle, useFactory: (service: TimersService, owned: OwnedResources) => new ServiceLifecycle(service, owned), inject: [TimersService, TIMERS_RESOURCES] }
 */
export class ServiceLifecycle {
  constructor(
    private readonly service: StartStopService,
    private readonly owned: OwnedResources,
  ) {}

  get ready(): boolean {
    return this.service.ready;
  }

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.service.start();
    } catch (error) {
      // A failed start never reaches onApplicationShutdown (the context is never handed out),
      // so whatever did start is stopped here, lest a consumer or a connection outlive it.
      await this.onApplicationShutdown().catch(() => undefined);
      throw error;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    try {
      await this.service.stop();
    } finally {
      await this.owned.closeAll();
    }
  }
}
