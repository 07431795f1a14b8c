// Original file: sharelog/v1/consumer.proto


/**
 * Request of ConsumerService.LeaveGroup.
 */
export interface LeaveGroupRequest {
  /**
   * Consumer group id. Required.
   */
  'groupId'?: (string);
  /**
   * The member's id. Required.
   */
  'memberId'?: (string);
  /**
   * The member's current epoch, from the latest Heartbeat response.
   */
  'memberEpoch'?: (number);
}

/**
 * Request of ConsumerService.LeaveGroup.
 */
export interface LeaveGroupRequest__Output {
  /**
   * Consumer group id. Required.
   */
  'groupId': (string);
  /**
   * The member's id. Required.
   */
  'memberId': (string);
  /**
   * The member's current epoch, from the latest Heartbeat response.
   */
  'memberEpoch': (number);
}
