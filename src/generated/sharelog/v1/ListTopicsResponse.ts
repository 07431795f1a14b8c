// Original file: sharelog/v1/admin.proto

import type { TopicListing as _sharelog_v1_TopicListing, TopicListing__Output as _sharelog_v1_TopicListing__Output } from '../../sharelog/v1/TopicListing';

/**
 * Response of AdminService.ListTopics.
 */
export interface ListTopicsResponse {
  /**
   * Every topic, ordered by name.
   */
  'topics'?: (_sharelog_v1_TopicListing)[];
}

/**
 * Response of AdminService.ListTopics.
 */
export interface ListTopicsResponse__Output {
  /**
   * Every topic, ordered by name.
   */
  'topics': (_sharelog_v1_TopicListing__Output)[];
}
