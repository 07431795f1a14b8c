// Original file: sharelog/v1/admin.proto


/**
 * Response of AdminService.DeleteGroup. Empty: success means the group is gone.
 */
export interface DeleteGroupResponse {
}

/**
 * Response of AdminService.DeleteGroup. Empty: success means the group is gone.
 */
export interface DeleteGroupResponse__Output {
}
