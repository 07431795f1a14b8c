/**
 * Administration of share groups: describe, delete, reset offsets, update config, inspect records.
 * Resets and deletes need an empty group (no members), as in Kafka.
 */
import type { InspectedRecord, ShareCounts } from '../ack-tracker/index.js';
import { ErrorCode, SharelogError, invalidArgument } from '../errors.js';
import { validateTopicName } from '../log/topic-rules.js';
import type { LogStore, ShareStateStore } from '../storage/types.js';
import { mergeShareGroupConfig, type ShareGroupConfig } from './config.js';
import type { ShareCoordinator } from './share-coordinator.js';

export const INSPECT_MAX_RECORDS = 1000;

export type ShareOffsetSpec =
  | { kind: 'earliest' }
  | { kind: 'latest' }
  | { kind: 'offset'; offset: number }
  | { kind: 'timestamp'; timestampMs: number };

export interface SharePartitionDescription extends ShareCounts {
  topic: string;
  partition: number;
  startOffset: number;
  endOffset: number;
  lag: number;
}

export interface ShareGroupDescription {
  groupId: string;
  state: 'EMPTY' | 'STABLE';
  config: ShareGroupConfig;
  members: Array<{
    memberId: string;
    memberEpoch: number;
    assignment: Map<string, number[]>;
    acquired: number;
    topics: string[];
    clientHost: string;
  }>;
  partitions: SharePartitionDescription[];
}

export class ShareAdmin {
  constructor(
    private readonly coordinator: ShareCoordinator,
    private readonly stateStore: ShareStateStore,
    private readonly logStore: LogStore,
  ) {}

  list(): Array<{ groupId: string; state: 'EMPTY' | 'STABLE'; memberCount: number }> {
    return [...this.coordinator.registry.groups.values()]
      .map((g) => ({ groupId: g.groupId, state: g.members.size > 0 ? ('STABLE' as const) : ('EMPTY' as const), memberCount: g.members.size }))
      .sort((a, b) => a.groupId.localeCompare(b.groupId));
  }

  async describe(groupId: string): Promise<ShareGroupDescription> {
    const group = await this.coordinator.registry.current(groupId);
    const members = [];
    for (const m of [...group.members.values()].sort((a, b) => (a.memberId < b.memberId ? -1 : 1))) {
      members.push({
        memberId: m.memberId,
        memberEpoch: m.epoch,
        assignment: m.assignment,
        acquired: await this.stateStore.acquiredBy(groupId, m.memberId),
        topics: m.topics,
        clientHost: m.clientHost,
      });
    }
    const partitions: SharePartitionDescription[] = [];
    for (const tp of await this.stateStore.partitions(groupId)) {
      const summary = await this.stateStore.describe(groupId, tp);
      let highWatermark = summary.endOffset;
      try {
        highWatermark = (await this.logStore.offsets(tp.topic, tp.partition)).highWatermark;
      } catch {
        /* topic deleted: lag is what the window still holds */
      }
      const { counts } = summary;
      // Records not yet finished: everything from the start offset to the log end, minus finished ones.
      const lag = Math.max(0, highWatermark - summary.startOffset - counts.acknowledged - counts.archived);
      partitions.push({ ...tp, startOffset: summary.startOffset, endOffset: summary.endOffset, ...counts, lag });
    }
    partitions.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
    return { groupId, state: group.members.size > 0 ? 'STABLE' : 'EMPTY', config: group.config, members, partitions };
  }

  async delete(groupId: string): Promise<void> {
    const group = await this.coordinator.registry.resolveGroup(groupId);
    await this.coordinator.change(group, async () => {
      this.requireEmpty(groupId, 'deleted');
      await this.stateStore.deleteGroup(groupId);
    });
    await this.coordinator.forgetGroup(group);
  }

  /**
   * Forgets the share-partitions of `topic` in every share group (its locks, states and start offset): called when
   * the topic is deleted, and before a topic of that name is created, so a new topic under an old name starts
   * fresh instead of inheriting a start offset that would skip its records (Kafka keys share state by topic id).
   * Members' assignments follow on their next heartbeat. Returns how many share-partitions were dropped.
   */
  async forgetTopic(topic: string): Promise<number> {
    let dropped = 0;
    for (const { groupId } of await this.stateStore.loadGroups()) {
      for (const tp of await this.stateStore.partitions(groupId)) {
        if (tp.topic !== topic) continue;
        await this.stateStore.dropPartition(groupId, tp);
        dropped++;
      }
    }
    return dropped;
  }

