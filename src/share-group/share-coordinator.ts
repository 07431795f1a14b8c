/**
 * The share-group coordinator: membership and assignment of every share group on this server, and the
 * fetch/acknowledge orchestration across each member's share-partitions (ShareStateStore) and the logs
 * (LogStore). Long-polls wake on new records in an assigned partition, or on records given back in the group.
 * One timer drives lock expiry (at the store's next deadline) and session timeouts. Which group an id names is the
 * ShareGroupRegistry's concern; acquiring for a fetch, the Acquirer's; reading records from the log, the
 * ShareRecordReader's.
 */
import type { AckRange, AckResult, ArchivedRecord, PreviousFailure } from '../ack-tracker/index.js';
import type { Clock } from '../clock.js';
import { ErrorCode, SharelogError, invalidArgument } from '../errors.js';
import type { Logger } from '../logger.js';
import type { StoredRecord } from '../log/record.js';
import { LocalGroupSync } from '../storage/embedded/local-group-sync.js';
import type { GroupSync, LogStore, ShareStateStore, TopicPartition } from '../storage/types.js';
import { SHARE_GROUP_BOUNDS } from './config.js';
import { Acquirer, assignedPartitions } from './acquirer.js';
import { deadLetterHandler } from './dead-letter.js';
import { PartitionCounts } from './partition-counts.js';
import type { ShareGroup, ShareMember } from './share-group.js';
import { ShareGroupRegistry } from './share-group-registry.js';
import { ShareRecordReader } from './share-record-reader.js';
import { waitForAny } from './wake-signal.js';
import { NO_METRICS, type AckTypeLabel, type SharelogMetrics } from '../metrics/types.js';
import { DEFAULT_LIMITS, type Limits } from '../limits.js';

/** One acquired record as handed to a member. */
export interface ShareDelivery {
  topic: string;
  partition: number;
  record: StoredRecord;
  deliveryCount: number;
  lockExpiresAt: number;
  leaseToken: number;
  previousFailure?: PreviousFailure;
}

export interface ShareAck extends AckRange {
  topic: string;
  partition: number;
}

export type ShareAckResult = TopicPartition & {
  firstOffset: number;
  lastOffset: number;
  error: AckResult['error'] | 'UNKNOWN_TOPIC_OR_PARTITION' | 'NOT_ASSIGNED';
  message: string;
  lockExpiresAt?: number;
};

export interface HeartbeatResult {
  memberId: string;
  memberEpoch: number;
  assignment: Map<string, number[]>;
  heartbeatIntervalMs: number;
}

export interface ShareCoordinatorOptions {
  logStore: LogStore;
  stateStore: ShareStateStore;
  clock: Clock;
  logger: Logger;
  /** How often session timeouts and topic changes are checked. */
  sweepIntervalMs?: number;
  /** True when the id names a group of the other kind (a consumer group). */
  isOtherKind?: (groupId: string) => boolean;
  /** Instrumentation (acquisitions, acknowledgements, archives, dead letters); no-op by default. */
  metrics?: SharelogMetrics;
  /** Acquired records per member across the group (src/limits.ts); DEFAULT_LIMITS when absent. */
  limits?: Pick<Limits, 'maxInFlightRecordsPerMember'>;
  /** Where membership lives: this server's memory (default) or shared by several servers (the redis backend). */
  sync?: GroupSync;
}

export class ShareCoordinator {
  /** Which ShareGroup a group id names: lookup, creation, other servers' changes. */
  readonly registry: ShareGroupRegistry;
  private readonly reader: ShareRecordReader;
  private readonly logStore: LogStore;
  private readonly stateStore: ShareStateStore;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly sweepIntervalMs: number;
  private readonly metrics: SharelogMetrics;
  private readonly acquirer: Acquirer;
  private readonly sync: GroupSync;
  private readonly partitionCounts: PartitionCounts;

