// Original file: sharelog/v1/consumer.proto


/**
 * Response of ConsumerService.LeaveGroup. Empty: success means the member is no longer in the group.
 */
export interface LeaveGroupResponse {
}

/**
 * Response of ConsumerService.LeaveGroup. Empty: success means the member is no longer in the group.
 */
export interface LeaveGroupResponse__Output {
}
