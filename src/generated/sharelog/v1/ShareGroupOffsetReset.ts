// Original file: sharelog/v1/admin.proto

import type { Long } from '@grpc/proto-loader';

/**
 * The reset of one share-partition.
 */
export interface ShareGroupOffsetReset {
  /**
   * Partition number.
   */
  'partition'?: (number);
  /**
   * Share-partition start offset before the reset, or -1 when the group had no state for the partition.
   */
  'previousStartOffset'?: (number | string | Long);
  /**
   * Share-partition start offset after the reset (or that it would have, with dry_run).
   */
  'newStartOffset'?: (number | string | Long);
}

/**
 * The reset of one share-partition.
 */
export interface ShareGroupOffsetReset__Output {
  /**
   * Partition number.
   */
  'partition': (number);
  /**
   * Share-partition start offset before the reset, or -1 when the group had no state for the partition.
   */
  'previousStartOffset': (number);
  /**
   * Share-partition start offset after the reset (or that it would have, with dry_run).
   */
  'newStartOffset': (number);
}
