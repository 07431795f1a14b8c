// Original file: sharelog/v1/admin.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Request of AdminService.ResetConsumerGroupOffsets.
 */
export interface ResetConsumerGroupOffsetsRequest {
  /**
   * Consumer group id. Required.
   */
  'groupId'?: (string);
  /**
   * Topic whose offsets are reset. Required.
   */
  'topic'?: (string);
  /**
   * Partitions to reset; empty means every partition of the topic.
   */
  'partitions'?: (number)[];
  /**
   * true: to the log start offset of each partition.
   */
  'toEarliest'?: (boolean);
  /**
   * true: to the high watermark of each partition (skip everything stored).
   */
  'toLatest'?: (boolean);
  /**
   * To this offset (>= 0) in every selected partition.
   */
  'toOffset'?: (number | string | Long);
  /**
   * To the first record whose timestamp is at or after this time (ms since the Unix epoch, >= 0); to the high
   * watermark when there is none.
   */
  'toTimestampMs'?: (number | string | Long);
  /**
   * Move by this many offsets (negative: back) from the committed offset, or from the log start offset when
   * nothing is committed.
   */
  'shiftBy'?: (number | string | Long);
  /**
   * When true, compute and return the new offsets without storing them.
   */
  'dryRun'?: (boolean);
  /**
   * Where to move the offsets. Exactly one must be set.
   */
  'spec'?: "toEarliest"|"toLatest"|"toOffset"|"toTimestampMs"|"shiftBy";
}

/**
 * Request of AdminService.ResetConsumerGroupOffsets.
 */
export interface ResetConsumerGroupOffsetsRequest__Output {
  /**
   * Consumer group id. Required.
   */
  'groupId': (string);
  /**
   * Topic whose offsets are reset. Required.
   */
  'topic': (string);
  /**
   * Partitions to reset; empty means every partition of the topic.
   */
  'partitions': (number)[];
  /**
   * true: to the log start offset of each partition.
   */
  'toEarliest'?: (boolean);
  /**
   * true: to the high watermark of each partition (skip everything stored).
   */
  'toLatest'?: (boolean);
  /**
   * To this offset (>= 0) in every selected partition.
   */
  'toOffset'?: (number);
  /**
   * To the first record whose timestamp is at or after this time (ms since the Unix epoch, >= 0); to the high
   * watermark when there is none.
   */
  'toTimestampMs'?: (number);
  /**
   * Move by this many offsets (negative: back) from the committed offset, or from the log start offset when
   * nothing is committed.
   */
  'shiftBy'?: (number);
  /**
   * When true, compute and return the new offsets without storing them.
   */
  'dryRun': (boolean);
  /**
   * Where to move the offsets. Exactly one must be set.
   */
  'spec'?: "toEarliest"|"toLatest"|"toOffset"|"toTimestampMs"|"shiftBy";
}
