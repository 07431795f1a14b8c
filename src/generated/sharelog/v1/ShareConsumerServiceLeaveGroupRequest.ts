// Original file: sharelog/v1/share_consumer.proto


/**
 * Request of ShareConsumerService.LeaveGroup.
 */
export interface ShareConsumerServiceLeaveGroupRequest {
  /**
   * Share group id. Required.
   */
  'groupId'?: (string);
  /**
   * The member's id. Required.
   */
  'memberId'?: (string);
}

/**
 * Request of ShareConsumerService.LeaveGroup.
 */
export interface ShareConsumerServiceLeaveGroupRequest__Output {
  /**
   * Share group id. Required.
   */
  'groupId': (string);
  /**
   * The member's id. Required.
   */
  'memberId': (string);
}
