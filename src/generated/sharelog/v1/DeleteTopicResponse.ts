// Original file: sharelog/v1/admin.proto


/**
 * Response of AdminService.DeleteTopic. Empty: success means the topic is gone.
 */
export interface DeleteTopicResponse {
}

/**
 * Response of AdminService.DeleteTopic. Empty: success means the topic is gone.
 */
export interface DeleteTopicResponse__Output {
}
