/**
 * @eventual/log — the log port and its adapters (DESIGN §4).
 */
export * from "./log-port";
export * from "./log-errors";
export { partitionFor, murmur2 } from "./partitioner";
export { GroupCommitAppender } from "./group-commit.appender";
export * from "./kafka";
export * from "./postgres";
