// Original file: sharelog/v1/admin.proto


/**
 * Request of AdminService.DescribeTopic.
 */
export interface DescribeTopicRequest {
  /**
   * Topic name. Required.
   */
  'name'?: (string);
}

/**
 * Request of AdminService.DescribeTopic.
 */
export interface DescribeTopicRequest__Output {
  /**
   * Topic name. Required.
   */
  'name': (string);
}