  /** Moves the start offset of the group's share-partitions of `topic`; state below and above is forgotten. */
  async resetOffsets(
    groupId: string,
    topic: string,
    spec: ShareOffsetSpec,
    dryRun: boolean,
  ): Promise<Array<{ partition: number; previousOffset: number; newOffset: number }>> {
    const { partitions } = await this.logStore.getTopic(topic);
    // A dry run changes nothing, not even by creating the group.
    if (dryRun && !this.coordinator.registry.groups.has(groupId)) {
      this.coordinator.registry.validateGroupId(groupId);
      return this.plan(undefined, topic, partitions, spec);
    }
    const group = await this.coordinator.registry.groupForJoin(groupId);
    return this.coordinator.change(group, async () => {
      this.requireEmpty(groupId, 'reset');
      const plan = await this.plan(groupId, topic, partitions, spec);
      if (!dryRun) {
        for (const { partition, newOffset } of plan) {
          const tp = { topic, partition };
          if (await this.stateStore.hasPartition(groupId, tp)) await this.stateStore.reset(groupId, tp, newOffset);
          else await this.stateStore.ensurePartition(groupId, tp, newOffset);
        }
      }
      return plan;
    });
  }

  /** Where each partition's start offset would move; `groupId` undefined for a group that does not exist. */
  private async plan(groupId: string | undefined, topic: string, partitions: number, spec: ShareOffsetSpec) {
    const out = [];
    for (let partition = 0; partition < partitions; partition++) {
      const tp = { topic, partition };
      const { logStartOffset, highWatermark } = await this.logStore.offsets(topic, partition);
      let target: number;
      if (spec.kind === 'earliest') target = logStartOffset;
      else if (spec.kind === 'latest') target = highWatermark;
      else if (spec.kind === 'offset') target = Math.min(Math.max(spec.offset, logStartOffset), highWatermark);
      else target = await this.logStore.offsetForTimestamp(topic, partition, spec.timestampMs);
      const exists = groupId !== undefined && (await this.stateStore.hasPartition(groupId, tp));
      const previousOffset = exists ? (await this.stateStore.describe(groupId, tp)).startOffset : -1;
      out.push({ partition, previousOffset, newOffset: target });
    }
    return out;
  }

  async updateConfig(groupId: string, change: Partial<ShareGroupConfig>): Promise<ShareGroupConfig> {
    if (change.deadLetterTopic) {
      validateTopicName(change.deadLetterTopic);
      await this.logStore.getTopic(change.deadLetterTopic); // TOPIC_NOT_FOUND: create it first
    }
    const group = await this.coordinator.registry.groupForJoin(groupId);
    return group.exclusive(async () => {
      const merged = mergeShareGroupConfig(group.config, change);
      await this.stateStore.saveGroup(groupId, merged);
      group.config = merged;
      group.wake.notify();
      return merged;
    });
  }

  async inspect(
    groupId: string,
    topic: string,
    partition: number,
    firstOffset: number,
    lastOffset: number,
  ): Promise<{ startOffset: number; endOffset: number; records: InspectedRecord[] }> {
    await this.coordinator.registry.resolveGroup(groupId);
    if (lastOffset < firstOffset) throw invalidArgument(`last_offset ${lastOffset} is below first_offset ${firstOffset}`);
    if (lastOffset - firstOffset + 1 > INSPECT_MAX_RECORDS) {
      throw invalidArgument(`at most ${INSPECT_MAX_RECORDS} offsets per call; asked for ${lastOffset - firstOffset + 1}`);
    }
    const tp = { topic, partition };
    const { highWatermark } = await this.logStore.offsets(topic, partition);
    // No state yet (never assigned): nothing in flight to show.
    if (!(await this.stateStore.hasPartition(groupId, tp))) return { startOffset: -1, endOffset: -1, records: [] };
    const summary = await this.stateStore.describe(groupId, tp);
    const records = await this.stateStore.inspect(groupId, tp, firstOffset, lastOffset, highWatermark);
    return { startOffset: summary.startOffset, endOffset: summary.endOffset, records };
  }

  private requireEmpty(groupId: string, action: string): void {
    const group = this.coordinator.registry.group(groupId);
    if (group.members.size > 0) {
      throw new SharelogError(
        ErrorCode.GROUP_NOT_EMPTY,
        `share group "${groupId}" has ${group.members.size} members; it can be ${action} only while it has none`,
      );
    }
  }
}
