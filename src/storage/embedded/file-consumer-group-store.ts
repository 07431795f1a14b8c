/**
 * The embedded ConsumerGroupStore: per group, a CRC-framed journal of offset commits (the journal of
 * src/ack-tracker), compacted into one snapshot frame when it grows.
 *
 *   <dataDir>/consumer-groups/<groupDirName(group id)>/offsets     frames {"groupId"} | {"commit": [...]} | {"snapshot": [...]}
 */
import fs from 'node:fs';
import path from 'node:path';
import { groupDirName } from './group-dir.js';
import { JournalFile } from '../../ack-tracker/index.js';
import { ErrorCode, SharelogError } from '../../errors.js';
import type { FsyncPolicy } from '../../log/fsync-policy.js';
import type { ConsumerGroupStore, StoredOffset } from '../types.js';
import { NO_METRICS, type SharelogMetrics } from '../../metrics/types.js';

type OffsetsFrame = { groupId: string } | { commit: StoredOffset[] } | { groupId: string; snapshot: StoredOffset[] };

function isOffsetsFrame(value: unknown): value is OffsetsFrame {
  const v = value as Record<string, unknown>;
  return typeof value === 'object' && value !== null && (typeof v.groupId === 'string' || Array.isArray(v.commit) || Array.isArray(v.snapshot));
}

const COMPACT_AFTER_BYTES = 4 * 1024 * 1024;

interface GroupFile {
  dir: string;
  journal: JournalFile<OffsetsFrame>;
  offsets: Map<string, StoredOffset>;
  compactedSize: number;
}

export class FileConsumerGroupStore implements ConsumerGroupStore {
  private readonly groups = new Map<string, GroupFile>();

  private readonly onSync: (seconds: number) => void;

  private constructor(
    private readonly root: string,
    metrics: SharelogMetrics,
    private readonly fsync: FsyncPolicy,
  ) {
    this.onSync = (seconds) => metrics.journalSynced('consumer_group', seconds);
  }

  /** `fsync` is the server's policy, applied to commits as FileShareStateStore applies it to share-group changes. */
  static async open(dataDir: string, metrics: SharelogMetrics = NO_METRICS, fsync: FsyncPolicy = { mode: 'always' }): Promise<FileConsumerGroupStore> {
    const store = new FileConsumerGroupStore(path.join(dataDir, 'consumer-groups'), metrics, fsync);
    fs.mkdirSync(store.root, { recursive: true });
    for (const name of fs.readdirSync(store.root)) {
      const dir = path.join(store.root, name);
      const { journal, frames } = await JournalFile.open<OffsetsFrame>(path.join(dir, 'offsets'), { isFrame: isOffsetsFrame, fsync, onSync: store.onSync });
      let groupId: string | undefined;
      const offsets = new Map<string, StoredOffset>();
      for (const frame of frames as Array<Partial<{ groupId: string; commit: StoredOffset[]; snapshot: StoredOffset[] }>>) {
        if (frame.groupId !== undefined) groupId = frame.groupId;
        if (frame.snapshot) offsets.clear();
        for (const o of frame.snapshot ?? frame.commit ?? []) offsets.set(`${o.topic}/${o.partition}`, o);
      }
      if (groupId === undefined) {
        await journal.close(); // a creation that crashed before its first frame was durable
        fs.rmSync(dir, { recursive: true, force: true });
        continue;
      }
      store.groups.set(groupId, { dir, journal, offsets, compactedSize: journal.size });
    }
    return store;
  }

  async loadGroups(): Promise<Array<{ groupId: string; offsets: StoredOffset[] }>> {
    return [...this.groups].map(([groupId, g]) => ({ groupId, offsets: [...g.offsets.values()] }));
  }

  async createGroup(groupId: string): Promise<void> {
    if (this.groups.has(groupId)) return;
    const dir = path.join(this.root, groupDirName(groupId));
    fs.mkdirSync(dir, { recursive: true });
    const { journal } = await JournalFile.open<OffsetsFrame>(path.join(dir, 'offsets'), { isFrame: isOffsetsFrame, fsync: this.fsync, onSync: this.onSync });
    journal.append({ groupId });
    await journal.sync();
    this.groups.set(groupId, { dir, journal, offsets: new Map(), compactedSize: journal.size });
  }

  async commit(groupId: string, offsets: readonly StoredOffset[]): Promise<void> {
    const group = this.group(groupId);
    group.journal.append({ commit: [...offsets] });
    await group.journal.sync();
    for (const o of offsets) group.offsets.set(`${o.topic}/${o.partition}`, { ...o });
    if (group.journal.size - group.compactedSize > COMPACT_AFTER_BYTES) await this.compact(groupId, group);
  }

  /** Rare (a topic deletion): the remaining offsets are written as one snapshot frame rather than a new frame kind. */
  async dropTopic(groupId: string, topic: string): Promise<void> {
    const group = this.group(groupId);
    const gone = [...group.offsets.values()].filter((o) => o.topic === topic);
    if (gone.length === 0) return;
    for (const o of gone) group.offsets.delete(`${o.topic}/${o.partition}`);
    await this.compact(groupId, group);
  }

  /** Replaces the journal with one snapshot of the group's offsets. */
  private async compact(groupId: string, group: GroupFile): Promise<void> {
    // The snapshot frame carries the group id too, so a compacted file still names its group.
    await group.journal.compact({ groupId, snapshot: [...group.offsets.values()] });
    group.compactedSize = group.journal.size;
  }

  async deleteGroup(groupId: string): Promise<void> {
    const group = this.group(groupId);
    this.groups.delete(groupId);
    await group.journal.close();
    fs.rmSync(group.dir, { recursive: true, force: true });
  }

  async close(): Promise<void> {
    for (const group of this.groups.values()) await group.journal.close();
    this.groups.clear();
  }

  private group(groupId: string): GroupFile {
    const group = this.groups.get(groupId);
    if (!group) throw new SharelogError(ErrorCode.GROUP_NOT_FOUND, `consumer group "${groupId}" does not exist`);
    return group;
  }
}
