// Original file: sharelog/v1/admin.proto

import type { GroupState as _sharelog_v1_GroupState, GroupState__Output as _sharelog_v1_GroupState__Output } from '../../sharelog/v1/GroupState';
import type { ConsumerGroupMember as _sharelog_v1_ConsumerGroupMember, ConsumerGroupMember__Output as _sharelog_v1_ConsumerGroupMember__Output } from '../../sharelog/v1/ConsumerGroupMember';
import type { ConsumerGroupPartition as _sharelog_v1_ConsumerGroupPartition, ConsumerGroupPartition__Output as _sharelog_v1_ConsumerGroupPartition__Output } from '../../sharelog/v1/ConsumerGroupPartition';

/**
 * Response of AdminService.DescribeConsumerGroup.
 */
export interface DescribeConsumerGroupResponse {
  /**
   * Group id.
   */
  'groupId'?: (string);
  /**
   * Current state.
   */
  'state'?: (_sharelog_v1_GroupState);
  /**
   * Members, ordered by member id.
   */
  'members'?: (_sharelog_v1_ConsumerGroupMember)[];
  /**
   * Every partition that has a committed offset or is assigned, ordered by topic then partition.
   */
  'partitions'?: (_sharelog_v1_ConsumerGroupPartition)[];
}

/**
 * Response of AdminService.DescribeConsumerGroup.
 */
export interface DescribeConsumerGroupResponse__Output {
  /**
   * Group id.
   */
  'groupId': (string);
  /**
   * Current state.
   */
  'state': (_sharelog_v1_GroupState__Output);
  /**
   * Members, ordered by member id.
   */
  'members': (_sharelog_v1_ConsumerGroupMember__Output)[];
  /**
   * Every partition that has a committed offset or is assigned, ordered by topic then partition.
   */
  'partitions': (_sharelog_v1_ConsumerGroupPartition__Output)[];
}
