// Original file: sharelog/v1/admin.proto

import type { TopicDescription as _sharelog_v1_TopicDescription, TopicDescription__Output as _sharelog_v1_TopicDescription__Output } from '../../sharelog/v1/TopicDescription';

/**
 * Response of AdminService.DescribeTopic.
 */
export interface DescribeTopicResponse {
  /**
   * The topic.
   */
  'topic'?: (_sharelog_v1_TopicDescription | null);
}

/**
 * Response of AdminService.DescribeTopic.
 */
export interface DescribeTopicResponse__Output {
  /**
   * The topic.
   */
  'topic': (_sharelog_v1_TopicDescription__Output | null);
}
