// Original file: sharelog/v1/admin.proto

import type { TopicPartitions as _sharelog_v1_TopicPartitions, TopicPartitions__Output as _sharelog_v1_TopicPartitions__Output } from '../../sharelog/v1/TopicPartitions';

/**
 * A member of a consumer group.
 */
export interface ConsumerGroupMember {
  /**
   * Member id.
   */
  'memberId'?: (string);
  /**
   * Current member epoch.
   */
  'memberEpoch'?: (number);
  /**
   * Address of the client as the server saw it on the member's latest heartbeat, e.g. "ipv4:10.0.0.7:52144".
   * Empty when unknown.
   */
  'clientHost'?: (string);
  /**
   * Topics the member subscribes to.
   */
  'subscribedTopics'?: (string)[];
  /**
   * Partitions the member currently owns.
   */
  'assignment'?: (_sharelog_v1_TopicPartitions)[];
}

/**
 * A member of a consumer group.
 */
export interface ConsumerGroupMember__Output {
  /**
   * Member id.
   */
  'memberId': (string);
  /**
   * Current member epoch.
   */
  'memberEpoch': (number);
  /**
   * Address of the client as the server saw it on the member's latest heartbeat, e.g. "ipv4:10.0.0.7:52144".
   * Empty when unknown.
   */
  'clientHost': (string);
  /**
   * Topics the member subscribes to.
   */
  'subscribedTopics': (string)[];
  /**
   * Partitions the member currently owns.
   */
  'assignment': (_sharelog_v1_TopicPartitions__Output)[];
}
