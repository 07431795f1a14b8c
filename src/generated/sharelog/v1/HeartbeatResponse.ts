// Original file: sharelog/v1/consumer.proto

import type { TopicPartitions as _sharelog_v1_TopicPartitions, TopicPartitions__Output as _sharelog_v1_TopicPartitions__Output } from '../../sharelog/v1/TopicPartitions';

/**
 * Response of ConsumerService.Heartbeat.
 */
export interface HeartbeatResponse {
  /**
   * The member's id: the one sent, or the one the server chose on join. Send it on every later call.
   */
  'memberId'?: (string);
  /**
   * The member's current epoch (>= 1; -1 after leaving). It goes up whenever the member's assignment changes.
   * Send it on the next Heartbeat and on CommitOffsets.
   */
  'memberEpoch'?: (number);
  /**
   * The member's complete current assignment (not a delta), one entry per topic with at least one partition.
   * Partitions missing compared to the previous response must be released before the next Heartbeat (see the
   * service comment).
   */
  'assignment'?: (_sharelog_v1_TopicPartitions)[];
  /**
   * How long to wait before the next Heartbeat, in ms (5000 by default; always less than the member's session
   * timeout). Heartbeat sooner when the assignment shrank.
   */
  'heartbeatIntervalMs'?: (number);
}

/**
 * Response of ConsumerService.Heartbeat.
 */
export interface HeartbeatResponse__Output {
  /**
   * The member's id: the one sent, or the one the server chose on join. Send it on every later call.
   */
  'memberId': (string);
  /**
   * The member's current epoch (>= 1; -1 after leaving). It goes up whenever the member's assignment changes.
   * Send it on the next Heartbeat and on CommitOffsets.
   */
  'memberEpoch': (number);
  /**
   * The member's complete current assignment (not a delta), one entry per topic with at least one partition.
   * Partitions missing compared to the previous response must be released before the next Heartbeat (see the
   * service comment).
   */
  'assignment': (_sharelog_v1_TopicPartitions__Output)[];
  /**
   * How long to wait before the next Heartbeat, in ms (5000 by default; always less than the member's session
   * timeout). Heartbeat sooner when the assignment shrank.
   */
  'heartbeatIntervalMs': (number);
}
