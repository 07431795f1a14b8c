// Original file: sharelog/v1/admin.proto

/**
 * State of a record in a share-partition.
 */
export const RecordState = {
  /**
   * Not set. Never sent by the server.
   */
  RECORD_STATE_UNSPECIFIED: 'RECORD_STATE_UNSPECIFIED',
  /**
   * Can be delivered (now, or at available_at_ms when delayed).
   */
  RECORD_STATE_AVAILABLE: 'RECORD_STATE_AVAILABLE',
  /**
   * Held by one member until its lock expires.
   */
  RECORD_STATE_ACQUIRED: 'RECORD_STATE_ACQUIRED',
  /**
   * Processed (accepted); never delivered again.
   */
  RECORD_STATE_ACKNOWLEDGED: 'RECORD_STATE_ACKNOWLEDGED',
  /**
   * Given up (rejected, or the delivery limit was reached); never delivered again.
   */
  RECORD_STATE_ARCHIVED: 'RECORD_STATE_ARCHIVED',
} as const;

/**
 * State of a record in a share-partition.
 */
export type RecordState =
  /**
   * Not set. Never sent by the server.
   */
  | 'RECORD_STATE_UNSPECIFIED'
  | 0
  /**
   * Can be delivered (now, or at available_at_ms when delayed).
   */
  | 'RECORD_STATE_AVAILABLE'
  | 1
  /**
   * Held by one member until its lock expires.
   */
  | 'RECORD_STATE_ACQUIRED'
  | 2
  /**
   * Processed (accepted); never delivered again.
   */
  | 'RECORD_STATE_ACKNOWLEDGED'
  | 3
  /**
   * Given up (rejected, or the delivery limit was reached); never delivered again.
   */
  | 'RECORD_STATE_ARCHIVED'
  | 4

/**
 * State of a record in a share-partition.
 */
export type RecordState__Output = typeof RecordState[keyof typeof RecordState]
