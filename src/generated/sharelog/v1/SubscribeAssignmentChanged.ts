// Original file: sharelog/v1/share_consumer.proto

import type { TopicPartitions as _sharelog_v1_TopicPartitions, TopicPartitions__Output as _sharelog_v1_TopicPartitions__Output } from '../../sharelog/v1/TopicPartitions';

/**
 * The member's assignment changed.
 */
export interface SubscribeAssignmentChanged {
  /**
   * The member's new epoch.
   */
  'memberEpoch'?: (number);
  /**
   * The member's complete new assignment (not a delta).
   */
  'assignment'?: (_sharelog_v1_TopicPartitions)[];
}

/**
 * The member's assignment changed.
 */
export interface SubscribeAssignmentChanged__Output {
  /**
   * The member's new epoch.
   */
  'memberEpoch': (number);
  /**
   * The member's complete new assignment (not a delta).
   */
  'assignment': (_sharelog_v1_TopicPartitions__Output)[];
}
