// Original file: sharelog/v1/admin.proto

/**
 * State of a group.
 */
export const GroupState = {
  /**
   * Not set. Never sent by the server.
   */
  GROUP_STATE_UNSPECIFIED: 'GROUP_STATE_UNSPECIFIED',
  /**
   * The group has no members (offsets, share state and configuration are kept).
   */
  GROUP_STATE_EMPTY: 'GROUP_STATE_EMPTY',
  /**
   * Consumer groups only: some partition is waiting to be released by its previous owner before it can be
   * assigned to its new one.
   */
  GROUP_STATE_RECONCILING: 'GROUP_STATE_RECONCILING',
  /**
   * The group has members and every member has its target assignment. A share group with members is always
   * stable.
   */
  GROUP_STATE_STABLE: 'GROUP_STATE_STABLE',
} as const;

/**
 * State of a group.
 */
export type GroupState =
  /**
   * Not set. Never sent by the server.
   */
  | 'GROUP_STATE_UNSPECIFIED'
  | 0
  /**
   * The group has no members (offsets, share state and configuration are kept).
   */
  | 'GROUP_STATE_EMPTY'
  | 1
  /**
   * Consumer groups only: some partition is waiting to be released by its previous owner before it can be
   * assigned to its new one.
   */
  | 'GROUP_STATE_RECONCILING'
  | 2
  /**
   * The group has members and every member has its target assignment. A share group with members is always
   * stable.
   */
  | 'GROUP_STATE_STABLE'
  | 3

/**
 * State of a group.
 */
export type GroupState__Output = typeof GroupState[keyof typeof GroupState]
