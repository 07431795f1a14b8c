// Original file: sharelog/v1/admin.proto

import type { GroupState as _sharelog_v1_GroupState, GroupState__Output as _sharelog_v1_GroupState__Output } from '../../sharelog/v1/GroupState';
import type { ShareGroupMember as _sharelog_v1_ShareGroupMember, ShareGroupMember__Output as _sharelog_v1_ShareGroupMember__Output } from '../../sharelog/v1/ShareGroupMember';
import type { ShareGroupConfig as _sharelog_v1_ShareGroupConfig, ShareGroupConfig__Output as _sharelog_v1_ShareGroupConfig__Output } from '../../sharelog/v1/ShareGroupConfig';
import type { ShareGroupPartition as _sharelog_v1_ShareGroupPartition, ShareGroupPartition__Output as _sharelog_v1_ShareGroupPartition__Output } from '../../sharelog/v1/ShareGroupPartition';

/**
 * Response of AdminService.DescribeShareGroup.
 */
export interface DescribeShareGroupResponse {
  /**
   * Group id.
   */
  'groupId'?: (string);
  /**
   * Current state: GROUP_STATE_EMPTY or GROUP_STATE_STABLE.
   */
  'state'?: (_sharelog_v1_GroupState);
  /**
   * Members, ordered by member id.
   */
  'members'?: (_sharelog_v1_ShareGroupMember)[];
  /**
   * Configuration in effect.
   */
  'config'?: (_sharelog_v1_ShareGroupConfig | null);
  /**
   * Every partition the group has state for, ordered by topic then partition. A partition the group has not
   * started reading yet is absent.
   */
  'partitions'?: (_sharelog_v1_ShareGroupPartition)[];
}

/**
 * Response of AdminService.DescribeShareGroup.
 */
export interface DescribeShareGroupResponse__Output {
  /**
   * Group id.
   */
  'groupId': (string);
  /**
   * Current state: GROUP_STATE_EMPTY or GROUP_STATE_STABLE.
   */
  'state': (_sharelog_v1_GroupState__Output);
  /**
   * Members, ordered by member id.
   */
  'members': (_sharelog_v1_ShareGroupMember__Output)[];
  /**
   * Configuration in effect.
   */
  'config': (_sharelog_v1_ShareGroupConfig__Output | null);
  /**
   * Every partition the group has state for, ordered by topic then partition. A partition the group has not
   * started reading yet is absent.
   */
  'partitions': (_sharelog_v1_ShareGroupPartition__Output)[];
}
