/**
 * One share group's membership: members, epochs, session liveness and the server-side assignment. Pure
 * bookkeeping: the coordinator does the I/O (state store, log) around it.
 */
import { randomUUID } from 'node:crypto';
import { ErrorCode, SharelogError, invalidArgument } from '../errors.js';
import { assignShareGroup, type Assignment } from './assignment.js';
import type { ShareGroupConfig } from './config.js';
import type { SyncedGroup } from '../storage/types.js';
import { WakeSignal } from './wake-signal.js';

export const MAX_MEMBER_ID_LENGTH = 64;

export interface ShareMember {
  memberId: string;
  epoch: number;
  topics: string[];
  lastSeen: number;
  /** Partitions per topic, as last computed. */
  assignment: Map<string, number[]>;
  /** Held by a Subscribe stream: alive while the stream is open, whatever the heartbeats. */
  streaming: boolean;
  /** Round-robin start for fetches, so every assigned partition gets its turn. */
  rotation: number;
  /**
   * Streaming members: an upper bound of the records the member holds (its count when last read from the store,
   * plus what this server acquired for it since), so most fetches skip reading the count (acquirer.ts).
   */
  heldAtMost?: number;
  /** Told when the assignment changes (Subscribe streams push it). */
  onAssignment?: (assignment: Map<string, number[]>, epoch: number) => void;
  /** The member's own session timeout, when it asked for one. */
  sessionTimeoutMs?: number;
  /** The peer address it joined from, for DescribeShareGroup. */
  clientHost: string;
}

/** The part of a member every server shares (src/storage GroupSync). */
interface SharedMember {
  memberId: string;
  epoch: number;
  topics: string[];
  lastSeen: number;
  assignment: Array<[string, number[]]>;
  sessionTimeoutMs?: number;
  clientHost: string;
}

export class ShareGroup implements SyncedGroup {
  readonly members = new Map<string, ShareMember>();
  readonly syncKey: string;
  syncVersion = 0;
  /** Woken when records may have become acquirable: releases, expiries, members leaving. */
  readonly wake = new WakeSignal();
  private assignment: Assignment = new Map();
  /** Serialises membership changes, which await the store in between. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly groupId: string,
    public config: ShareGroupConfig,
  ) {
    this.syncKey = `share:${groupId}`;
  }

  exportState(): string {
    const members: SharedMember[] = [...this.members.values()].map((m) => ({
      memberId: m.memberId,
      epoch: m.epoch,
      topics: m.topics,
      lastSeen: m.lastSeen,
      assignment: [...m.assignment],
      sessionTimeoutMs: m.sessionTimeoutMs,
      clientHost: m.clientHost,
    }));
    return JSON.stringify({ members });
  }

  /**
   * Takes the members as another server left them. This server's own parts of a member (its Subscribe stream's
   * callback, the fetch rotation) stay; a streaming member whose assignment changed elsewhere is told here.
   */
  importState(state: string): void {
    const { members } = JSON.parse(state) as { members: SharedMember[] };
    const previous = new Map(this.members);
    this.members.clear();
    this.assignment = new Map();
    for (const shared of members) {
      const local = previous.get(shared.memberId);
      const member: ShareMember = {
        ...shared,
        assignment: new Map(shared.assignment),
        streaming: local?.streaming ?? false,
        rotation: local?.rotation ?? 0,
        heldAtMost: local?.heldAtMost,
        onAssignment: local?.onAssignment,
      };
      this.members.set(member.memberId, member);
      this.assignment.set(member.memberId, member.assignment);
      if (local && (local.epoch !== member.epoch || !sameAssignment(local.assignment, member.assignment))) {
        member.onAssignment?.(member.assignment, member.epoch);
      }
    }
    this.wake.notify();
  }

