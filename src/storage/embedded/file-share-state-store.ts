/**
 * The embedded ShareStateStore: each share group's share-partitions live in memory (SharePartitionState) and
 * every change is written to the group's journal before the operation resolves.
 *
 *   <dataDir>/share-groups/<groupDirName(group id)>/group.json     {"groupId", "config"} (written atomically)
 *   <dataDir>/share-groups/<groupDirName(group id)>/journal        CRC-framed deltas and snapshots (src/ack-tracker)
 *
 * Order of one operation: change the state in memory -> hand archived records to `onArchived` (the dead-letter
 * topic, so a dead-letter copy is never lost: a crash before the journal sync redelivers and archives again) ->
 * append the deltas to the journal -> group-commit write (and fsync under --fsync always) -> resolve. So a
 * delivery-count increment is durable before its record is handed out, and an ACCEPT/REJECT before its success is
 * reported: against a machine crash under `always`, against a process crash under every policy.
 */
import fs from 'node:fs';
import path from 'node:path';
import { groupDirName } from './group-dir.js';
import {
  JournalFile,
  SharePartitionState,
  type AckRange,
  type AckResult,
  type AcquiredBatch,
  type ArchivedRecord,
  type InspectedRecord,
  type JournalIo,
  type ReleaseResult,
  type ShareDelta,
} from '../../ack-tracker/index.js';
import type { Clock } from '../../clock.js';
import { ErrorCode, SharelogError } from '../../errors.js';
import { writeFileAtomic } from '../../log/atomic-file.js';
import type { FsyncPolicy } from '../../log/fsync-policy.js';
import { partitionConfigOf, type ShareGroupConfig } from '../../share-group/config.js';
import type {
  AcquireArgs,
  ArchivedHandler,
  SharePartitionSummary,
  ShareStateStore,
  StagedAcquisition,
  StoredShareGroup,
  TopicPartition,
} from '../types.js';
import { NO_METRICS, type SharelogMetrics } from '../../metrics/types.js';

/** Compact a journal once it holds this many bytes beyond its last snapshot. */
const COMPACT_AFTER_BYTES = 16 * 1024 * 1024;

interface GroupState {
  groupId: string;
  dir: string;
  config: ShareGroupConfig;
  journal: JournalFile;
  partitions: Map<string, SharePartitionState>;
  /** Journal size right after the last compaction. */
  compactedSize: number;
  compacting: Promise<void> | null;
}

const tpKey = (tp: TopicPartition) => `${tp.topic}/${tp.partition}`;

function parseTp(key: string): TopicPartition {
  const slash = key.lastIndexOf('/');
  return { topic: key.slice(0, slash), partition: Number(key.slice(slash + 1)) };
}

export class FileShareStateStore implements ShareStateStore {
  readonly readsLogBounds = false;
  private readonly groups = new Map<string, GroupState>();
  private onArchived: ArchivedHandler = async () => undefined;

  private readonly onJournalSync: (seconds: number) => void;

  private constructor(
    private readonly root: string,
    private readonly clock: Clock,
    private readonly metrics: SharelogMetrics,
    private readonly fsync: FsyncPolicy,
    private readonly io: JournalIo | undefined,
  ) {
    this.onJournalSync = (seconds) => metrics.journalSynced('share_group', seconds);
  }

  /**
   * Opens every group under `<dataDir>/share-groups`, replaying its journal. `fsync` is the server's policy: under
   * `always` every change is fdatasynced before it resolves, otherwise it is written (safe from a process crash)
   * and fdatasynced later.
   */
  static async open(
    dataDir: string,
    clock: Clock,
    options: { metrics?: SharelogMetrics; fsync?: FsyncPolicy; /** Tests inject journal I/O failures and delays. */ io?: JournalIo } = {},
  ): Promise<FileShareStateStore> {
    const { metrics = NO_METRICS, fsync = { mode: 'always' }, io } = options;
    const store = new FileShareStateStore(path.join(dataDir, 'share-groups'), clock, metrics, fsync, io);
    fs.mkdirSync(store.root, { recursive: true });
    for (const name of fs.readdirSync(store.root)) {
      const dir = path.join(store.root, name);
      const meta = path.join(dir, 'group.json');
      if (!fs.existsSync(meta)) continue;
      const { groupId, config } = JSON.parse(fs.readFileSync(meta, 'utf8')) as StoredShareGroup;
      await store.openGroup(groupId, dir, config);
    }
    return store;
  }

  setArchivedHandler(handler: ArchivedHandler): void {
    this.onArchived = handler;
  }

