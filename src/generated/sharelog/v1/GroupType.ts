// Original file: sharelog/v1/admin.proto

/**
 * The two kinds of group.
 */
export const GroupType = {
  /**
   * Not set. As a ListGroups filter: groups of both types.
   */
  GROUP_TYPE_UNSPECIFIED: 'GROUP_TYPE_UNSPECIFIED',
  /**
   * A consumer group (ConsumerService): each partition owned by one member, progress as committed offsets.
   */
  GROUP_TYPE_CONSUMER: 'GROUP_TYPE_CONSUMER',
  /**
   * A share group (ShareConsumerService): partitions shared by members, progress tracked per record.
   */
  GROUP_TYPE_SHARE: 'GROUP_TYPE_SHARE',
} as const;

/**
 * The two kinds of group.
 */
export type GroupType =
  /**
   * Not set. As a ListGroups filter: groups of both types.
   */
  | 'GROUP_TYPE_UNSPECIFIED'
  | 0
  /**
   * A consumer group (ConsumerService): each partition owned by one member, progress as committed offsets.
   */
  | 'GROUP_TYPE_CONSUMER'
  | 1
  /**
   * A share group (ShareConsumerService): partitions shared by members, progress tracked per record.
   */
  | 'GROUP_TYPE_SHARE'
  | 2

/**
 * The two kinds of group.
 */
export type GroupType__Output = typeof GroupType[keyof typeof GroupType]
