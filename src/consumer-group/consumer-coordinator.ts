/**
 * Consumer groups, KIP-848 style: the server computes a balanced, sticky target assignment from heartbeats, and
 * hands each member its part only once no other member still owns it (revocation before reassignment).
 *
 * Ownership: what a member was told in its last heartbeat response is `current`; partitions taken away in that
 * response are `revoking` and still count as the member's until its next heartbeat confirms it let them go (or it
 * leaves, or its session times out). So a partition is never owned by two members at once.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.js';
import { ErrorCode, SharelogError, invalidArgument } from '../errors.js';
import type { Logger } from '../logger.js';
import { limitExceeded } from '../limits.js';
import { LocalGroupSync } from '../storage/embedded/local-group-sync.js';
import type { ConsumerGroupStore, GroupSync, LogStore, SyncedGroup } from '../storage/types.js';
import { computeTargetAssignment, reconcile } from './assignment.js';

export const DEFAULT_SESSION_TIMEOUT_MS = 45_000;
export const HEARTBEAT_INTERVAL_MS = 5_000;
export const SESSION_TIMEOUT_BOUNDS = { min: 1_000, max: 3_600_000 };
export const MAX_MEMBERS = 200;
export const MAX_METADATA_BYTES = 4096;

type PartitionMap = Map<string, number[]>;

export interface ConsumerMember {
  memberId: string;
  epoch: number;
  topics: string[];
  lastSeen: number;
  sessionTimeoutMs: number;
  current: PartitionMap;
  revoking: PartitionMap;
}

export interface CommittedOffset {
  offset: number;
  metadata: string;
}

export interface ConsumerGroup extends SyncedGroup {
  groupId: string;
  members: Map<string, ConsumerMember>;
  target: Map<string, PartitionMap>;
  offsets: Map<string, CommittedOffset>;
  queue: Promise<unknown>;
}

export interface ConsumerHeartbeatResult {
  memberId: string;
  memberEpoch: number;
  assignment: PartitionMap;
  heartbeatIntervalMs: number;
}

export interface OffsetCommit {
  topic: string;
  partition: number;
  offset: number;
  metadata: string;
}

const tpKey = (topic: string, partition: number) => `${topic}/${partition}`;
/** The topic of a tpKey. */
const topicOfKey = (key: string) => key.slice(0, key.lastIndexOf('/'));