  constructor(options: ShareCoordinatorOptions) {
    this.logStore = options.logStore;
    this.stateStore = options.stateStore;
    this.clock = options.clock;
    this.logger = options.logger;
    this.sweepIntervalMs = options.sweepIntervalMs ?? 1000;
    this.metrics = options.metrics ?? NO_METRICS;
    this.sync = options.sync ?? new LocalGroupSync();
    this.partitionCounts = new PartitionCounts(this.logStore);
    // Other servers (redis backend): records they gave back wake this server's long-polls; the registry picks up
    // their membership and config changes.
    this.stateStore.onRecordsAvailable((groupId) => this.registry.groups.get(groupId)?.wake.notify());
    this.registry = new ShareGroupRegistry({
      stateStore: this.stateStore,
      logger: this.logger,
      sync: this.sync,
      isOtherKind: options.isOtherKind ?? (() => false),
    });
    this.reader = new ShareRecordReader(this.logStore, this.stateStore);
    const maxInFlightPerMember = (options.limits ?? DEFAULT_LIMITS).maxInFlightRecordsPerMember;
    this.acquirer = new Acquirer(this.logStore, this.stateStore, this.reader, this.metrics, maxInFlightPerMember);
    const deadLetter = deadLetterHandler(this.logStore, this.logger, this.metrics);
    this.stateStore.setArchivedHandler(async (groupId, config, tp, archived) => {
      countArchived(this.metrics, groupId, archived);
      await deadLetter(groupId, config, tp, archived);
    });
  }

  /** Loads the groups the store knows (without members: members rejoin) and starts the timer. */
  async start(): Promise<void> {
    await this.registry.load();
    this.arm();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    for (const group of this.registry.groups.values()) group.wake.notify();
  }

  // -------------------------------------------------------------------------------------------- membership

  async heartbeat(
    groupId: string,
    memberId: string,
    memberEpoch: number,
    topics: string[],
    options: {
      streaming?: boolean;
      sessionTimeoutMs?: number;
      clientHost?: string;
      onAssignment?: (assignment: Map<string, number[]>, epoch: number) => void;
    } = {},
  ): Promise<HeartbeatResult> {
    if (!groupId) throw invalidArgument('group_id is required');
    if (memberEpoch < -1) throw invalidArgument(`member_epoch must be -1 (leave), 0 (join) or a current epoch, got ${memberEpoch}`);
    if (memberEpoch !== 0 && !memberId) throw invalidArgument('member_id is required unless member_epoch is 0');
    const { min, max } = SHARE_GROUP_BOUNDS.sessionTimeoutMs;
    const sessionTimeoutMs = options.sessionTimeoutMs;
    if (sessionTimeoutMs !== undefined && (!Number.isInteger(sessionTimeoutMs) || sessionTimeoutMs < min || sessionTimeoutMs > max)) {
      throw invalidArgument(`session_timeout_ms must be between ${min} and ${max}, got ${sessionTimeoutMs}`);
    }
    if (memberEpoch === -1) {
      await this.leave(groupId, memberId);
      return { memberId, memberEpoch: -1, assignment: new Map(), heartbeatIntervalMs: 0 };
    }
    if (memberEpoch === 0 && topics.length === 0) throw invalidArgument('topics is required when joining (member_epoch 0)');
    if (memberEpoch !== 0 && !(await this.registry.findGroup(groupId))) {
      this.registry.checkKind(groupId);
      throw new SharelogError(ErrorCode.UNKNOWN_MEMBER, `member "${memberId}" is not in share group "${groupId}" (no such group); join again with member_epoch 0`);
    }
    const group = memberEpoch === 0 ? await this.registry.groupForJoin(groupId) : this.registry.group(groupId);
    return this.change(group, async () => {
      const now = this.clock.now();
      let member: ShareMember;
      if (memberEpoch === 0) {
        if (memberId && group.members.has(memberId)) await this.removeMember(group, memberId);
        member = group.join(memberId, topics, now, options.streaming ?? false);
        member.onAssignment = options.onAssignment;
        member.sessionTimeoutMs = sessionTimeoutMs;
        member.clientHost = options.clientHost ?? '';
        await this.reassign(group);
      } else {
        member = group.member(memberId, memberEpoch);
        member.lastSeen = now;
        if (sessionTimeoutMs !== undefined) member.sessionTimeoutMs = sessionTimeoutMs;
        const wanted = [...new Set(topics)].sort();
        if (wanted.length > 0 && wanted.join('\0') !== member.topics.join('\0')) {
          member.topics = wanted;
          await this.reassign(group);
        }
      }
      return {
        memberId: member.memberId,
        memberEpoch: member.epoch,
        assignment: member.assignment,
        heartbeatIntervalMs: group.heartbeatIntervalFor(member),
      };
    });
  }

