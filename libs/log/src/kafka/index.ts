export { KafkaLog } from "./kafka-log.adapter";
export type { KafkaLogOptions } from "./kafka-log.options";
export * from "./kafka-log.errors";
