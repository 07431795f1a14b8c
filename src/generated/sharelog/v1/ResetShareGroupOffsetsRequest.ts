// Original file: sharelog/v1/admin.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Request of AdminService.ResetShareGroupOffsets.
 */
export interface ResetShareGroupOffsetsRequest {
  /**
   * Share group id. Required.
   */
  'groupId'?: (string);
  /**
   * Topic whose start offsets are reset (all its partitions). Required.
   */
  'topic'?: (string);
  /**
   * true: to the log start offset of each partition.
   */
  'earliest'?: (boolean);
  /**
   * true: to the high watermark of each partition (skip everything stored).
   */
  'latest'?: (boolean);
  /**
   * To this offset (>= 0) in every partition.
   */
  'offset'?: (number | string | Long);
  /**
   * To the first record whose timestamp is at or after this time (ms since the Unix epoch, >= 0); to the high
   * watermark when there is none.
   */
  'timestampMs'?: (number | string | Long);
  /**
   * When true, compute and return the new start offsets without changing anything.
   */
  'dryRun'?: (boolean);
  /**
   * Where to move the start offsets. Exactly one must be set.
   */
  'spec'?: "earliest"|"latest"|"offset"|"timestampMs";
}

/**
 * Request of AdminService.ResetShareGroupOffsets.
 */
export interface ResetShareGroupOffsetsRequest__Output {
  /**
   * Share group id. Required.
   */
  'groupId': (string);
  /**
   * Topic whose start offsets are reset (all its partitions). Required.
   */
  'topic': (string);
  /**
   * true: to the log start offset of each partition.
   */
  'earliest'?: (boolean);
  /**
   * true: to the high watermark of each partition (skip everything stored).
   */
  'latest'?: (boolean);
  /**
   * To this offset (>= 0) in every partition.
   */
  'offset'?: (number);
  /**
   * To the first record whose timestamp is at or after this time (ms since the Unix epoch, >= 0); to the high
   * watermark when there is none.
   */
  'timestampMs'?: (number);
  /**
   * When true, compute and return the new start offsets without changing anything.
   */
  'dryRun': (boolean);
  /**
   * Where to move the start offsets. Exactly one must be set.
   */
  'spec'?: "earliest"|"latest"|"offset"|"timestampMs";
}
