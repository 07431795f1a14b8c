// Original file: sharelog/v1/admin.proto

import type { GroupType as _sharelog_v1_GroupType, GroupType__Output as _sharelog_v1_GroupType__Output } from '../../sharelog/v1/GroupType';

/**
 * Request of AdminService.ListGroups.
 */
export interface ListGroupsRequest {
  /**
   * Only groups of this type; GROUP_TYPE_UNSPECIFIED (the default) lists groups of both types.
   */
  'type'?: (_sharelog_v1_GroupType);
}

/**
 * Request of AdminService.ListGroups.
 */
export interface ListGroupsRequest__Output {
  /**
   * Only groups of this type; GROUP_TYPE_UNSPECIFIED (the default) lists groups of both types.
   */
  'type': (_sharelog_v1_GroupType__Output);
}
