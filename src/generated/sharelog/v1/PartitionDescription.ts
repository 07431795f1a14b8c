// Original file: sharelog/v1/admin.proto

import type { Long } from '@grpc/proto-loader';

/**
 * One partition of a topic.
 */
export interface PartitionDescription {
  /**
   * Partition number (0-based).
   */
  'partition'?: (number);
  /**
   * Lowest offset still stored (the log start offset; retention moves it up).
   */
  'startOffset'?: (number | string | Long);
  /**
   * Offset one past the last record (the high watermark: the offset the next append will get).
   */
  'endOffset'?: (number | string | Long);
  /**
   * Bytes the partition occupies in storage (segment and index files for the embedded backend; an estimate for
   * the redis backend).
   */
  'sizeBytes'?: (number | string | Long);
}

/**
 * One partition of a topic.
 */
export interface PartitionDescription__Output {
  /**
   * Partition number (0-based).
   */
  'partition': (number);
  /**
   * Lowest offset still stored (the log start offset; retention moves it up).
   */
  'startOffset': (number);
  /**
   * Offset one past the last record (the high watermark: the offset the next append will get).
   */
  'endOffset': (number);
  /**
   * Bytes the partition occupies in storage (segment and index files for the embedded backend; an estimate for
   * the redis backend).
   */
  'sizeBytes': (number);
}
