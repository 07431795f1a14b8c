// Original file: sharelog/v1/admin.proto

import type { TopicDescription as _sharelog_v1_TopicDescription, TopicDescription__Output as _sharelog_v1_TopicDescription__Output } from '../../sharelog/v1/TopicDescription';

/**
 * Response of AdminService.CreatePartitions.
 */
export interface CreatePartitionsResponse {
  /**
   * The topic with its new partitions.
   */
  'topic'?: (_sharelog_v1_TopicDescription | null);
}

/**
 * Response of AdminService.CreatePartitions.
 */
export interface CreatePartitionsResponse__Output {
  /**
   * The topic with its new partitions.
   */
  'topic': (_sharelog_v1_TopicDescription__Output | null);
}
