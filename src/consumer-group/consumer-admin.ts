/** Administration of consumer groups: describe with lag, reset offsets (empty groups only, with a dry run). */
import { ErrorCode, SharelogError, invalidArgument } from '../errors.js';
import type { LogStore } from '../storage/types.js';
import type { ConsumerCoordinator } from './consumer-coordinator.js';

export type ConsumerOffsetSpec =
  | { kind: 'earliest' }
  | { kind: 'latest' }
  | { kind: 'offset'; offset: number }
  | { kind: 'timestamp'; timestampMs: number }
  | { kind: 'shift'; by: number };

export interface ConsumerGroupDescription {
  groupId: string;
  state: 'EMPTY' | 'RECONCILING' | 'STABLE';
  members: Array<{ memberId: string; memberEpoch: number; topics: string[]; assignment: Map<string, number[]> }>;
  partitions: Array<{ topic: string; partition: number; committedOffset: number; endOffset: number; lag: number; metadata: string; owner: string }>;
}

export class ConsumerAdmin {
  constructor(
    private readonly coordinator: ConsumerCoordinator,
    private readonly logStore: LogStore,
  ) {}

  list(): Array<{ groupId: string; state: ConsumerGroupDescription['state']; memberCount: number }> {
    return [...this.coordinator.groups.values()].map((g) => ({ groupId: g.groupId, state: this.stateOf(g.groupId), memberCount: g.members.size }));
  }

  private stateOf(groupId: string): ConsumerGroupDescription['state'] {
    const group = this.coordinator.group(groupId);
    if (group.members.size === 0) return 'EMPTY';
    for (const m of group.members.values()) {
      const target = group.target.get(m.memberId) ?? new Map();
      if (m.revoking.size > 0 || !sameMap(target, m.current)) return 'RECONCILING';
    }
    return 'STABLE';
  }

  async describe(groupId: string): Promise<ConsumerGroupDescription> {
    const group = await this.coordinator.current(groupId);
    const rows = new Map<string, ConsumerGroupDescription['partitions'][number]>();
    const add = async (topic: string, partition: number) => {
      const key = `${topic}/${partition}`;
      if (rows.has(key)) return;
      let endOffset = 0;
      try {
        endOffset = (await this.logStore.offsets(topic, partition)).highWatermark;
      } catch {
        /* deleted topic: report what was committed */
      }
      const committed = group.offsets.get(key);
      const committedOffset = committed?.offset ?? -1;
      rows.set(key, {
        topic,
        partition,
        committedOffset,
        endOffset,
        lag: committedOffset < 0 ? endOffset : Math.max(0, endOffset - committedOffset),
        metadata: committed?.metadata ?? '',
        owner: this.coordinator.owner(group, topic, partition) ?? '',
      });
    };
    for (const c of await this.coordinator.committed(groupId)) await add(c.topic, c.partition);
    for (const targets of group.target.values()) for (const [topic, ps] of targets) for (const p of ps) await add(topic, p);
    return {
      groupId,
      state: this.stateOf(groupId),
      members: [...group.members.values()].map((m) => ({ memberId: m.memberId, memberEpoch: m.epoch, topics: m.topics, assignment: m.current })),
      partitions: [...rows.values()].sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition),
    };
  }

  async resetOffsets(
    groupId: string,
    topic: string,
    partitions: number[],
    spec: ConsumerOffsetSpec,
    dryRun: boolean,
  ): Promise<Array<{ partition: number; previousOffset: number; newOffset: number }>> {
    const info = await this.logStore.getTopic(topic);
    const chosen = partitions.length > 0 ? [...new Set(partitions)].sort((a, b) => a - b) : [...Array(info.partitions).keys()];
    for (const p of chosen) if (p < 0 || p >= info.partitions) throw invalidArgument(`topic "${topic}" has no partition ${p}`);
    // A dry run creates nothing; a real reset creates the group, as a commit would.
    const group = this.coordinator.groups.get(groupId) ?? (dryRun ? undefined : await this.coordinator.groupForJoin(groupId));
    if (group && group.members.size > 0) {
      throw new SharelogError(ErrorCode.GROUP_NOT_EMPTY, `consumer group "${groupId}" has ${group.members.size} members; offsets can be reset only while it has none`);
    }
    const plan = [];
    for (const partition of chosen) {
      const { logStartOffset, highWatermark } = await this.logStore.offsets(topic, partition);
      const previous = group?.offsets.get(`${topic}/${partition}`)?.offset ?? -1;
      let target: number;
      if (spec.kind === 'earliest') target = logStartOffset;
      else if (spec.kind === 'latest') target = highWatermark;
      else if (spec.kind === 'offset') target = spec.offset;
      else if (spec.kind === 'timestamp') target = await this.logStore.offsetForTimestamp(topic, partition, spec.timestampMs);
      else target = (previous < 0 ? logStartOffset : previous) + spec.by;
      plan.push({ partition, previousOffset: previous, newOffset: Math.min(Math.max(target, logStartOffset), highWatermark) });
    }
    if (!dryRun) {
      await this.coordinator.resetOffsets(
        groupId,
        plan.map((p) => ({ topic, partition: p.partition, offset: p.newOffset, metadata: '' })),
      );
    }
    return plan;
  }
}

function sameMap(a: Map<string, number[]>, b: Map<string, number[]>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) {
    const w = b.get(k);
    if (!w || w.length !== v.length || v.some((x, i) => w[i] !== x)) return false;
  }
  return true;
}
