// Original file: sharelog/v1/admin.proto

import type { ConsumerGroupOffsetReset as _sharelog_v1_ConsumerGroupOffsetReset, ConsumerGroupOffsetReset__Output as _sharelog_v1_ConsumerGroupOffsetReset__Output } from '../../sharelog/v1/ConsumerGroupOffsetReset';

/**
 * Response of AdminService.ResetConsumerGroupOffsets.
 */
export interface ResetConsumerGroupOffsetsResponse {
  /**
   * One entry per reset partition, ordered by partition.
   */
  'partitions'?: (_sharelog_v1_ConsumerGroupOffsetReset)[];
}

/**
 * Response of AdminService.ResetConsumerGroupOffsets.
 */
export interface ResetConsumerGroupOffsetsResponse__Output {
  /**
   * One entry per reset partition, ordered by partition.
   */
  'partitions': (_sharelog_v1_ConsumerGroupOffsetReset__Output)[];
}
