// Original file: sharelog/v1/consumer.proto

import type { Long } from '@grpc/proto-loader';

/**
 * One committed position of a consumer group.
 */
export interface CommittedOffset {
  /**
   * Topic name.
   */
  'topic'?: (string);
  /**
   * Partition (0-based).
   */
  'partition'?: (number);
  /**
   * The offset of the next record to consume (one past the last processed record), >= 0. Not checked against
   * the partition's bounds.
   */
  'offset'?: (number | string | Long);
  /**
   * Application data stored with the offset, at most 4096 bytes of UTF-8. Empty when none.
   */
  'metadata'?: (string);
}

/**
 * One committed position of a consumer group.
 */
export interface CommittedOffset__Output {
  /**
   * Topic name.
   */
  'topic': (string);
  /**
   * Partition (0-based).
   */
  'partition': (number);
  /**
   * The offset of the next record to consume (one past the last processed record), >= 0. Not checked against
   * the partition's bounds.
   */
  'offset': (number);
  /**
   * Application data stored with the offset, at most 4096 bytes of UTF-8. Empty when none.
   */
  'metadata': (string);
}
