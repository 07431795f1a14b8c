// Original file: sharelog/v1/admin.proto

import type { TopicDescription as _sharelog_v1_TopicDescription, TopicDescription__Output as _sharelog_v1_TopicDescription__Output } from '../../sharelog/v1/TopicDescription';

/**
 * Response of AdminService.CreateTopic.
 */
export interface CreateTopicResponse {
  /**
   * The topic as created (all partitions empty, configuration with defaults substituted).
   */
  'topic'?: (_sharelog_v1_TopicDescription | null);
}

/**
 * Response of AdminService.CreateTopic.
 */
export interface CreateTopicResponse__Output {
  /**
   * The topic as created (all partitions empty, configuration with defaults substituted).
   */
  'topic': (_sharelog_v1_TopicDescription__Output | null);
}
