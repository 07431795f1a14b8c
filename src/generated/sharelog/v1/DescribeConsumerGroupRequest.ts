// Original file: sharelog/v1/admin.proto


/**
 * Request of AdminService.DescribeConsumerGroup.
 */
export interface DescribeConsumerGroupRequest {
  /**
   * Consumer group id. Required.
   */
  'groupId'?: (string);
}

/**
 * Request of AdminService.DescribeConsumerGroup.
 */
export interface DescribeConsumerGroupRequest__Output {
  /**
   * Consumer group id. Required.
   */
  'groupId': (string);
}
