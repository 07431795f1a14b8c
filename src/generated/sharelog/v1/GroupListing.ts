// Original file: sharelog/v1/admin.proto

import type { GroupType as _sharelog_v1_GroupType, GroupType__Output as _sharelog_v1_GroupType__Output } from '../../sharelog/v1/GroupType';
import type { GroupState as _sharelog_v1_GroupState, GroupState__Output as _sharelog_v1_GroupState__Output } from '../../sharelog/v1/GroupState';

/**
 * A group in a listing.
 */
export interface GroupListing {
  /**
   * Group id.
   */
  'groupId'?: (string);
  /**
   * Consumer group or share group.
   */
  'type'?: (_sharelog_v1_GroupType);
  /**
   * Current state.
   */
  'state'?: (_sharelog_v1_GroupState);
  /**
   * Number of members now.
   */
  'memberCount'?: (number);
}

/**
 * A group in a listing.
 */
export interface GroupListing__Output {
  /**
   * Group id.
   */
  'groupId': (string);
  /**
   * Consumer group or share group.
   */
  'type': (_sharelog_v1_GroupType__Output);
  /**
   * Current state.
   */
  'state': (_sharelog_v1_GroupState__Output);
  /**
   * Number of members now.
   */
  'memberCount': (number);
}
