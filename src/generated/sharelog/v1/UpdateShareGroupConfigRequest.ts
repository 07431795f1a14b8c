// Original file: sharelog/v1/admin.proto

import type { OffsetReset as _sharelog_v1_OffsetReset, OffsetReset__Output as _sharelog_v1_OffsetReset__Output } from '../../sharelog/v1/OffsetReset';

/**
 * Request of AdminService.UpdateShareGroupConfig. Unset fields are left as they are; bounds and defaults are
 * documented on ShareGroupConfig.
 */
export interface UpdateShareGroupConfigRequest {
  /**
   * Share group id. Required.
   */
  'groupId'?: (string);
  /**
   * New lock duration in ms, 1000..3600000.
   */
  'recordLockDurationMs'?: (number);
  /**
   * New delivery count limit, 2..10.
   */
  'deliveryCountLimit'?: (number);
  /**
   * New cap on ACQUIRED records per share-partition, 1..10000.
   */
  'maxInFlightRecords'?: (number);
  /**
   * New start position for partitions the group has not read yet; OFFSET_RESET_UNSPECIFIED is refused.
   */
  'autoOffsetReset'?: (_sharelog_v1_OffsetReset);
  /**
   * New dead-letter topic (must exist); empty string disables dead-lettering.
   */
  'deadLetterTopic'?: (string);
  /**
   * Turn per-key ordering on or off.
   */
  'perKeyOrdering'?: (boolean);
  /**
   * New initial backoff in ms, 0..3600000 (0 disables backoff).
   */
  'backoffInitialMs'?: (number);
  /**
   * New maximum backoff in ms, 0..3600000, not below the initial backoff.
   */
  'backoffMaxMs'?: (number);
  /**
   * New default session timeout in ms, 1000..3600000, above the heartbeat interval.
   */
  'sessionTimeoutMs'?: (number);
  /**
   * New heartbeat interval in ms, 100..3600000, below the session timeout.
   */
  'heartbeatIntervalMs'?: (number);
  /**
   * New maximum member count, 1..1000. Lowering it below the current count removes no member; it only refuses
   * new joins.
   */
  'maxMembers'?: (number);
  '_recordLockDurationMs'?: "recordLockDurationMs";
  '_deliveryCountLimit'?: "deliveryCountLimit";
  '_maxInFlightRecords'?: "maxInFlightRecords";
  '_autoOffsetReset'?: "autoOffsetReset";
  '_deadLetterTopic'?: "deadLetterTopic";
  '_perKeyOrdering'?: "perKeyOrdering";
  '_backoffInitialMs'?: "backoffInitialMs";
  '_backoffMaxMs'?: "backoffMaxMs";
  '_sessionTimeoutMs'?: "sessionTimeoutMs";
  '_heartbeatIntervalMs'?: "heartbeatIntervalMs";
  '_maxMembers'?: "maxMembers";
}

/**
 * Request of AdminService.UpdateShareGroupConfig. Unset fields are left as they are; bounds and defaults are
 * documented on ShareGroupConfig.
 */
export interface UpdateShareGroupConfigRequest__Output {
  /**
   * Share group id. Required.
   */
  'groupId': (string);
  /**
   * New lock duration in ms, 1000..3600000.
   */
  'recordLockDurationMs'?: (number);
  /**
   * New delivery count limit, 2..10.
   */
  'deliveryCountLimit'?: (number);
  /**
   * New cap on ACQUIRED records per share-partition, 1..10000.
   */
  'maxInFlightRecords'?: (number);
  /**
   * New start position for partitions the group has not read yet; OFFSET_RESET_UNSPECIFIED is refused.
   */
  'autoOffsetReset'?: (_sharelog_v1_OffsetReset__Output);
  /**
   * New dead-letter topic (must exist); empty string disables dead-lettering.
   */
  'deadLetterTopic'?: (string);
  /**
   * Turn per-key ordering on or off.
   */
  'perKeyOrdering'?: (boolean);
  /**
   * New initial backoff in ms, 0..3600000 (0 disables backoff).
   */
  'backoffInitialMs'?: (number);
  /**
   * New maximum backoff in ms, 0..3600000, not below the initial backoff.
   */
  'backoffMaxMs'?: (number);
  /**
   * New default session timeout in ms, 1000..3600000, above the heartbeat interval.
   */
  'sessionTimeoutMs'?: (number);
  /**
   * New heartbeat interval in ms, 100..3600000, below the session timeout.
   */
  'heartbeatIntervalMs'?: (number);
  /**
   * New maximum member count, 1..1000. Lowering it below the current count removes no member; it only refuses
   * new joins.
   */
  'maxMembers'?: (number);
  '_recordLockDurationMs'?: "recordLockDurationMs";
  '_deliveryCountLimit'?: "deliveryCountLimit";
  '_maxInFlightRecords'?: "maxInFlightRecords";
  '_autoOffsetReset'?: "autoOffsetReset";
  '_deadLetterTopic'?: "deadLetterTopic";
  '_perKeyOrdering'?: "perKeyOrdering";
  '_backoffInitialMs'?: "backoffInitialMs";
  '_backoffMaxMs'?: "backoffMaxMs";
  '_sessionTimeoutMs'?: "sessionTimeoutMs";
  '_heartbeatIntervalMs'?: "heartbeatIntervalMs";
  '_maxMembers'?: "maxMembers";
}