  /** Runs membership changes one at a time. */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  join(memberId: string, topics: string[], now: number, streaming: boolean): ShareMember {
    if (topics.length === 0) throw invalidArgument('topics is required when joining (member_epoch 0)');
    if (memberId.length > MAX_MEMBER_ID_LENGTH) {
      throw invalidArgument(`member_id must be at most ${MAX_MEMBER_ID_LENGTH} characters`);
    }
    const id = memberId || randomUUID();
    const previous = this.members.get(id);
    if (!previous && this.members.size >= this.config.maxMembers) {
      throw new SharelogError(
        ErrorCode.LIMIT_EXCEEDED,
        `share group "${this.groupId}" already has ${this.members.size} members: limit max_members is ${this.config.maxMembers}`,
      );
    }
    const member: ShareMember = {
      memberId: id,
      // A rejoin under the same id fences the earlier incarnation's epoch.
      epoch: (previous?.epoch ?? 0) + 1,
      topics: [...new Set(topics)].sort(),
      lastSeen: now,
      assignment: new Map(),
      streaming,
      rotation: 0,
      clientHost: '',
    };
    this.members.set(member.memberId, member);
    return member;
  }

  /** The member a heartbeat/fetch speaks for; checks the epoch when one is given. */
  member(memberId: string, epoch?: number): ShareMember {
    const member = this.members.get(memberId);
    if (!member) {
      throw new SharelogError(
        ErrorCode.UNKNOWN_MEMBER,
        `member "${memberId}" is not in share group "${this.groupId}" (left or timed out); join again with member_epoch 0`,
      );
    }
    if (epoch !== undefined && epoch !== member.epoch && epoch !== member.epoch - 1) {
      throw new SharelogError(
        ErrorCode.FENCED_EPOCH,
        `member "${memberId}" sent epoch ${epoch} but its current epoch is ${member.epoch}; join again with member_epoch 0`,
      );
    }
    return member;
  }

  /** The interval a member is told to heartbeat at: the group's, but always well inside its own session. */
  heartbeatIntervalFor(member: ShareMember): number {
    const session = member.sessionTimeoutMs ?? this.config.sessionTimeoutMs;
    return Math.min(this.config.heartbeatIntervalMs, Math.floor(session / 3));
  }

  /** Members whose session ran out (streams never do while open). */
  expiredMembers(now: number): ShareMember[] {
    return [...this.members.values()].filter(
      (m) => !m.streaming && now - m.lastSeen > (m.sessionTimeoutMs ?? this.config.sessionTimeoutMs),
    );
  }

  /** Topics any member subscribes to. */
  subscribedTopics(): string[] {
    const topics = new Set<string>();
    for (const m of this.members.values()) for (const t of m.topics) topics.add(t);
    return [...topics];
  }

  /**
   * Recomputes the assignment; a member whose partitions changed gets a new epoch and is told.
   * Returns every (topic, partition) assigned to someone.
   */
  reassign(partitionCounts: ReadonlyMap<string, number>): Array<{ topic: string; partition: number }> {
    const members = [...this.members.values()].map((m) => ({ memberId: m.memberId, topics: m.topics }));
    this.assignment = assignShareGroup(members, partitionCounts, this.assignment);
    const assigned = new Map<string, Set<number>>();
    for (const member of this.members.values()) {
      const next = this.assignment.get(member.memberId) ?? new Map<string, number[]>();
      if (!sameAssignment(member.assignment, next)) {
        member.assignment = next;
        member.epoch++;
        member.onAssignment?.(next, member.epoch);
      }
      for (const [topic, partitions] of next) {
        let set = assigned.get(topic);
        if (!set) assigned.set(topic, (set = new Set()));
        for (const p of partitions) set.add(p);
      }
    }
    return [...assigned].flatMap(([topic, set]) => [...set].map((partition) => ({ topic, partition })));
  }
}

export function sameAssignment(a: Map<string, number[]>, b: Map<string, number[]>): boolean {
  if (a.size !== b.size) return false;
  for (const [topic, partitions] of a) {
    const other = b.get(topic);
    if (!other || other.length !== partitions.length || other.some((p, i) => p !== partitions[i])) return false;
  }
  return true;
}
