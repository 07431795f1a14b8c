/**
 * The Prometheus implementation of SharelogMetrics, plus the RPC metrics the gRPC interceptor records. Every
 * metric lives in the server's own Registry (never prom-client's global one), so several servers can run in one
 * process. Node process metrics are shared by the process: see processRegistry().
 */
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { AckTypeLabel, ArchiveCauseLabel, JournalLabel, SharelogMetrics } from './types.js';

/**
 * Counters labelled by topic or group keep at most this many distinct values per label; later values are
 * counted under OTHER_LABEL_VALUE. Topics and groups are created by clients, so this bounds what a client can add.
 */
export const MAX_LABEL_VALUES = 10_000;
export const OTHER_LABEL_VALUE = '__other__';

/** RPCs range from sub-millisecond to long-polls and streams of minutes. */
const RPC_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];
/** fsync: tens of microseconds (tmpfs, NVMe with a write cache) to seconds (a struggling disk). */
const SYNC_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10];

/** Admits the first `max` distinct values of a label as they are; the rest become OTHER_LABEL_VALUE. */
export class BoundedLabel {
  private readonly seen = new Set<string>();

  constructor(private readonly max: number = MAX_LABEL_VALUES) {}

  of(value: string): string {
    if (this.seen.has(value)) return value;
    if (this.seen.size >= this.max) return OTHER_LABEL_VALUE;
    this.seen.add(value);
    return value;
  }
}

export class PrometheusMetrics implements SharelogMetrics {
  private readonly topics: BoundedLabel;
  private readonly groups: BoundedLabel;

  private readonly rpcDuration: Histogram<'service' | 'method' | 'code'>;
  private readonly rpcRequests: Counter<'service' | 'method' | 'code'>;
  private readonly producedRecords: Counter<'topic'>;
  private readonly producedBytes: Counter<'topic'>;
  private readonly fetchedRecords: Counter<'topic'>;
  private readonly fetchedBytes: Counter<'topic'>;
  private readonly fsyncDuration: Histogram;
  private readonly journalSyncDuration: Histogram<'journal'>;
  private readonly shareAcquired: Counter<'group'>;
  private readonly shareRedeliveries: Counter<'group'>;
  private readonly shareLockExpiries: Counter<'group'>;
  private readonly shareArchived: Counter<'group' | 'cause'>;
  private readonly shareDeadLettered: Counter<'group'>;
  private readonly shareAcknowledgements: Counter<'group' | 'type'>;

