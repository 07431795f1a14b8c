// Original file: sharelog/v1/admin.proto


/**
 * Request of AdminService.ListTopics. No parameters.
 */
export interface ListTopicsRequest {
}

/**
 * Request of AdminService.ListTopics. No parameters.
 */
export interface ListTopicsRequest__Output {
}
