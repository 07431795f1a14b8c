// Original file: sharelog/v1/admin.proto

import type { OffsetReset as _sharelog_v1_OffsetReset, OffsetReset__Output as _sharelog_v1_OffsetReset__Output } from '../../sharelog/v1/OffsetReset';

/**
 * Configuration of a share group, as in effect. Every value here is set (defaults substituted).
 */
export interface ShareGroupConfig {
  /**
   * How long a member holds an acquired record before the lock expires, in ms. Default 30000 (30 s); range
   * 1000..3600000 (1 s to 1 h).
   */
  'recordLockDurationMs'?: (number);
  /**
   * Maximum number of deliveries of a record; after the last one, a release, lock expiry or member leaving
   * archives it (and dead-letters it). Default 5; range 2..10.
   */
  'deliveryCountLimit'?: (number);
  /**
   * Maximum number of ACQUIRED records per share-partition; when reached, fetches acquire nothing more from it
   * until some are acknowledged or released. Delayed records do not count. Default 2000; range 1..10000.
   */
  'maxInFlightRecords'?: (number);
  /**
   * Where the group starts in a partition it has no state for yet. Default OFFSET_RESET_LATEST. Affects only
   * partitions the group has not read yet.
   */
  'autoOffsetReset'?: (_sharelog_v1_OffsetReset);
  /**
   * Topic that receives records archived by REJECT or by the delivery limit, with headers naming the origin
   * topic, partition, offset, group, delivery count, reason and the last failure message. Empty (the default)
   * means no dead-lettering.
   */
  'deadLetterTopic'?: (string);
  /**
   * When true, at most one record per key is ACQUIRED at a time in each partition, and a key's records are
   * delivered in offset order: a record is not acquired while another record with the same key is ACQUIRED, or
   * while a lower-offset record with the same key waits for a delayed redelivery. A key that is held back delays
   * only its own records, never other keys. Keyless records are not affected. Default false.
   */
  'perKeyOrdering'?: (boolean);
  /**
   * Backoff before a record is redelivered after a RELEASE without release_delay_ms, a lock expiry or its holder
   * leaving, in ms: the record becomes available after min(backoff_max_ms, backoff_initial_ms * 2^(n-1)), n being
   * its delivery count. 0 (the default) disables backoff. Range 0..3600000.
   */
  'backoffInitialMs'?: (number);
  /**
   * Upper bound of the backoff delay, in ms. Default 60000; range 0..3600000, and not below backoff_initial_ms.
   */
  'backoffMaxMs'?: (number);
  /**
   * A member that sends no heartbeat for this long is removed and its records are released, in ms (members may
   * override it on join). Default 45000 (45 s); range 1000..3600000; above heartbeat_interval_ms.
   */
  'sessionTimeoutMs'?: (number);
  /**
   * How often members should heartbeat, in ms. Default 5000 (5 s); range 100..3600000; below session_timeout_ms.
   */
  'heartbeatIntervalMs'?: (number);
  /**
   * Maximum number of members in the group; further joins fail with RESOURCE_EXHAUSTED (LIMIT_EXCEEDED). Default
   * 200; range 1..1000.
   */
  'maxMembers'?: (number);
}

/**
 * Configuration of a share group, as in effect. Every value here is set (defaults substituted).
 */
export interface ShareGroupConfig__Output {
  /**
   * How long a member holds an acquired record before the lock expires, in ms. Default 30000 (30 s); range
   * 1000..3600000 (1 s to 1 h).
   */
  'recordLockDurationMs': (number);
  /**
   * Maximum number of deliveries of a record; after the last one, a release, lock expiry or member leaving
   * archives it (and dead-letters it). Default 5; range 2..10.
   */
  'deliveryCountLimit': (number);
  /**
   * Maximum number of ACQUIRED records per share-partition; when reached, fetches acquire nothing more from it
   * until some are acknowledged or released. Delayed records do not count. Default 2000; range 1..10000.
   */
  'maxInFlightRecords': (number);
  /**
   * Where the group starts in a partition it has no state for yet. Default OFFSET_RESET_LATEST. Affects only
   * partitions the group has not read yet.
   */
  'autoOffsetReset': (_sharelog_v1_OffsetReset__Output);
  /**
   * Topic that receives records archived by REJECT or by the delivery limit, with headers naming the origin
   * topic, partition, offset, group, delivery count, reason and the last failure message. Empty (the default)
   * means no dead-lettering.
   */
  'deadLetterTopic': (string);
  /**
   * When true, at most one record per key is ACQUIRED at a time in each partition, and a key's records are
   * delivered in offset order: a record is not acquired while another record with the same key is ACQUIRED, or
   * while a lower-offset record with the same key waits for a delayed redelivery. A key that is held back delays
   * only its own records, never other keys. Keyless records are not affected. Default false.
   */
  'perKeyOrdering': (boolean);
  /**
   * Backoff before a record is redelivered after a RELEASE without release_delay_ms, a lock expiry or its holder
   * leaving, in ms: the record becomes available after min(backoff_max_ms, backoff_initial_ms * 2^(n-1)), n being
   * its delivery count. 0 (the default) disables backoff. Range 0..3600000.
   */
  'backoffInitialMs': (number);
  /**
   * Upper bound of the backoff delay, in ms. Default 60000; range 0..3600000, and not below backoff_initial_ms.
   */
  'backoffMaxMs': (number);
  /**
   * A member that sends no heartbeat for this long is removed and its records are released, in ms (members may
   * override it on join). Default 45000 (45 s); range 1000..3600000; above heartbeat_interval_ms.
   */
  'sessionTimeoutMs': (number);
  /**
   * How often members should heartbeat, in ms. Default 5000 (5 s); range 100..3600000; below session_timeout_ms.
   */
  'heartbeatIntervalMs': (number);
  /**
   * Maximum number of members in the group; further joins fail with RESOURCE_EXHAUSTED (LIMIT_EXCEEDED). Default
   * 200; range 1..1000.
   */
  'maxMembers': (number);
}