  constructor(
    readonly registry: Registry,
    maxLabelValues: number = MAX_LABEL_VALUES,
  ) {
    this.topics = new BoundedLabel(maxLabelValues);
    this.groups = new BoundedLabel(maxLabelValues);
    const registers = [registry];
    const counter = <L extends string>(name: string, help: string, labelNames: readonly L[]) =>
      new Counter<L>({ name, help, labelNames, registers });

    this.rpcDuration = new Histogram({
      name: 'sharelog_rpc_duration_seconds',
      help: 'Time from the start of a gRPC call to its status, by service, method and status code (streams: their lifetime).',
      labelNames: ['service', 'method', 'code'],
      buckets: RPC_BUCKETS,
      registers,
    });
    this.rpcRequests = counter('sharelog_rpc_requests_total', 'gRPC calls finished, by service, method and status code.', [
      'service',
      'method',
      'code',
    ]);
    this.producedRecords = counter('sharelog_produced_records_total', 'Records appended by Produce requests (retried duplicates not counted).', ['topic']);
    this.producedBytes = counter('sharelog_produced_bytes_total', 'Key, value and header bytes of the records appended by Produce requests.', ['topic']);
    this.fetchedRecords = counter('sharelog_fetched_records_total', 'Records returned by ConsumerService.Fetch.', ['topic']);
    this.fetchedBytes = counter('sharelog_fetched_bytes_total', 'Key, value and header bytes of the records returned by ConsumerService.Fetch.', ['topic']);
    this.fsyncDuration = new Histogram({
      name: 'sharelog_log_fsync_duration_seconds',
      help: 'Duration of one partition fsync (a group commit shared by the appends waiting for it).',
      buckets: SYNC_BUCKETS,
      registers,
    });
    this.journalSyncDuration = new Histogram({
      name: 'sharelog_journal_sync_duration_seconds',
      help: 'Duration of one write + fdatasync of a group journal, by journal (share_group, consumer_group).',
      labelNames: ['journal'],
      buckets: SYNC_BUCKETS,
      registers,
    });
    this.shareAcquired = counter('sharelog_share_acquired_records_total', 'Records acquired by share-group members (every delivery).', ['group']);
    this.shareRedeliveries = counter(
      'sharelog_share_redeliveries_total',
      'Records acquired again after an earlier delivery (delivery count above 1).',
      ['group'],
    );
    this.shareLockExpiries = counter(
      'sharelog_share_lock_expiries_total',
      'Acquired records whose lock ran out before an acknowledgement (released again, or archived at the delivery limit).',
      ['group'],
    );
    this.shareArchived = counter(
      'sharelog_share_archived_records_total',
      'Records archived without being accepted, by cause (rejected, delivery_limit).',
      ['group', 'cause'],
    );
    this.shareDeadLettered = counter('sharelog_share_dead_lettered_records_total', "Archived records copied to the group's dead-letter topic.", ['group']);
    this.shareAcknowledgements = counter(
      'sharelog_share_acknowledgements_total',
      'Records acknowledged successfully by share-group members, by type (accept, release, reject, renew).',
      ['group', 'type'],
    );
  }

  /** One finished gRPC call; `code` is the status name (OK, NOT_FOUND, ...). */
  rpcFinished(service: string, method: string, code: string, seconds: number): void {
    const labels = { service, method, code };
    this.rpcDuration.observe(labels, seconds);
    this.rpcRequests.inc(labels);
  }

  recordsProduced(topic: string, records: number, bytes: number): void {
    const labels = { topic: this.topics.of(topic) };
    this.producedRecords.inc(labels, records);
    this.producedBytes.inc(labels, bytes);
  }

  recordsFetched(topic: string, records: number, bytes: number): void {
    const labels = { topic: this.topics.of(topic) };
    this.fetchedRecords.inc(labels, records);
    this.fetchedBytes.inc(labels, bytes);
  }

  logFsynced(seconds: number): void {
    this.fsyncDuration.observe(seconds);
  }

  journalSynced(journal: JournalLabel, seconds: number): void {
    this.journalSyncDuration.observe({ journal }, seconds);
  }

  shareRecordsAcquired(group: string, records: number, redelivered: number): void {
    const labels = { group: this.groups.of(group) };
    this.shareAcquired.inc(labels, records);
    if (redelivered > 0) this.shareRedeliveries.inc(labels, redelivered);
  }

  shareLocksExpired(group: string, records: number): void {
    this.shareLockExpiries.inc({ group: this.groups.of(group) }, records);
  }

  shareRecordsArchived(group: string, cause: ArchiveCauseLabel, records: number): void {
    this.shareArchived.inc({ group: this.groups.of(group), cause }, records);
  }

  shareRecordsDeadLettered(group: string, records: number): void {
    this.shareDeadLettered.inc({ group: this.groups.of(group) }, records);
  }

  shareRecordsAcknowledged(group: string, type: AckTypeLabel, records: number): void {
    this.shareAcknowledgements.inc({ group: this.groups.of(group), type }, records);
  }
}

let processMetrics: Registry | undefined;

/**
 * Node process metrics (CPU, memory, event loop lag, GC, handles), registered once per process in a registry of
 * their own: they describe the process, not one server, and collecting them installs process-wide observers.
 */
export function processRegistry(): Registry {
  if (!processMetrics) {
    processMetrics = new Registry();
    collectDefaultMetrics({ register: processMetrics });
  }
  return processMetrics;
}
