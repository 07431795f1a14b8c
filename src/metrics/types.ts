/**
 * The instrumentation seam. Domain code (logs, stores, coordinators) gets an optional `SharelogMetrics` and calls
 * these methods; it never imports prom-client. `NO_METRICS` is the default: every call is a no-op, so a server
 * with metrics off (and every unit test) pays nothing. The Prometheus implementation is src/metrics/recorder.ts.
 *
 * Counts are records unless a name says otherwise; durations are seconds.
 */

/** An acknowledgement type, as a label value. */
export type AckTypeLabel = 'accept' | 'release' | 'reject' | 'renew';

/** Why a share-partition archived records. */
export type ArchiveCauseLabel = 'rejected' | 'delivery_limit';

/** Which journal synced. */
export type JournalLabel = 'share_group' | 'consumer_group';

export interface SharelogMetrics {
  /** A Produce request appended `records` new records (`bytes` of keys, values and headers) to the topic. */
  recordsProduced(topic: string, records: number, bytes: number): void;
  /** A consumer Fetch returned `records` records (`bytes` of keys, values and headers) of the topic. */
  recordsFetched(topic: string, records: number, bytes: number): void;
  /** One group-commit fsync of a partition's active segment took this long. */
  logFsynced(seconds: number): void;
  /** One write + fdatasync of a group journal took this long. */
  journalSynced(journal: JournalLabel, seconds: number): void;
  /** A share-group member acquired `records` records, `redelivered` of them with a delivery count above 1. */
  shareRecordsAcquired(group: string, records: number, redelivered: number): void;
  /** Locks of `records` acquired records ran out (released again, or archived at the delivery limit). */
  shareLocksExpired(group: string, records: number): void;
  /** `records` records were archived (finished without being accepted). */
  shareRecordsArchived(group: string, cause: ArchiveCauseLabel, records: number): void;
  /** `records` archived records were copied to the group's dead-letter topic. */
  shareRecordsDeadLettered(group: string, records: number): void;
  /** A member's acknowledgement of `records` records succeeded. */
  shareRecordsAcknowledged(group: string, type: AckTypeLabel, records: number): void;
}

const noop = () => undefined;

export const NO_METRICS: SharelogMetrics = Object.freeze({
  recordsProduced: noop,
  recordsFetched: noop,
  logFsynced: noop,
  journalSynced: noop,
  shareRecordsAcquired: noop,
  shareLocksExpired: noop,
  shareRecordsArchived: noop,
  shareRecordsDeadLettered: noop,
  shareRecordsAcknowledged: noop,
});

/** Seconds since `startedMs` (a `performance.now()` reading). */
export function secondsSince(startedMs: number): number {
  return (performance.now() - startedMs) / 1000;
}
