// Original file: sharelog/v1/admin.proto

import type { TopicPartitions as _sharelog_v1_TopicPartitions, TopicPartitions__Output as _sharelog_v1_TopicPartitions__Output } from '../../sharelog/v1/TopicPartitions';

/**
 * A member of a share group.
 */
export interface ShareGroupMember {
  /**
   * Member id.
   */
  'memberId'?: (string);
  /**
   * Current member epoch.
   */
  'memberEpoch'?: (number);
  /**
   * Address of the client as the server saw it on the member's latest heartbeat or Subscribe stream, e.g.
   * "ipv4:10.0.0.7:52144". Empty when unknown.
   */
  'clientHost'?: (string);
  /**
   * Topics the member subscribes to.
   */
  'subscribedTopics'?: (string)[];
  /**
   * Partitions the member fetches from (shared with other members).
   */
  'assignment'?: (_sharelog_v1_TopicPartitions)[];
  /**
   * Number of records the member holds (ACQUIRED) now, over all partitions.
   */
  'acquired'?: (number);
}

/**
 * A member of a share group.
 */
export interface ShareGroupMember__Output {
  /**
   * Member id.
   */
  'memberId': (string);
  /**
   * Current member epoch.
   */
  'memberEpoch': (number);
  /**
   * Address of the client as the server saw it on the member's latest heartbeat or Subscribe stream, e.g.
   * "ipv4:10.0.0.7:52144". Empty when unknown.
   */
  'clientHost': (string);
  /**
   * Topics the member subscribes to.
   */
  'subscribedTopics': (string)[];
  /**
   * Partitions the member fetches from (shared with other members).
   */
  'assignment': (_sharelog_v1_TopicPartitions__Output)[];
  /**
   * Number of records the member holds (ACQUIRED) now, over all partitions.
   */
  'acquired': (number);
}
