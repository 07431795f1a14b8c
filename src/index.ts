/**
 * The sharelog package: the TypeScript client SDK. The server is started with the `sharelog serve` command
 * (src/cli) or `startServer` from src/server.ts.
 */
export { SharelogClient, connect, type ClientOptions, type CallOptions } from './client/client.js';
export { Producer, type ProducerOptions, type ProducerStats, type SendOptions } from './client/producer.js';
export { Consumer, type AssignmentChange, type ConsumerOptions } from './client/consumer.js';
export { ShareConsumer, type PollOptions, type ShareConsumerOptions } from './client/share-consumer.js';
export { ShareWorker, type ShareWorkerHandlerContext, type ShareWorkerOptions, type ShareWorkerStats } from './client/share-worker.js';
export { Delivery, type Outcome } from './client/delivery.js';
export {
  Admin,
  type ConsumerGroupResetSpec,
  type CreateTopicOptions,
  type OffsetResetPolicy,
  type ShareGroupConfigUpdate,
  type ShareGroupResetSpec,
} from './client/admin.js';
export {
  AcknowledgementError,
  NonRetriableError,
  SharelogClientError,
  type AcknowledgeErrorCode,
} from './client/errors.js';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './client/retry.js';
export type {
  Bytes,
  ConsumerRecord,
  Int64,
  PreviousFailure,
  ProducerRecord,
  RecordHeader,
  RecordPosition,
  TopicPartition,
} from './client/records.js';
export { ErrorCode } from './errors.js';
