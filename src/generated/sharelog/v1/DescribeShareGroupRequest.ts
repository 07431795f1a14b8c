// Original file: sharelog/v1/admin.proto


/**
 * Request of AdminService.DescribeShareGroup.
 */
export interface DescribeShareGroupRequest {
  /**
   * Share group id. Required.
   */
  'groupId'?: (string);
}

/**
 * Request of AdminService.DescribeShareGroup.
 */
export interface DescribeShareGroupRequest__Output {
  /**
   * Share group id. Required.
   */
  'groupId': (string);
}
