// Original file: sharelog/v1/common.proto

/**
 * What an acknowledgement does to each record in its range.
 */
export const AcknowledgeType = {
  /**
   * Not set. An acknowledgement with this type fails with ACKNOWLEDGE_ERROR_INVALID_ARGUMENT.
   */
  ACKNOWLEDGE_TYPE_UNSPECIFIED: 'ACKNOWLEDGE_TYPE_UNSPECIFIED',
  /**
   * Processed: the records become ACKNOWLEDGED and are never delivered again. Durable before success is returned.
   */
  ACKNOWLEDGE_TYPE_ACCEPT: 'ACKNOWLEDGE_TYPE_ACCEPT',
  /**
   * Give back: the records become AVAILABLE again, after `release_delay_ms` or, when that is 0, after the group's
   * backoff (none by default). The delivery count is not changed; a record that has reached the group's
   * delivery_count_limit is archived (and dead-lettered) instead.
   */
  ACKNOWLEDGE_TYPE_RELEASE: 'ACKNOWLEDGE_TYPE_RELEASE',
  /**
   * Unprocessable: the records become ARCHIVED, are never delivered again, and are appended to the group's
   * dead-letter topic when one is configured. Durable before success is returned.
   */
  ACKNOWLEDGE_TYPE_REJECT: 'ACKNOWLEDGE_TYPE_REJECT',
  /**
   * Keep: extend the lock to now + the group's record_lock_duration_ms. The records stay ACQUIRED by the caller
   * with the same delivery count and lease token; the new deadline is returned in
   * AcknowledgementResult.lock_expires_at_ms.
   */
  ACKNOWLEDGE_TYPE_RENEW: 'ACKNOWLEDGE_TYPE_RENEW',
} as const;

/**
 * What an acknowledgement does to each record in its range.
 */
export type AcknowledgeType =
  /**
   * Not set. An acknowledgement with this type fails with ACKNOWLEDGE_ERROR_INVALID_ARGUMENT.
   */
  | 'ACKNOWLEDGE_TYPE_UNSPECIFIED'
  | 0
  /**
   * Processed: the records become ACKNOWLEDGED and are never delivered again. Durable before success is returned.
   */
  | 'ACKNOWLEDGE_TYPE_ACCEPT'
  | 1
  /**
   * Give back: the records become AVAILABLE again, after `release_delay_ms` or, when that is 0, after the group's
   * backoff (none by default). The delivery count is not changed; a record that has reached the group's
   * delivery_count_limit is archived (and dead-lettered) instead.
   */
  | 'ACKNOWLEDGE_TYPE_RELEASE'
  | 2
  /**
   * Unprocessable: the records become ARCHIVED, are never delivered again, and are appended to the group's
   * dead-letter topic when one is configured. Durable before success is returned.
   */
  | 'ACKNOWLEDGE_TYPE_REJECT'
  | 3
  /**
   * Keep: extend the lock to now + the group's record_lock_duration_ms. The records stay ACQUIRED by the caller
   * with the same delivery count and lease token; the new deadline is returned in
   * AcknowledgementResult.lock_expires_at_ms.
   */
  | 'ACKNOWLEDGE_TYPE_RENEW'
  | 4

/**
 * What an acknowledgement does to each record in its range.
 */
export type AcknowledgeType__Output = typeof AcknowledgeType[keyof typeof AcknowledgeType]
