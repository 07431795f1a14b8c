// Original file: sharelog/v1/admin.proto


/**
 * Request of AdminService.DeleteGroup.
 */
export interface DeleteGroupRequest {
  /**
   * Id of the group to delete (consumer or share group). Required.
   */
  'groupId'?: (string);
}

/**
 * Request of AdminService.DeleteGroup.
 */
export interface DeleteGroupRequest__Output {
  /**
   * Id of the group to delete (consumer or share group). Required.
   */
  'groupId': (string);
}
