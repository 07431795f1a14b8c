// Original file: sharelog/v1/share_consumer.proto


/**
 * Response of ShareConsumerService.LeaveGroup. Empty: success means the member is gone and its records released.
 */
export interface ShareConsumerServiceLeaveGroupResponse {
}

/**
 * Response of ShareConsumerService.LeaveGroup. Empty: success means the member is gone and its records released.
 */
export interface ShareConsumerServiceLeaveGroupResponse__Output {
}