export class ConsumerCoordinator {
  readonly groups = new Map<string, ConsumerGroup>();
  private readonly creating = new Map<string, Promise<ConsumerGroup>>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly logStore: LogStore,
    private readonly store: ConsumerGroupStore,
    private readonly clock: Clock,
    private readonly logger: Logger,
    /** True when the id names a group of the other kind (a share group). */
    private readonly isOtherKind: (groupId: string) => boolean,
    /** Where membership lives: this server's memory (default) or shared by several servers (the redis backend). */
    private readonly sync: GroupSync = new LocalGroupSync(),
  ) {
    this.sync.onChange((syncKey) => {
      const group = syncKey.startsWith('consumer:') ? this.groups.get(syncKey.slice('consumer:'.length)) : undefined;
      if (group) void exclusive(group, () => this.sync.refresh(group)).catch((err) => this.logger.warn({ err, groupId: group.groupId }, 'membership refresh failed'));
    });
  }

  async start(sweepIntervalMs = 1000): Promise<void> {
    for (const { groupId, offsets } of await this.store.loadGroups()) {
      this.groups.set(groupId, newGroup(groupId, offsets));
    }
    this.timer = setInterval(() => void this.tick(), sweepIntervalMs);
    this.timer.unref();
  }

  close(): void {
    clearInterval(this.timer);
  }

  has(groupId: string): boolean {
    return this.groups.has(groupId);
  }

  async heartbeat(
    groupId: string,
    memberId: string,
    memberEpoch: number,
    topics: string[],
    sessionTimeoutMs?: number,
  ): Promise<ConsumerHeartbeatResult> {
    if (!groupId) throw invalidArgument('group_id is required');
    if (memberId.length > 64) throw invalidArgument('member_id must be at most 64 characters');
    if (memberEpoch < -1) throw invalidArgument(`member_epoch must be -1 (leave), 0 (join) or a current epoch, got ${memberEpoch}`);
    if (memberEpoch !== 0 && !memberId) throw invalidArgument('member_id is required unless member_epoch is 0');
    if (sessionTimeoutMs !== undefined) {
      const { min, max } = SESSION_TIMEOUT_BOUNDS;
      if (!Number.isInteger(sessionTimeoutMs) || sessionTimeoutMs < min || sessionTimeoutMs > max) {
        throw invalidArgument(`session_timeout_ms must be between ${min} and ${max}, got ${sessionTimeoutMs}`);
      }
    }
    if (memberEpoch === -1) {
      await this.leave(groupId, memberId);
      return { memberId, memberEpoch: -1, assignment: new Map(), heartbeatIntervalMs: 0 };
    }
    const group = memberEpoch === 0 ? await this.groupForJoin(groupId) : await this.resolveGroup(groupId);
    return this.change(group, async () => {
      const now = this.clock.now();
      let member: ConsumerMember;
      if (memberEpoch === 0) {
        if (topics.length === 0) throw invalidArgument('topics is required when joining (member_epoch 0)');
        const id = memberId || randomUUID();
        const previous = group.members.get(id);
        if (!previous && group.members.size >= MAX_MEMBERS) {
          throw limitExceeded('max_members', MAX_MEMBERS, `consumer group "${groupId}" already has ${group.members.size} members`);
        }
        member = {
          memberId: id,
          epoch: (previous?.epoch ?? 0) + 1,
          topics: [...new Set(topics)].sort(),
          lastSeen: now,
          sessionTimeoutMs: sessionTimeoutMs ?? DEFAULT_SESSION_TIMEOUT_MS,
          current: new Map(),
          revoking: new Map(),
        };
        group.members.set(id, member);
      } else {
        member = this.member(group, memberId, memberEpoch);
        member.lastSeen = now;
        if (sessionTimeoutMs !== undefined) member.sessionTimeoutMs = sessionTimeoutMs;
        const wanted = [...new Set(topics)].sort();
        if (wanted.length > 0) member.topics = wanted;
        // This heartbeat confirms the member has let go of what the previous response took away.
        member.revoking = new Map();
      }
      await this.retarget(group);
      this.advance(group, member);
      return { memberId: member.memberId, memberEpoch: member.epoch, assignment: member.current, heartbeatIntervalMs: HEARTBEAT_INTERVAL_MS };
    });
  }

  async leave(groupId: string, memberId: string, memberEpoch?: number): Promise<void> {
    if (!memberId) throw invalidArgument('member_id is required');
    const group = await this.resolveGroup(groupId);
    await this.change(group, async () => {
      const member = group.members.get(memberId);
      if (!member) return;
      if (memberEpoch !== undefined && memberEpoch !== member.epoch) {
        throw new SharelogError(ErrorCode.FENCED_EPOCH, `member "${memberId}" is at epoch ${member.epoch}, not ${memberEpoch}; not removed`);
      }
      group.members.delete(memberId);
      await this.retarget(group);
    });
  }

  /** Stores offsets, all or nothing; fenced by the member epoch and by ownership. */
  async commit(groupId: string, memberId: string, memberEpoch: number, offsets: OffsetCommit[]): Promise<void> {
    if (!groupId) throw invalidArgument('group_id is required');
    if (offsets.length === 0) throw invalidArgument('offsets must hold at least one offset');
    const seen = new Set<string>();
    for (const o of offsets) {
      if (!o.topic) throw invalidArgument('offsets[].topic is required');
      if (Buffer.byteLength(o.metadata) > MAX_METADATA_BYTES) throw invalidArgument(`metadata must be at most ${MAX_METADATA_BYTES} bytes`);
      const key = tpKey(o.topic, o.partition);
      if (seen.has(key)) throw invalidArgument(`partition ${o.topic}/${o.partition} appears twice`);
      seen.add(key);
      const { partitions } = await this.logStore.getTopic(o.topic);
      if (o.partition >= partitions) {
        throw new SharelogError(ErrorCode.PARTITION_NOT_FOUND, `topic "${o.topic}" has no partition ${o.partition}`);
      }
    }
    const standalone = memberId === '';
    const group = standalone ? await this.groupForJoin(groupId) : await this.resolveGroup(groupId);
    await this.change(group, async () => {
      if (standalone) {
        if (group.members.size > 0) {
          throw new SharelogError(ErrorCode.GROUP_NOT_EMPTY, `consumer group "${groupId}" has members; commit as a member, with its epoch`);
        }
      } else {
        const member = this.member(group, memberId);
        if (memberEpoch !== member.epoch) {
          throw new SharelogError(ErrorCode.FENCED_EPOCH, `member "${memberId}" is at epoch ${member.epoch}; the commit carried ${memberEpoch}`);
        }
        for (const o of offsets) {
          if (!owns(member.current, o.topic, o.partition) && !owns(member.revoking, o.topic, o.partition)) {
            throw new SharelogError(ErrorCode.NOT_ASSIGNED, `member "${memberId}" does not own ${o.topic} partition ${o.partition}`);
          }
        }
        member.lastSeen = this.clock.now();
      }
      await this.store.commit(groupId, offsets);
      for (const o of offsets) group.offsets.set(tpKey(o.topic, o.partition), { offset: o.offset, metadata: o.metadata });
    });
  }

  async committed(groupId: string, topic?: string): Promise<OffsetCommit[]> {
    const group = await this.current(groupId);
    const out: OffsetCommit[] = [];
    for (const [key, value] of group.offsets) {
      const slash = key.lastIndexOf('/');
      const t = key.slice(0, slash);
      if (topic && t !== topic) continue;
      out.push({ topic: t, partition: Number(key.slice(slash + 1)), ...value });
    }
    return out.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
  }

  /** Removes members whose session ran out; their partitions go to the others. Public for tests. */
  async tick(): Promise<void> {
    const now = this.clock.now();
    for (const group of this.groups.values()) {
      // A cheap look at this server's copy first; the change itself decides on the newest shared state.
      if (![...group.members.values()].some((m) => now - m.lastSeen > m.sessionTimeoutMs)) continue;
      await this.change(group, async () => {
        const expired = [...group.members.values()].filter((m) => this.clock.now() - m.lastSeen > m.sessionTimeoutMs);
        for (const m of expired) {
          this.logger.info({ groupId: group.groupId, memberId: m.memberId }, 'consumer group member session timed out');
          group.members.delete(m.memberId);
        }
        await this.retarget(group);
      }).catch((err) => this.logger.error({ err, groupId: group.groupId }, 'consumer group sweep failed'));
    }
  }

  group(groupId: string): ConsumerGroup {
    if (this.isOtherKind(groupId)) {
      throw new SharelogError(ErrorCode.GROUP_TYPE_MISMATCH, `"${groupId}" is a share group, not a consumer group`);
    }
    const group = this.groups.get(groupId);
    if (!group) throw new SharelogError(ErrorCode.GROUP_NOT_FOUND, `consumer group "${groupId}" does not exist`);
    return group;
  }

  async groupForJoin(groupId: string): Promise<ConsumerGroup> {
    if (groupId.length > 249) throw invalidArgument('group_id must be at most 249 characters');
    if (this.isOtherKind(groupId)) {
      throw new SharelogError(ErrorCode.GROUP_TYPE_MISMATCH, `"${groupId}" is a share group, not a consumer group`);
    }
    const existing = this.groups.get(groupId) ?? (await this.findGroup(groupId));
    if (existing) return existing;
    // Visible only once the store has it; concurrent first joins share one creation.
    let creating = this.creating.get(groupId);
    if (!creating) {
      creating = (async () => {
        await this.store.createGroup(groupId);
        const group = newGroup(groupId, []);
        this.groups.set(groupId, group);
        return group;
      })().finally(() => this.creating.delete(groupId));
      this.creating.set(groupId, creating);
    }
    return creating;
  }

  async deleteGroup(groupId: string): Promise<void> {
    const group = await this.resolveGroup(groupId);
    await this.change(group, async () => {
      if (group.members.size > 0) {
        throw new SharelogError(ErrorCode.GROUP_NOT_EMPTY, `consumer group "${groupId}" has ${group.members.size} members; it can be deleted only while it has none`);
      }
      await this.store.deleteGroup(groupId);
    });
    this.groups.delete(groupId);
    await this.sync.remove(group);
  }

  /**
   * Forgets every group's committed offsets of a deleted topic, so a topic created again under the name is read
   * by the groups' reset policy rather than from offsets of the old one (Kafka removes them too).
   */
  async forgetTopic(topic: string): Promise<void> {
    const ofTopic = (key: string) => topicOfKey(key) === topic;
    // Only groups with offsets of the topic are changed: a change of a shared group is a versioned write.
    const ids = new Set([...this.groups.values()].filter((g) => [...g.offsets.keys()].some(ofTopic)).map((g) => g.groupId));
    if (this.sync.shared) {
      for (const { groupId, offsets } of await this.store.loadGroups()) if (offsets.some((o) => o.topic === topic)) ids.add(groupId);
    }
    for (const groupId of ids) {
      const group = await this.findGroup(groupId);
      if (!group) continue;
      await this.change(group, async () => {
        await this.store.dropTopic(groupId, topic);
        for (const key of [...group.offsets.keys()].filter(ofTopic)) group.offsets.delete(key);
      });
    }
  }

  /** Replaces committed offsets while the group is empty (admin reset). */
  async resetOffsets(groupId: string, offsets: OffsetCommit[]): Promise<void> {
    const group = await this.resolveGroup(groupId);
    await this.change(group, async () => {
      if (group.members.size > 0) {
        throw new SharelogError(ErrorCode.GROUP_NOT_EMPTY, `consumer group "${groupId}" has ${group.members.size} members; offsets can be reset only while it has none`);
      }
      await this.store.commit(groupId, offsets);
      for (const o of offsets) group.offsets.set(tpKey(o.topic, o.partition), { offset: o.offset, metadata: o.metadata });
    });
  }

  /** The member that owns a partition now (current or still revoking), if any. */
  owner(group: ConsumerGroup, topic: string, partition: number): string | undefined {
    for (const m of group.members.values()) {
      if (owns(m.current, topic, partition) || owns(m.revoking, topic, partition)) return m.memberId;
    }
    return undefined;
  }

  /** A membership change: one at a time per group on this server, on the newest shared state. */
  private change<T>(group: ConsumerGroup, task: () => Promise<T>): Promise<T> {
    return exclusive(group, () => this.sync.run(group, task));
  }

  /** The group with its newest shared membership and offsets (reads). */
  async current(groupId: string): Promise<ConsumerGroup> {
    const group = await this.resolveGroup(groupId);
    if (this.sync.shared) await exclusive(group, () => this.sync.refresh(group));
    return group;
  }

  /** Like group(), but a group another server created is looked up first (shared membership). */
  async resolveGroup(groupId: string): Promise<ConsumerGroup> {
    return (await this.findGroup(groupId)) ?? this.group(groupId);
  }

  private async findGroup(groupId: string): Promise<ConsumerGroup | undefined> {
    if (!this.groups.has(groupId) && this.sync.shared && !this.isOtherKind(groupId)) {
      const stored = (await this.store.loadGroups()).find((g) => g.groupId === groupId);
      if (stored && !this.groups.has(groupId)) this.groups.set(groupId, newGroup(groupId, stored.offsets));
    }
    return this.groups.get(groupId);
  }

  private member(group: ConsumerGroup, memberId: string, epoch?: number): ConsumerMember {
    const member = group.members.get(memberId);
    if (!member) {
      throw new SharelogError(ErrorCode.UNKNOWN_MEMBER, `member "${memberId}" is not in consumer group "${group.groupId}"; join again with member_epoch 0`);
    }
    if (epoch !== undefined && epoch !== member.epoch && epoch !== member.epoch - 1) {
      throw new SharelogError(ErrorCode.FENCED_EPOCH, `member "${memberId}" sent epoch ${epoch} but its current epoch is ${member.epoch}; join again with member_epoch 0`);
    }
    return member;
  }

  /** Recomputes the group's target assignment from the members' subscriptions and the topics as they are now. */
  private async retarget(group: ConsumerGroup): Promise<void> {
    const counts = new Map<string, number>();
    for (const m of group.members.values()) {
      for (const topic of m.topics) {
        if (counts.has(topic)) continue;
        try {
          counts.set(topic, (await this.logStore.getTopic(topic)).partitions);
        } catch (err) {
          if (!(err instanceof SharelogError && err.code === ErrorCode.TOPIC_NOT_FOUND)) throw err;
        }
      }
    }
    const members = [...group.members.values()].map((m) => ({ memberId: m.memberId, topics: m.topics, owned: m.current }));
    group.target = computeTargetAssignment(members, counts, group.target);
  }

  /** Moves the member toward its target: gives what no one else owns, takes away what is no longer its own. */
  private advance(group: ConsumerGroup, member: ConsumerMember): void {
    const ownedByOthers = (topic: string, partition: number) => {
      for (const m of group.members.values()) {
        if (m !== member && (owns(m.current, topic, partition) || owns(m.revoking, topic, partition))) return true;
      }
      return false;
    };
    const { assigned, revoking } = reconcile(member.memberId, group.target, ownedByOthers, member.current);
    if (!samePartitions(assigned, member.current)) {
      member.epoch++;
      member.revoking = mergePartitions(member.revoking, revoking);
      member.current = assigned;
    }
  }
}

