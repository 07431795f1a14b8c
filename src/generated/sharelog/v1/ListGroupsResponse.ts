// Original file: sharelog/v1/admin.proto

import type { GroupListing as _sharelog_v1_GroupListing, GroupListing__Output as _sharelog_v1_GroupListing__Output } from '../../sharelog/v1/GroupListing';

/**
 * Response of AdminService.ListGroups.
 */
export interface ListGroupsResponse {
  /**
   * The groups, ordered by group id.
   */
  'groups'?: (_sharelog_v1_GroupListing)[];
}

/**
 * Response of AdminService.ListGroups.
 */
export interface ListGroupsResponse__Output {
  /**
   * The groups, ordered by group id.
   */
  'groups': (_sharelog_v1_GroupListing__Output)[];
}
