// Original file: sharelog/v1/admin.proto

import type { ShareGroupOffsetReset as _sharelog_v1_ShareGroupOffsetReset, ShareGroupOffsetReset__Output as _sharelog_v1_ShareGroupOffsetReset__Output } from '../../sharelog/v1/ShareGroupOffsetReset';

/**
 * Response of AdminService.ResetShareGroupOffsets.
 */
export interface ResetShareGroupOffsetsResponse {
  /**
   * One entry per partition of the topic, ordered by partition.
   */
  'partitions'?: (_sharelog_v1_ShareGroupOffsetReset)[];
}

/**
 * Response of AdminService.ResetShareGroupOffsets.
 */
export interface ResetShareGroupOffsetsResponse__Output {
  /**
   * One entry per partition of the topic, ordered by partition.
   */
  'partitions': (_sharelog_v1_ShareGroupOffsetReset__Output)[];
}
