// Original file: sharelog/v1/share_consumer.proto

import type { TopicPartitions as _sharelog_v1_TopicPartitions, TopicPartitions__Output as _sharelog_v1_TopicPartitions__Output } from '../../sharelog/v1/TopicPartitions';

/**
 * Sent once, first, on a Subscribe stream: the membership is established.
 */
export interface SubscribeJoined {
  /**
   * The member's id (the reused one, or one chosen by the server). Also valid for Acknowledge.
   */
  'memberId'?: (string);
  /**
   * The member's epoch at join (>= 1).
   */
  'memberEpoch'?: (number);
  /**
   * The member's assignment at join (possibly empty, e.g. when the topics do not exist yet).
   */
  'assignment'?: (_sharelog_v1_TopicPartitions)[];
}

/**
 * Sent once, first, on a Subscribe stream: the membership is established.
 */
export interface SubscribeJoined__Output {
  /**
   * The member's id (the reused one, or one chosen by the server). Also valid for Acknowledge.
   */
  'memberId': (string);
  /**
   * The member's epoch at join (>= 1).
   */
  'memberEpoch': (number);
  /**
   * The member's assignment at join (possibly empty, e.g. when the topics do not exist yet).
   */
  'assignment': (_sharelog_v1_TopicPartitions__Output)[];
}
