/**
 * @eventual/infra — real Kafka and Postgres for tests and local development, started as
 * local processes (DESIGN §6): `KAFKA_BROKERS` / `DATABASE_URL` win when set.
 */
export { startKafkaBroker, resolveKafkaJars, kafkaCacheDir, KAFKA_VERSION, type KafkaBroker, type KafkaBrokerOptions } from "./kafka-broker";
export { startPostgres, PostgresStartError, type PostgresServer, type PostgresServerOptions } from "./postgres-server";
export { stopPostmaster, readPostmasterLock, isRunning, PostmasterStuckError, type PostmasterLock, type PostmasterCleanup, type StopPostmasterOptions } from "./postmaster";
export { watchPostmaster, type PostmasterWatchdog } from "./postmaster.watchdog";
export { startPostmaster, type PostmasterOptions } from "./postmaster.process";
export { freePort, waitForPort } from "./free-port";
export { ensureInfrastructure, type InfrastructureEnv, type RunningInfrastructure } from "./infra-process";
export { launchService, type LaunchedService, type LaunchOptions } from "./service-launcher";