  private async openGroup(groupId: string, dir: string, config: ShareGroupConfig): Promise<GroupState> {
    const { journal, frames } = await JournalFile.open(path.join(dir, 'journal'), { fsync: this.fsync, io: this.io, onSync: this.onJournalSync });
    const partitions = new Map<string, SharePartitionState>();
    const partitionConfig = partitionConfigOf(config);
    for (const frame of frames) {
      if ('snapshot' in frame) {
        partitions.clear();
        for (const [key, snapshot] of Object.entries(frame.snapshot)) {
          partitions.set(key, SharePartitionState.restore(snapshot, this.clock, { ...partitionConfig }));
        }
        continue;
      }
      let state = partitions.get(frame.tp);
      if (!state) {
        state = new SharePartitionState({ startOffset: 0, clock: this.clock, config: { ...partitionConfig } });
        partitions.set(frame.tp, state);
      }
      for (const delta of frame.d) state.applyDelta(delta);
    }
    const group: GroupState = { groupId, dir, config, journal, partitions, compactedSize: journal.size, compacting: null };
    this.groups.set(groupId, group);
    return group;
  }

  async loadGroups(): Promise<StoredShareGroup[]> {
    return [...this.groups.values()].map((g) => ({ groupId: g.groupId, config: g.config }));
  }

  async saveGroup(groupId: string, config: ShareGroupConfig): Promise<void> {
    let group = this.groups.get(groupId);
    if (!group) {
      const dir = path.join(this.root, groupDirName(groupId));
      fs.mkdirSync(dir, { recursive: true });
      writeFileAtomic(path.join(dir, 'group.json'), JSON.stringify({ groupId, config }));
      group = await this.openGroup(groupId, dir, config);
      return;
    }
    writeFileAtomic(path.join(group.dir, 'group.json'), JSON.stringify({ groupId, config }));
    group.config = config;
    const partitionConfig = partitionConfigOf(config);
    for (const state of group.partitions.values()) state.updateConfig(partitionConfig);
  }

  async deleteGroup(groupId: string): Promise<void> {
    const group = this.group(groupId);
    this.groups.delete(groupId);
    await group.journal.close();
    fs.rmSync(group.dir, { recursive: true, force: true });
  }

  async partitions(groupId: string): Promise<TopicPartition[]> {
    return [...this.group(groupId).partitions.keys()].map(parseTp);
  }

  async hasPartition(groupId: string, tp: TopicPartition): Promise<boolean> {
    return this.groups.get(groupId)?.partitions.has(tpKey(tp)) ?? false;
  }

  async ensurePartition(groupId: string, tp: TopicPartition, startOffset: number): Promise<boolean> {
    const group = this.group(groupId);
    const key = tpKey(tp);
    if (group.partitions.has(key)) return false;
    const state = new SharePartitionState({ startOffset: 0, clock: this.clock, config: partitionConfigOf(group.config) });
    state.reset(startOffset);
    group.partitions.set(key, state);
    await this.commit(group, key, state);
    return true;
  }

  async dropPartition(groupId: string, tp: TopicPartition): Promise<void> {
    const group = this.groups.get(groupId);
    if (!group?.partitions.delete(tpKey(tp))) return;
    await this.compact(group);
  }

  async acquire(...args: AcquireArgs): Promise<AcquiredBatch[]> {
    const { batches, durable } = await this.acquireStaged(...args);
    await durable;
    return batches;
  }

  async acquireStaged(...[groupId, tp, memberId, maxRecords, logEndOffset, keyOf]: AcquireArgs): Promise<StagedAcquisition> {
    if (logEndOffset < 0) throw new Error('the embedded share state store does not read the log: pass the log end offset');
    const { group, key, state } = this.partition(groupId, tp);
    const batches = state.acquire(memberId, maxRecords, logEndOffset, keyOf);
    const durable = this.commit(group, key, state);
    durable.catch(() => undefined); // awaited by the caller; this only keeps a failure from counting as unhandled
    return { batches, durable };
  }

  async acknowledge(groupId: string, tp: TopicPartition, memberId: string, ranges: readonly AckRange[]): Promise<AckResult[]> {
    const { group, key, state } = this.partition(groupId, tp);
    const results = state.acknowledge(memberId, ranges);
    const archived = results.flatMap((r) => r.archived ?? []);
    await this.commit(group, key, state, archived);
    return results;
  }

  async releaseMember(groupId: string, tp: TopicPartition, memberId: string): Promise<ReleaseResult> {
    const { group, key, state } = this.partition(groupId, tp);
    const result = state.releaseMember(memberId);
    await this.commit(group, key, state, result.archived);
    return result;
  }

  async expire(groupId: string): Promise<number> {
    const group = this.group(groupId);
    let released = 0;
    for (const [key, state] of group.partitions) {
      const deadline = state.nextDeadline();
      if (deadline === undefined || deadline > this.clock.now()) continue;
      const result = state.expire();
      released += result.released + result.archived.length;
      await this.commit(group, key, state, result.archived, true);
    }
    return released;
  }

