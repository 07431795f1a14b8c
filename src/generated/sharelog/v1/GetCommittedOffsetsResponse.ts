// Original file: sharelog/v1/consumer.proto

import type { CommittedOffset as _sharelog_v1_CommittedOffset, CommittedOffset__Output as _sharelog_v1_CommittedOffset__Output } from '../../sharelog/v1/CommittedOffset';

/**
 * Response of ConsumerService.GetCommittedOffsets.
 */
export interface GetCommittedOffsetsResponse {
  /**
   * Committed offsets, ordered by topic then partition. Partitions with nothing committed are absent.
   */
  'offsets'?: (_sharelog_v1_CommittedOffset)[];
}

/**
 * Response of ConsumerService.GetCommittedOffsets.
 */
export interface GetCommittedOffsetsResponse__Output {
  /**
   * Committed offsets, ordered by topic then partition. Partitions with nothing committed are absent.
   */
  'offsets': (_sharelog_v1_CommittedOffset__Output)[];
}
