// Original file: sharelog/v1/admin.proto

/**
 * When a share group starts reading a partition it has no state for yet.
 */
export const OffsetReset = {
  /**
   * Not set. Refused with INVALID_ARGUMENT in UpdateShareGroupConfig; never sent by the server.
   */
  OFFSET_RESET_UNSPECIFIED: 'OFFSET_RESET_UNSPECIFIED',
  /**
   * Start at the oldest stored record (the log start offset).
   */
  OFFSET_RESET_EARLIEST: 'OFFSET_RESET_EARLIEST',
  /**
   * Start at the end: only records appended after the group starts reading the partition are delivered.
   */
  OFFSET_RESET_LATEST: 'OFFSET_RESET_LATEST',
} as const;

/**
 * When a share group starts reading a partition it has no state for yet.
 */
export type OffsetReset =
  /**
   * Not set. Refused with INVALID_ARGUMENT in UpdateShareGroupConfig; never sent by the server.
   */
  | 'OFFSET_RESET_UNSPECIFIED'
  | 0
  /**
   * Start at the oldest stored record (the log start offset).
   */
  | 'OFFSET_RESET_EARLIEST'
  | 1
  /**
   * Start at the end: only records appended after the group starts reading the partition are delivered.
   */
  | 'OFFSET_RESET_LATEST'
  | 2

/**
 * When a share group starts reading a partition it has no state for yet.
 */
export type OffsetReset__Output = typeof OffsetReset[keyof typeof OffsetReset]