  nextDeadline(): number | undefined {
    let next: number | undefined;
    for (const group of this.groups.values()) {
      for (const state of group.partitions.values()) {
        const d = state.nextDeadline();
        if (d !== undefined && (next === undefined || d < next)) next = d;
      }
    }
    return next;
  }

  hasAcquirable(groupId: string, tp: TopicPartition, logEndOffset: number): boolean {
    const state = this.groups.get(groupId)?.partitions.get(tpKey(tp));
    return state ? state.hasAcquirable(logEndOffset) : false;
  }

  /** One server owns the files: nothing changes behind the coordinator's back. */
  onRecordsAvailable(): void {}

  onGroupChanged(): void {}

  async describe(groupId: string, tp: TopicPartition): Promise<SharePartitionSummary> {
    const { state } = this.partition(groupId, tp);
    return { ...tp, startOffset: state.startOffset, endOffset: state.endOffset, counts: state.counts() };
  }

  async acquiredBy(groupId: string, memberId: string): Promise<number> {
    let n = 0;
    for (const state of this.group(groupId).partitions.values()) n += state.acquiredBy(memberId);
    return n;
  }

  async inspect(groupId: string, tp: TopicPartition, first: number, last: number, logEndOffset: number): Promise<InspectedRecord[]> {
    return this.partition(groupId, tp).state.inspect(first, last, logEndOffset);
  }

  async reset(groupId: string, tp: TopicPartition, offset: number): Promise<void> {
    const { group, key, state } = this.partition(groupId, tp);
    state.reset(offset);
    await this.commit(group, key, state);
  }

  async advanceStart(groupId: string, tp: TopicPartition, logStartOffset: number): Promise<void> {
    const { group, key, state } = this.partition(groupId, tp);
    if (state.startOffset >= logStartOffset) return;
    state.advanceStartOffset(logStartOffset);
    await this.commit(group, key, state);
  }

  async close(): Promise<void> {
    for (const group of this.groups.values()) {
      await group.compacting;
      await group.journal.close();
    }
    this.groups.clear();
  }

  private group(groupId: string): GroupState {
    const group = this.groups.get(groupId);
    if (!group) throw new SharelogError(ErrorCode.GROUP_NOT_FOUND, `share group "${groupId}" does not exist`);
    return group;
  }

  private partition(groupId: string, tp: TopicPartition): { group: GroupState; key: string; state: SharePartitionState } {
    const group = this.group(groupId);
    const key = tpKey(tp);
    const state = group.partitions.get(key);
    if (!state) {
      throw new SharelogError(ErrorCode.NOT_ASSIGNED, `share group "${groupId}" has no state for ${tp.topic} partition ${tp.partition}`);
    }
    return { group, key, state };
  }

  /**
   * Dead-letters what was archived, then makes the deltas durable (see the file comment for why this order).
   * `archivedByExpiry`: the `archived` records were archived because their locks ran out (the expire path).
   */
  private async commit(
    group: GroupState,
    key: string,
    state: SharePartitionState,
    archived: ArchivedRecord[] = [],
    archivedByExpiry = false,
  ): Promise<void> {
    const lazilyArchived = state.takeArchived();
    const all = lazilyArchived.length > 0 ? [...archived, ...lazilyArchived] : archived;
    if (all.length > 0) await this.onArchived(group.groupId, group.config, parseTp(key), all);
    const deltas = state.takeDeltas();
    this.countLockExpiries(group.groupId, deltas, lazilyArchived.length + (archivedByExpiry ? archived.length : 0));
    if (deltas.length > 0) group.journal.append({ tp: key, d: deltas });
    // Also without deltas of its own: a concurrent operation may have taken this one's deltas into its frame,
    // and this one must not answer before that frame is on disk.
    await group.journal.sync();
    if (group.journal.size - group.compactedSize > COMPACT_AFTER_BYTES && !group.compacting) {
      group.compacting = this.compact(group).finally(() => (group.compacting = null));
    }
  }

  /**
   * Metrics: locks that ran out are the releases with outcome EXPIRED plus the records archived by expiry at the
   * delivery limit. Archives found lazily inside acquire/acknowledge come from expired locks (or, rarely, from
   * records met at a lowered delivery limit, which are counted the same way).
   */
  private countLockExpiries(groupId: string, deltas: readonly ShareDelta[], archivedByExpiry: number): void {
    if (this.metrics === NO_METRICS) return;
    let expired = archivedByExpiry;
    for (const d of deltas) if (d.t === 'rel' && d.out === 'EXPIRED') expired += d.last - d.first + 1;
    if (expired > 0) this.metrics.shareLocksExpired(groupId, expired);
  }

  private async compact(group: GroupState): Promise<void> {
    const snapshot = Object.fromEntries([...group.partitions].map(([key, state]) => [key, state.snapshot()]));
    await group.journal.compact({ snapshot });
    group.compactedSize = group.journal.size;
  }
}
