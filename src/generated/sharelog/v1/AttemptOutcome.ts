// Original file: sharelog/v1/common.proto

/**
 * How one delivery attempt of a share-group record ended.
 */
export const AttemptOutcome = {
  /**
   * Not set. Never sent by the server.
   */
  ATTEMPT_OUTCOME_UNSPECIFIED: 'ATTEMPT_OUTCOME_UNSPECIFIED',
  /**
   * The holder acknowledged the record with ACCEPT; it will not be delivered again.
   */
  ATTEMPT_OUTCOME_ACCEPTED: 'ATTEMPT_OUTCOME_ACCEPTED',
  /**
   * The holder gave the record back with RELEASE.
   */
  ATTEMPT_OUTCOME_RELEASED: 'ATTEMPT_OUTCOME_RELEASED',
  /**
   * The holder acknowledged the record with REJECT; it was archived (and dead-lettered if configured).
   */
  ATTEMPT_OUTCOME_REJECTED: 'ATTEMPT_OUTCOME_REJECTED',
  /**
   * The lock passed its deadline before any acknowledgement.
   */
  ATTEMPT_OUTCOME_EXPIRED: 'ATTEMPT_OUTCOME_EXPIRED',
  /**
   * The holder left the group (LeaveGroup, end of its Subscribe stream, or session timeout) while holding it.
   */
  ATTEMPT_OUTCOME_MEMBER_LEFT: 'ATTEMPT_OUTCOME_MEMBER_LEFT',
  /**
   * The attempt has not ended yet: the record is still ACQUIRED by this attempt.
   */
  ATTEMPT_OUTCOME_IN_PROGRESS: 'ATTEMPT_OUTCOME_IN_PROGRESS',
} as const;

/**
 * How one delivery attempt of a share-group record ended.
 */
export type AttemptOutcome =
  /**
   * Not set. Never sent by the server.
   */
  | 'ATTEMPT_OUTCOME_UNSPECIFIED'
  | 0
  /**
   * The holder acknowledged the record with ACCEPT; it will not be delivered again.
   */
  | 'ATTEMPT_OUTCOME_ACCEPTED'
  | 1
  /**
   * The holder gave the record back with RELEASE.
   */
  | 'ATTEMPT_OUTCOME_RELEASED'
  | 2
  /**
   * The holder acknowledged the record with REJECT; it was archived (and dead-lettered if configured).
   */
  | 'ATTEMPT_OUTCOME_REJECTED'
  | 3
  /**
   * The lock passed its deadline before any acknowledgement.
   */
  | 'ATTEMPT_OUTCOME_EXPIRED'
  | 4
  /**
   * The holder left the group (LeaveGroup, end of its Subscribe stream, or session timeout) while holding it.
   */
  | 'ATTEMPT_OUTCOME_MEMBER_LEFT'
  | 5
  /**
   * The attempt has not ended yet: the record is still ACQUIRED by this attempt.
   */
  | 'ATTEMPT_OUTCOME_IN_PROGRESS'
  | 6

/**
 * How one delivery attempt of a share-group record ended.
 */
export type AttemptOutcome__Output = typeof AttemptOutcome[keyof typeof AttemptOutcome]
