// Original file: sharelog/v1/share_consumer.proto

import type { TopicPartitions as _sharelog_v1_TopicPartitions, TopicPartitions__Output as _sharelog_v1_TopicPartitions__Output } from '../../sharelog/v1/TopicPartitions';

/**
 * Response of ShareConsumerService.Heartbeat.
 */
export interface ShareConsumerServiceHeartbeatResponse {
  /**
   * The member's id: the one sent, or the one the server chose on join. Send it on every later call.
   */
  'memberId'?: (string);
  /**
   * The member's current epoch (>= 1; -1 after leaving). It goes up whenever the member's assignment changes.
   * Send it on the next Heartbeat.
   */
  'memberEpoch'?: (number);
  /**
   * The member's complete current assignment (not a delta), one entry per topic with at least one partition.
   * Other members may be assigned the same partitions.
   */
  'assignment'?: (_sharelog_v1_TopicPartitions)[];
  /**
   * How long to wait before the next Heartbeat, in ms (the group's heartbeat_interval_ms, 5000 by default;
   * always less than the member's session timeout).
   */
  'heartbeatIntervalMs'?: (number);
}

/**
 * Response of ShareConsumerService.Heartbeat.
 */
export interface ShareConsumerServiceHeartbeatResponse__Output {
  /**
   * The member's id: the one sent, or the one the server chose on join. Send it on every later call.
   */
  'memberId': (string);
  /**
   * The member's current epoch (>= 1; -1 after leaving). It goes up whenever the member's assignment changes.
   * Send it on the next Heartbeat.
   */
  'memberEpoch': (number);
  /**
   * The member's complete current assignment (not a delta), one entry per topic with at least one partition.
   * Other members may be assigned the same partitions.
   */
  'assignment': (_sharelog_v1_TopicPartitions__Output)[];
  /**
   * How long to wait before the next Heartbeat, in ms (the group's heartbeat_interval_ms, 5000 by default;
   * always less than the member's session timeout).
   */
  'heartbeatIntervalMs': (number);
}
