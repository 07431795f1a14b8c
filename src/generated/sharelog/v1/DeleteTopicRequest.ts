// Original file: sharelog/v1/admin.proto


/**
 * Request of AdminService.DeleteTopic.
 */
export interface DeleteTopicRequest {
  /**
   * Name of the topic to delete. Required.
   */
  'name'?: (string);
}

/**
 * Request of AdminService.DeleteTopic.
 */
export interface DeleteTopicRequest__Output {
  /**
   * Name of the topic to delete. Required.
   */
  'name': (string);
}