function newGroup(groupId: string, offsets: OffsetCommit[]): ConsumerGroup {
  const group: ConsumerGroup = {
    groupId,
    members: new Map(),
    target: new Map(),
    offsets: new Map(),
    queue: Promise.resolve(),
    syncKey: `consumer:${groupId}`,
    syncVersion: 0,
    // Everything of a consumer group is shared: members with their ownership, the target, committed offsets.
    exportState: () =>
      JSON.stringify({
        members: [...group.members.values()].map((m) => ({ ...m, current: [...m.current], revoking: [...m.revoking] })),
        target: [...group.target].map(([id, map]) => [id, [...map]]),
        offsets: [...group.offsets],
      }),
    importState: (state: string) => {
      const parsed = JSON.parse(state) as {
        members: Array<Omit<ConsumerMember, 'current' | 'revoking'> & { current: Array<[string, number[]]>; revoking: Array<[string, number[]]> }>;
        target: Array<[string, Array<[string, number[]]>]>;
        offsets: Array<[string, CommittedOffset]>;
      };
      group.members = new Map(parsed.members.map((m) => [m.memberId, { ...m, current: new Map(m.current), revoking: new Map(m.revoking) }]));
      group.target = new Map(parsed.target.map(([id, entries]) => [id, new Map(entries)]));
      group.offsets = new Map(parsed.offsets);
    },
  };
  for (const o of offsets) group.offsets.set(tpKey(o.topic, o.partition), { offset: o.offset, metadata: o.metadata });
  return group;
}

function exclusive<T>(group: ConsumerGroup, task: () => Promise<T>): Promise<T> {
  const run = group.queue.then(task);
  group.queue = run.catch(() => undefined);
  return run;
}

function owns(map: PartitionMap, topic: string, partition: number): boolean {
  return map.get(topic)?.includes(partition) ?? false;
}

function samePartitions(a: PartitionMap, b: PartitionMap): boolean {
  if (a.size !== b.size) return false;
  for (const [topic, ps] of a) {
    const other = b.get(topic);
    if (!other || other.length !== ps.length || ps.some((p, i) => other[i] !== p)) return false;
  }
  return true;
}

function mergePartitions(a: PartitionMap, b: PartitionMap): PartitionMap {
  const out = new Map<string, number[]>();
  for (const map of [a, b]) {
    for (const [topic, ps] of map) out.set(topic, [...new Set([...(out.get(topic) ?? []), ...ps])].sort((x, y) => x - y));
  }
  return out;
}