  /** Removes a member at once; everything it holds becomes available (or archived at the delivery limit). */
  async leave(groupId: string, memberId: string): Promise<void> {
    if (!memberId) throw invalidArgument('member_id is required');
    const group = await this.registry.resolveGroup(groupId);
    await this.change(group, async () => {
      if (!group.members.has(memberId)) return;
      await this.removeMember(group, memberId);
      await this.reassign(group);
    });
  }

  private async removeMember(group: ShareGroup, memberId: string): Promise<void> {
    group.members.delete(memberId);
    for (const tp of await this.stateStore.partitions(group.groupId)) {
      await this.stateStore.releaseMember(group.groupId, tp, memberId);
    }
    group.wake.notify();
  }

  /** Recomputes the group's assignment and creates state for newly assigned share-partitions. */
  private async reassign(group: ShareGroup): Promise<void> {
    const counts = new Map<string, number>();
    for (const topic of group.subscribedTopics()) {
      try {
        counts.set(topic, (await this.logStore.getTopic(topic)).partitions);
      } catch (err) {
        if (!(err instanceof SharelogError && err.code === ErrorCode.TOPIC_NOT_FOUND)) throw err;
      }
    }
    for (const tp of group.reassign(counts)) {
      if (await this.stateStore.hasPartition(group.groupId, tp)) continue;
      const { logStartOffset, highWatermark } = await this.logStore.offsets(tp.topic, tp.partition);
      const start = group.config.autoOffsetReset === 'earliest' ? logStartOffset : highWatermark;
      await this.stateStore.ensurePartition(group.groupId, tp, start);
    }
    group.wake.notify();
  }

  // ---------------------------------------------------------------------------------------- fetch and ack

  /**
   * Acquires up to maxRecords records for the member across its assigned partitions, waiting up to maxWaitMs
   * for some to become available. Each returned record's delivery count is durable.
   */
  async fetch(groupId: string, memberId: string, maxRecords: number, maxWaitMs: number, signal?: AbortSignal): Promise<ShareDelivery[]> {
    const group = await this.registry.resolveGroup(groupId);
    const deadline = this.clock.now() + maxWaitMs;
    for (;;) {
      const member = await this.memberOf(group, memberId);
      member.lastSeen = this.clock.now();
      this.sync.touch(group, memberId, member.lastSeen);
      const deliveries = await this.acquirer.acquire(group, member, maxRecords);
      const remaining = deadline - this.clock.now();
      if (deliveries.length > 0 || remaining <= 0 || signal?.aborted || this.closed) return deliveries;
      const partitions = assignedPartitions(member);
      await waitForAny(
        group.wake,
        Math.min(remaining, this.sweepIntervalMs * 5),
        signal,
        partitions.map((tp) => (wake) => this.logStore.onData(tp.topic, tp.partition, wake)),
      );
    }
  }

  /** Applies acknowledgements; one result per acknowledgement, in order. Bad ranges never fail the others. */
  async acknowledge(groupId: string, memberId: string, acks: readonly ShareAck[]): Promise<ShareAckResult[]> {
    const group = await this.registry.resolveGroup(groupId);
    const member = await this.memberOf(group, memberId);
    member.lastSeen = this.clock.now();
    this.sync.touch(group, memberId, member.lastSeen);
    const results = new Array<ShareAckResult>(acks.length);
    const byPartition = new Map<string, { tp: TopicPartition; indexes: number[] }>();
    for (const [i, ack] of acks.entries()) {
      const base = { topic: ack.topic, partition: ack.partition, firstOffset: ack.firstOffset, lastOffset: ack.lastOffset };
      if (!(await this.partitionCounts.admits(ack.topic, ack.partition))) {
        results[i] = { ...base, error: 'UNKNOWN_TOPIC_OR_PARTITION', message: `no partition ${ack.partition} of topic "${ack.topic}"` };
        continue;
      }
      const key = `${ack.topic}/${ack.partition}`;
      let entry = byPartition.get(key);
      if (!entry) {
        if (!(await this.stateStore.hasPartition(groupId, ack))) {
          results[i] = { ...base, error: 'NOT_ASSIGNED', message: `share group "${groupId}" has no state for ${ack.topic} partition ${ack.partition}` };
          continue;
        }
        byPartition.set(key, (entry = { tp: { topic: ack.topic, partition: ack.partition }, indexes: [] }));
      }
      entry.indexes.push(i);
    }
    let gaveBack = false;
    await Promise.all(
      [...byPartition.values()].map(async ({ tp, indexes }) => {
        const ranges = indexes.map((i) => acks[i]);
        const out = await this.stateStore.acknowledge(groupId, tp, memberId, ranges);
        out.forEach((r, j) => {
          const ack = acks[indexes[j]];
          if (r.error === null && (ack.type === 'RELEASE' || ack.type === 'REJECT')) gaveBack = true;
          if (r.error === null) {
            this.metrics.shareRecordsAcknowledged(groupId, ack.type.toLowerCase() as AckTypeLabel, ack.lastOffset - ack.firstOffset + 1);
          }
          results[indexes[j]] = {
            topic: ack.topic,
            partition: ack.partition,
            firstOffset: ack.firstOffset,
            lastOffset: ack.lastOffset,
            error: r.error,
            message: r.message ?? '',
            lockExpiresAt: r.lockExpiresAt,
          };
        });
      }),
    );
    if (gaveBack) group.wake.notify();
    return results;
  }

