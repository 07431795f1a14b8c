/**
 * Acquisition for one member's fetch: within max_in_flight_records_per_member, across its assigned
 * share-partitions in turn, reading each acquired batch's records from the log (ShareRecordReader).
 */
import type { AcquiredBatch } from '../ack-tracker/index.js';
import { ErrorCode, SharelogError } from '../errors.js';
import { limitExceeded } from '../limits.js';
import type { SharelogMetrics } from '../metrics/types.js';
import {
  LOG_END_FROM_LOG,
  type AcquireArgs,
  type LogStore,
  type ShareStateStore,
  type StagedAcquisition,
  type TopicPartition,
} from '../storage/types.js';
import type { ShareDelivery } from './share-coordinator.js';
import type { ShareGroup, ShareMember } from './share-group.js';
import type { ShareRecordReader } from './share-record-reader.js';

export class Acquirer {
  /** Records being acquired right now per `group\0member`, so concurrent fetches of one member share the limit. */
  private readonly reserved = new Map<string, number>();

  constructor(
    private readonly logStore: LogStore,
    private readonly stateStore: ShareStateStore,
    private readonly reader: ShareRecordReader,
    private readonly metrics: SharelogMetrics,
    private readonly maxInFlightPerMember: number,
  ) {}

  /**
   * Limit max_in_flight_records_per_member: a member gets at most what keeps its ACQUIRED records (across the
   * group) within the limit; a member already at the limit is refused with LIMIT_EXCEEDED until it acknowledges
   * (or its locks expire) -- a clear answer instead of a long-poll that silently returns nothing.
   * A Subscribe stream's member fetches only through this server, so an upper bound of what it holds (the count
   * last read, plus what was acquired for it here since; acknowledgements and expiries only lower the truth) is
   * enough while it leaves room: the count is read again only near the limit, which saves the redis backend a
   * round trip on most fetches. A member whose id is also used for unary fetches through other servers can
   * exceed the limit by what those acquire.
   */
  async acquire(group: ShareGroup, member: ShareMember, maxRecords: number): Promise<ShareDelivery[]> {
    const key = `${group.groupId}\0${member.memberId}`;
    const reserved = this.reserved.get(key) ?? 0;
    let held: number;
    if (member.streaming && member.heldAtMost !== undefined && member.heldAtMost + reserved + maxRecords <= this.maxInFlightPerMember) {
      held = member.heldAtMost + reserved;
    } else {
      const counted = await this.stateStore.acquiredBy(group.groupId, member.memberId);
      if (member.streaming) member.heldAtMost = counted;
      held = counted + reserved;
    }
    const room = this.maxInFlightPerMember - held;
    if (room <= 0) {
      throw limitExceeded(
        'max_in_flight_records_per_member',
        this.maxInFlightPerMember,
        `member "${member.memberId}" of share group "${group.groupId}" holds ${held} acquired records; acknowledge some before fetching more`,
        true,
      );
    }
    const want = Math.min(maxRecords, room);
    this.reserved.set(key, (this.reserved.get(key) ?? 0) + want);
    try {
      return await this.acquireFor(group, member, want);
    } finally {
      const left = (this.reserved.get(key) ?? want) - want;
      if (left > 0) this.reserved.set(key, left);
      else this.reserved.delete(key);
    }
  }

  /**
   * Records are read from the log while their acquisitions become durable (StagedAcquisition), and the fetch
   * answers only once every acquisition it made is: the read overlaps the journal's fsync, and the next
   * share-partition is acquired without waiting for the previous one's fsync.
   */
  private async acquireFor(group: ShareGroup, member: ShareMember, maxRecords: number): Promise<ShareDelivery[]> {
    const partitions = assignedPartitions(member);
    const out: ShareDelivery[] = [];
    if (partitions.length === 0) return out;
    const durable: Promise<void>[] = [];
    try {
      const start = member.rotation++ % partitions.length;
      for (let i = 0; i < partitions.length && out.length < maxRecords; i++) {
        const tp = partitions[(start + i) % partitions.length];
        const acquisition = await this.acquireFrom(group, member, tp, maxRecords - out.length);
        durable.push(acquisition.durable);
        const { batches } = acquisition;
        if (!group.members.has(member.memberId)) {
          // The member left while this acquire ran: nobody will take these records, so give them back now instead
          // of leaving them locked until their deadline.
          if (batches.length > 0) await this.stateStore.releaseMember(group.groupId, tp, member.memberId);
          group.wake.notify();
          return out;
        }
        const acquired = countAcquired(this.metrics, group.groupId, batches);
        if (member.heldAtMost !== undefined) member.heldAtMost += acquired;
        for (const batch of batches) out.push(...(await this.reader.readBatch(tp, batch)));
      }
    } finally {
      // Also when reading failed: an acquisition is not left running unobserved.
      await Promise.all(durable);
    }
    return out;
  }

  /** Acquires up to maxRecords of one share-partition; none when the partition or its share state is gone. */
  private async acquireFrom(group: ShareGroup, member: ShareMember, tp: TopicPartition, maxRecords: number): Promise<StagedAcquisition> {
    const none = { batches: [], durable: DURABLE };
    if (this.stateStore.readsLogBounds && !group.config.perKeyOrdering) {
      // The store reads the log's bounds (and applies retention to the share-partition) in the acquisition itself.
      if (!(await this.stateStore.hasPartition(group.groupId, tp))) return none;
      return this.staged(group.groupId, tp, member.memberId, maxRecords, LOG_END_FROM_LOG);
    }
    let offsets;
    try {
      offsets = await this.logStore.offsets(tp.topic, tp.partition);
    } catch (err) {
      if (err instanceof SharelogError && (err.code === ErrorCode.TOPIC_NOT_FOUND || err.code === ErrorCode.PARTITION_NOT_FOUND)) return none;
      throw err;
    }
    if (!(await this.stateStore.hasPartition(group.groupId, tp))) return none;
    if (!this.stateStore.hasAcquirable(group.groupId, tp, offsets.highWatermark)) return none;
    await this.stateStore.advanceStart(group.groupId, tp, offsets.logStartOffset);
    let logEnd = offsets.highWatermark;
    let keyOf: ((offset: number) => string | null) | undefined;
    if (group.config.perKeyOrdering) ({ logEnd, keyOf } = await this.reader.keysAhead(group.groupId, tp, logEnd));
    return this.staged(group.groupId, tp, member.memberId, maxRecords, logEnd, keyOf);
  }

  private async staged(...args: AcquireArgs): Promise<StagedAcquisition> {
    if (this.stateStore.acquireStaged) return this.stateStore.acquireStaged(...args);
    return { batches: await this.stateStore.acquire(...args), durable: DURABLE };
  }
}

const DURABLE = Promise.resolve();

/** Counts the acquisitions in the metrics; returns how many records the batches hold. */
function countAcquired(metrics: SharelogMetrics, groupId: string, batches: readonly AcquiredBatch[]): number {
  let records = 0;
  let redelivered = 0;
  for (const b of batches) {
    const n = b.lastOffset - b.firstOffset + 1;
    records += n;
    if (b.deliveryCount > 1) redelivered += n;
  }
  if (records > 0) metrics.shareRecordsAcquired(groupId, records, redelivered);
  return records;
}

export function assignedPartitions(member: ShareMember): TopicPartition[] {
  const out: TopicPartition[] = [];
  for (const [topic, partitions] of member.assignment) for (const partition of partitions) out.push({ topic, partition });
  return out;
}
