// Original file: sharelog/v1/consumer.proto

import type { CommittedOffset as _sharelog_v1_CommittedOffset, CommittedOffset__Output as _sharelog_v1_CommittedOffset__Output } from '../../sharelog/v1/CommittedOffset';

/**
 * Request of ConsumerService.CommitOffsets.
 */
export interface CommitOffsetsRequest {
  /**
   * Consumer group id. Required.
   */
  'groupId'?: (string);
  /**
   * The member's id; empty for a standalone commit (see the RPC comment).
   */
  'memberId'?: (string);
  /**
   * The member's current epoch, from the latest Heartbeat response; -1 for a standalone commit.
   */
  'memberEpoch'?: (number);
  /**
   * Offsets to commit, at least one, at most one per partition. Each replaces the partition's committed offset
   * (it may move backwards).
   */
  'offsets'?: (_sharelog_v1_CommittedOffset)[];
}

/**
 * Request of ConsumerService.CommitOffsets.
 */
export interface CommitOffsetsRequest__Output {
  /**
   * Consumer group id. Required.
   */
  'groupId': (string);
  /**
   * The member's id; empty for a standalone commit (see the RPC comment).
   */
  'memberId': (string);
  /**
   * The member's current epoch, from the latest Heartbeat response; -1 for a standalone commit.
   */
  'memberEpoch': (number);
  /**
   * Offsets to commit, at least one, at most one per partition. Each replaces the partition's committed offset
   * (it may move backwards).
   */
  'offsets': (_sharelog_v1_CommittedOffset__Output)[];
}
