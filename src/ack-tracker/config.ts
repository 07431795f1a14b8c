import { invalidArgument } from '../errors.js';

export interface SharePartitionConfig {
  /** How long an acquisition (or a RENEW) holds a record. */
  lockDurationMs: number;
  /** A record is delivered at most this many times; then it is archived. */
  deliveryCountLimit: number;
  /** Cap on ACQUIRED records (delayed and other AVAILABLE records do not count). */
  maxInFlightRecords: number;
  /** At most one unfinished record per key goes out at a time. */
  perKeyOrdering: boolean;
  /** First redelivery delay after a RELEASE without delay or a lock expiry; 0 = no backoff. */
  backoffInitialMs: number;
  backoffMaxMs: number;
  /** Recent attempts kept per record for inspection. */
  maxAttemptsKept: number;
}

export const DEFAULT_SHARE_PARTITION_CONFIG: Readonly<SharePartitionConfig> = Object.freeze({
  lockDurationMs: 30_000,
  deliveryCountLimit: 5,
  maxInFlightRecords: 2000,
  perKeyOrdering: false,
  backoffInitialMs: 0,
  backoffMaxMs: 60_000,
  maxAttemptsKept: 5,
});

/** Fills defaults. Read at every operation, so changes to the caller's object apply at once. */
export function resolveConfig(config: Partial<SharePartitionConfig>): SharePartitionConfig {
  return {
    lockDurationMs: config.lockDurationMs ?? DEFAULT_SHARE_PARTITION_CONFIG.lockDurationMs,
    deliveryCountLimit: config.deliveryCountLimit ?? DEFAULT_SHARE_PARTITION_CONFIG.deliveryCountLimit,
    maxInFlightRecords: config.maxInFlightRecords ?? DEFAULT_SHARE_PARTITION_CONFIG.maxInFlightRecords,
    perKeyOrdering: config.perKeyOrdering ?? DEFAULT_SHARE_PARTITION_CONFIG.perKeyOrdering,
    backoffInitialMs: config.backoffInitialMs ?? DEFAULT_SHARE_PARTITION_CONFIG.backoffInitialMs,
    backoffMaxMs: config.backoffMaxMs ?? DEFAULT_SHARE_PARTITION_CONFIG.backoffMaxMs,
    maxAttemptsKept: config.maxAttemptsKept ?? DEFAULT_SHARE_PARTITION_CONFIG.maxAttemptsKept,
  };
}

/**
 * Sanity checks only (types, signs). The product bounds (lock 1 s..1 h, limit 2..10, ...) are the
 * coordinator's business, so it can name them in its INVALID_ARGUMENT.
 */
export function validateConfig(config: Partial<SharePartitionConfig>): void {
  const positive = ['lockDurationMs', 'deliveryCountLimit'] as const;
  const nonNegative = ['maxInFlightRecords', 'backoffInitialMs', 'backoffMaxMs', 'maxAttemptsKept'] as const;
  for (const name of positive) {
    const v = config[name];
    if (v !== undefined && !(Number.isSafeInteger(v) && v > 0)) {
      throw invalidArgument(`${name} must be a positive integer, got ${String(v)}`);
    }
  }
  for (const name of nonNegative) {
    const v = config[name];
    if (v !== undefined && !(Number.isSafeInteger(v) && v >= 0)) {
      throw invalidArgument(`${name} must be a non-negative integer, got ${String(v)}`);
    }
  }
  if (config.perKeyOrdering !== undefined && typeof config.perKeyOrdering !== 'boolean') {
    throw invalidArgument(`perKeyOrdering must be a boolean, got ${String(config.perKeyOrdering)}`);
  }
}

/** Redelivery delay after the given delivery: initial * 2^(count-1), capped; 0 when backoff is off. */
export function backoffDelay(config: SharePartitionConfig, deliveryCount: number): number {
  if (config.backoffInitialMs <= 0) return 0;
  const exp = Math.max(0, deliveryCount - 1);
  // Past 2^52 the product is above any sane cap anyway.
  return Math.min(config.backoffMaxMs, config.backoffInitialMs * 2 ** Math.min(exp, 52));
}
