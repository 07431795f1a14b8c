// Original file: sharelog/v1/admin.proto

import type { Long } from '@grpc/proto-loader';

/**
 * The reset of one consumer-group partition.
 */
export interface ConsumerGroupOffsetReset {
  /**
   * Partition number.
   */
  'partition'?: (number);
  /**
   * Committed offset before the reset, or -1 when nothing was committed.
   */
  'previousOffset'?: (number | string | Long);
  /**
   * Committed offset after the reset (or that it would have, with dry_run).
   */
  'newOffset'?: (number | string | Long);
}

/**
 * The reset of one consumer-group partition.
 */
export interface ConsumerGroupOffsetReset__Output {
  /**
   * Partition number.
   */
  'partition': (number);
  /**
   * Committed offset before the reset, or -1 when nothing was committed.
   */
  'previousOffset': (number);
  /**
   * Committed offset after the reset (or that it would have, with dry_run).
   */
  'newOffset': (number);
}
