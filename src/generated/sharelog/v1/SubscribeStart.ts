// Original file: sharelog/v1/share_consumer.proto


/**
 * First message of a Subscribe stream: which group to join and what to read.
 */
export interface SubscribeStart {
  /**
   * Share group id. Required. The group is created with the default configuration if it does not exist.
   */
  'groupId'?: (string);
  /**
   * Topics to read, at least one. Topics that do not exist yet are allowed; their partitions are assigned once
   * they are created.
   */
  'topics'?: (string)[];
  /**
   * A member id to reuse (at most 64 characters), e.g. to keep a stable identity across reconnects. A member
   * already in the group with this id is replaced: it is removed first and its records are released. Unset or
   * empty: the server chooses an id.
   */
  'memberId'?: (string);
  '_memberId'?: "memberId";
}

/**
 * First message of a Subscribe stream: which group to join and what to read.
 */
export interface SubscribeStart__Output {
  /**
   * Share group id. Required. The group is created with the default configuration if it does not exist.
   */
  'groupId': (string);
  /**
   * Topics to read, at least one. Topics that do not exist yet are allowed; their partitions are assigned once
   * they are created.
   */
  'topics': (string)[];
  /**
   * A member id to reuse (at most 64 characters), e.g. to keep a stable identity across reconnects. A member
   * already in the group with this id is replaced: it is removed first and its records are released. Unset or
   * empty: the server chooses an id.
   */
  'memberId'?: (string);
  '_memberId'?: "memberId";
}