  // -------------------------------------------------------------------------------------------- timers

  /** Expires due locks, times out silent members, picks up topic changes; then re-arms. Public for tests. */
  async tick(): Promise<void> {
    const now = this.clock.now();
    for (const group of this.registry.groups.values()) {
      try {
        if ((await this.stateStore.expire(group.groupId)) > 0) group.wake.notify();
        await this.change(group, async () => {
          // Shared membership: this server vouches for the members whose Subscribe streams it holds.
          if (this.sync.shared) {
            for (const m of group.members.values()) if (m.streaming) m.lastSeen = now;
            // Fetches and acknowledgements through any server keep a session alive, as heartbeats do.
            for (const [id, at] of await this.sync.lastActive(group, [...group.members.keys()])) {
              const m = group.members.get(id);
              if (m && at > m.lastSeen) m.lastSeen = at;
            }
          }
          const expired = group.expiredMembers(now);
          for (const member of expired) {
            this.logger.info({ groupId: group.groupId, memberId: member.memberId }, 'share group member session timed out');
            await this.removeMember(group, member.memberId);
          }
          if (group.members.size > 0) await this.reassign(group);
        });
      } catch (err) {
        // A group deleted while this tick ran is not a failure.
        if (err instanceof SharelogError && err.code === ErrorCode.GROUP_NOT_FOUND && !this.registry.groups.has(group.groupId)) continue;
        this.logger.error({ err, groupId: group.groupId }, 'share group timer work failed');
      }
    }
  }

  private arm(): void {
    if (this.closed) return;
    const now = this.clock.now();
    const next = this.stateStore.nextDeadline();
    const delay = Math.max(10, Math.min(this.sweepIntervalMs, next === undefined ? Infinity : next - now + 1));
    this.timer = setTimeout(() => {
      void this.tick().finally(() => this.arm());
    }, delay);
    this.timer.unref();
  }

  // ------------------------------------------------------------------------------------------------ groups

  /** Forgets a deleted group: its membership in the registry (and shared store) and its cached record keys. */
  async forgetGroup(group: ShareGroup): Promise<void> {
    this.reader.forgetGroup(group.groupId);
    await this.registry.forget(group);
  }

  /** Runs a membership change of the group: one at a time on this server, on the newest shared state. */
  change<T>(group: ShareGroup, task: () => Promise<T>): Promise<T> {
    return group.exclusive(() => this.sync.run(group, task));
  }

  /** The member, after one refresh of the shared membership when this server has not heard of it yet. */
  private async memberOf(group: ShareGroup, memberId: string): Promise<ShareMember> {
    if (this.sync.shared && !group.members.has(memberId)) await group.exclusive(() => this.sync.refresh(group));
    return group.member(memberId);
  }
}

// ------------------------------------------------------------------------------------------------ metrics

function countArchived(metrics: SharelogMetrics, groupId: string, archived: readonly ArchivedRecord[]): void {
  let rejected = 0;
  for (const a of archived) if (a.cause === 'REJECTED') rejected++;
  if (rejected > 0) metrics.shareRecordsArchived(groupId, 'rejected', rejected);
  if (archived.length > rejected) metrics.shareRecordsArchived(groupId, 'delivery_limit', archived.length - rejected);
}
