// Original file: sharelog/v1/common.proto

/**
 * Why an acknowledgement range failed.
 */
export const AcknowledgeError = {
  /**
   * No error: the acknowledgement was applied to every record in the range.
   */
  ACKNOWLEDGE_ERROR_UNSPECIFIED: 'ACKNOWLEDGE_ERROR_UNSPECIFIED',
  /**
   * Some record in the range is not ACQUIRED by the calling member: it was never delivered to it, was already
   * acknowledged, its lock expired, or another member holds it now. Nothing in the range was changed.
   */
  ACKNOWLEDGE_ERROR_INVALID_RECORD_STATE: 'ACKNOWLEDGE_ERROR_INVALID_RECORD_STATE',
  /**
   * The range carried a lease_token and some record in it is held under a different token (it was delivered
   * again since). Nothing in the range was changed.
   */
  ACKNOWLEDGE_ERROR_STALE_LEASE_TOKEN: 'ACKNOWLEDGE_ERROR_STALE_LEASE_TOKEN',
  /**
   * The acknowledgement itself is malformed: empty topic, negative offsets, last_offset < first_offset,
   * ACKNOWLEDGE_TYPE_UNSPECIFIED, or release_delay_ms out of range or set with a type other than RELEASE.
   */
  ACKNOWLEDGE_ERROR_INVALID_ARGUMENT: 'ACKNOWLEDGE_ERROR_INVALID_ARGUMENT',
  /**
   * The topic does not exist, or has no such partition.
   */
  ACKNOWLEDGE_ERROR_UNKNOWN_TOPIC_OR_PARTITION: 'ACKNOWLEDGE_ERROR_UNKNOWN_TOPIC_OR_PARTITION',
  /**
   * The group does not read this topic-partition (it has no share-partition state for it), so the caller cannot
   * hold records there.
   */
  ACKNOWLEDGE_ERROR_NOT_ASSIGNED: 'ACKNOWLEDGE_ERROR_NOT_ASSIGNED',
} as const;

/**
 * Why an acknowledgement range failed.
 */
export type AcknowledgeError =
  /**
   * No error: the acknowledgement was applied to every record in the range.
   */
  | 'ACKNOWLEDGE_ERROR_UNSPECIFIED'
  | 0
  /**
   * Some record in the range is not ACQUIRED by the calling member: it was never delivered to it, was already
   * acknowledged, its lock expired, or another member holds it now. Nothing in the range was changed.
   */
  | 'ACKNOWLEDGE_ERROR_INVALID_RECORD_STATE'
  | 1
  /**
   * The range carried a lease_token and some record in it is held under a different token (it was delivered
   * again since). Nothing in the range was changed.
   */
  | 'ACKNOWLEDGE_ERROR_STALE_LEASE_TOKEN'
  | 2
  /**
   * The acknowledgement itself is malformed: empty topic, negative offsets, last_offset < first_offset,
   * ACKNOWLEDGE_TYPE_UNSPECIFIED, or release_delay_ms out of range or set with a type other than RELEASE.
   */
  | 'ACKNOWLEDGE_ERROR_INVALID_ARGUMENT'
  | 3
  /**
   * The topic does not exist, or has no such partition.
   */
  | 'ACKNOWLEDGE_ERROR_UNKNOWN_TOPIC_OR_PARTITION'
  | 4
  /**
   * The group does not read this topic-partition (it has no share-partition state for it), so the caller cannot
   * hold records there.
   */
  | 'ACKNOWLEDGE_ERROR_NOT_ASSIGNED'
  | 5

/**
 * Why an acknowledgement range failed.
 */
export type AcknowledgeError__Output = typeof AcknowledgeError[keyof typeof AcknowledgeError]
