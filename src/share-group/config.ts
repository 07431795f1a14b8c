/**
 * Per-group configuration of a share group: Kafka's defaults and bounds (KIP-932) plus Sharelog's additions.
 * Changeable at runtime with UpdateShareGroupConfig; a change applies to the next acquisition at once.
 */
import { invalidArgument } from '../errors.js';
import type { SharePartitionConfig } from '../ack-tracker/index.js';

export type OffsetResetPolicy = 'earliest' | 'latest';

export interface ShareGroupConfig {
  recordLockDurationMs: number;
  deliveryCountLimit: number;
  maxInFlightRecords: number;
  autoOffsetReset: OffsetResetPolicy;
  /** Archived records are copied to this topic; '' turns dead-lettering off. */
  deadLetterTopic: string;
  perKeyOrdering: boolean;
  backoffInitialMs: number;
  backoffMaxMs: number;
  sessionTimeoutMs: number;
  heartbeatIntervalMs: number;
  maxMembers: number;
}

export const DEFAULT_SHARE_GROUP_CONFIG: Readonly<ShareGroupConfig> = Object.freeze({
  recordLockDurationMs: 30_000,
  deliveryCountLimit: 5,
  maxInFlightRecords: 2000,
  autoOffsetReset: 'latest',
  deadLetterTopic: '',
  perKeyOrdering: false,
  backoffInitialMs: 0,
  backoffMaxMs: 60_000,
  sessionTimeoutMs: 45_000,
  heartbeatIntervalMs: 5_000,
  maxMembers: 200,
});

type NumericKey = { [K in keyof ShareGroupConfig]: ShareGroupConfig[K] extends number ? K : never }[keyof ShareGroupConfig];

/** Bounds of the numeric settings, named in the INVALID_ARGUMENT a bad value gets. */
export const SHARE_GROUP_BOUNDS: Record<NumericKey, { field: string; min: number; max: number }> = {
  recordLockDurationMs: { field: 'record_lock_duration_ms', min: 1_000, max: 3_600_000 },
  deliveryCountLimit: { field: 'delivery_count_limit', min: 2, max: 10 },
  maxInFlightRecords: { field: 'max_in_flight_records', min: 1, max: 10_000 },
  backoffInitialMs: { field: 'backoff_initial_ms', min: 0, max: 3_600_000 },
  backoffMaxMs: { field: 'backoff_max_ms', min: 0, max: 3_600_000 },
  sessionTimeoutMs: { field: 'session_timeout_ms', min: 1_000, max: 3_600_000 },
  heartbeatIntervalMs: { field: 'heartbeat_interval_ms', min: 100, max: 3_600_000 },
  maxMembers: { field: 'max_members', min: 1, max: 1_000 },
};

/** Merges a change into a config, checking every bound; throws INVALID_ARGUMENT naming the field and bounds. */
export function mergeShareGroupConfig(base: ShareGroupConfig, change: Partial<ShareGroupConfig>): ShareGroupConfig {
  const merged: ShareGroupConfig = { ...base };
  for (const [key, value] of Object.entries(change) as [keyof ShareGroupConfig, unknown][]) {
    if (value === undefined) continue;
    (merged as unknown as Record<string, unknown>)[key] = value;
  }
  for (const [key, bound] of Object.entries(SHARE_GROUP_BOUNDS) as [NumericKey, { field: string; min: number; max: number }][]) {
    const v = merged[key];
    if (!Number.isInteger(v) || v < bound.min || v > bound.max) {
      throw invalidArgument(`${bound.field} must be between ${bound.min} and ${bound.max}, got ${v}`);
    }
  }
  if (merged.heartbeatIntervalMs >= merged.sessionTimeoutMs) {
    throw invalidArgument(
      `heartbeat_interval_ms (${merged.heartbeatIntervalMs}) must be below session_timeout_ms (${merged.sessionTimeoutMs})`,
    );
  }
  if (merged.backoffMaxMs < merged.backoffInitialMs) {
    throw invalidArgument(`backoff_max_ms (${merged.backoffMaxMs}) must be at least backoff_initial_ms (${merged.backoffInitialMs})`);
  }
  if (merged.autoOffsetReset !== 'earliest' && merged.autoOffsetReset !== 'latest') {
    throw invalidArgument(`auto_offset_reset must be earliest or latest, got ${merged.autoOffsetReset}`);
  }
  return merged;
}

/** The part of the group config that each share-partition's state machine reads. */
export function partitionConfigOf(config: ShareGroupConfig): Partial<SharePartitionConfig> {
  return {
    lockDurationMs: config.recordLockDurationMs,
    deliveryCountLimit: config.deliveryCountLimit,
    maxInFlightRecords: config.maxInFlightRecords,
    perKeyOrdering: config.perKeyOrdering,
    backoffInitialMs: config.backoffInitialMs,
    backoffMaxMs: config.backoffMaxMs,
  };
}
