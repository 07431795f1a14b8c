/**
 * The storage seam. Coordinators and the API layer see only these interfaces; the embedded backend (files under
 * a data directory) and the redis backend implement them. Everything is async so a networked backend fits.
 */
import type { AppendOptions, AppendResult } from '../log/partition-log.js';
import type { RecordInput, StoredRecord } from '../log/record.js';
import type {
  AckRange,
  AckResult,
  AcquiredBatch,
  ArchivedRecord,
  InspectedRecord,
  ReleaseResult,
  ShareCounts,
} from '../ack-tracker/index.js';
import type { ShareGroupConfig } from '../share-group/config.js';

export type { AppendOptions, AppendResult, RecordInput, StoredRecord };

export interface TopicConfig {
  /** Records older than this are deleted, whole segments at a time; -1 keeps them forever. */
  retentionMs: number;
  /** A partition is trimmed, oldest segments first, while it holds more than this; -1 is no limit. */
  retentionBytes: number;
}

export interface TopicInfo {
  name: string;
  partitions: number;
  config: TopicConfig;
}

export interface PartitionInfo {
  partition: number;
  startOffset: number;
  endOffset: number;
  sizeBytes: number;
}

export interface ReadResult {
  records: StoredRecord[];
  highWatermark: number;
  logStartOffset: number;
}

export interface LogStore {
  createTopic(name: string, partitions: number, config?: Partial<TopicConfig>): Promise<TopicInfo>;
  deleteTopic(name: string): Promise<void>;
  /** Grows a topic to `total` partitions; fewer than now is refused. */
  createPartitions(name: string, total: number): Promise<TopicInfo>;
  listTopics(): Promise<TopicInfo[]>;
  /** Throws TOPIC_NOT_FOUND. */
  getTopic(name: string): Promise<TopicInfo>;
  describePartitions(name: string): Promise<PartitionInfo[]>;
  append(topic: string, partition: number, records: readonly RecordInput[], options?: AppendOptions): Promise<AppendResult>;
  read(topic: string, partition: number, offset: number, maxRecords: number, maxBytes: number): Promise<ReadResult>;
  offsets(topic: string, partition: number): Promise<{ logStartOffset: number; highWatermark: number }>;
  offsetForTimestamp(topic: string, partition: number, timestampMs: number): Promise<number>;
  /** Resolves when data at `offset` is readable, or after timeoutMs, or when the signal aborts. */
  waitForData(topic: string, partition: number, offset: number, timeoutMs: number, signal?: AbortSignal): Promise<void>;
  /** Calls `listener` whenever new records of the partition become readable. Returns the unsubscribe function. */
  onData(topic: string, partition: number, listener: () => void): () => void;
  close(): Promise<void>;
}

export interface TopicPartition {
  topic: string;
  partition: number;
}

export interface StoredShareGroup {
  groupId: string;
  config: ShareGroupConfig;
}

export interface SharePartitionSummary extends TopicPartition {
  startOffset: number;
  endOffset: number;
  counts: ShareCounts;
}

/** Receives records a share-partition archived, before the archive is made durable (dead-letter copies). */
export type ArchivedHandler = (
  groupId: string,
  config: ShareGroupConfig,
  tp: TopicPartition,
  archived: readonly ArchivedRecord[],
) => Promise<void>;

/** Tells acquire() to read the log's bounds itself (ShareStateStore.readsLogBounds). */
export const LOG_END_FROM_LOG = -1;

/**
 * Durable state of share groups: their config and, per share-partition, the in-flight record states of
 * src/ack-tracker. Every mutating call is atomic per share-partition and durable when it resolves.
 */
export interface ShareStateStore {
  loadGroups(): Promise<StoredShareGroup[]>;
  /** Creates the group or replaces its config; the new config applies to the next acquisition at once. */
  saveGroup(groupId: string, config: ShareGroupConfig): Promise<void>;
  deleteGroup(groupId: string): Promise<void>;
  setArchivedHandler(handler: ArchivedHandler): void;
  /** Share-partitions the group has state for. */
  partitions(groupId: string): Promise<TopicPartition[]>;
  hasPartition(groupId: string, tp: TopicPartition): Promise<boolean>;
  /** Creates the share-partition starting at startOffset unless it exists; true when it was created. */
  ensurePartition(groupId: string, tp: TopicPartition, startOffset: number): Promise<boolean>;
  dropPartition(groupId: string, tp: TopicPartition): Promise<void>;
  /**
   * True when acquire() takes LOG_END_FROM_LOG as its log end offset: the store then reads the log's start and
   * end itself, atomically with the acquisition, and first moves the share-partition's start past records that
   * retention removed (as advanceStart). The redis backend: one round trip instead of three.
   */
  readonly readsLogBounds: boolean;
  acquire(...args: AcquireArgs): Promise<AcquiredBatch[]>;
  /**
   * acquire() in two steps, for stores that make an acquisition durable after making it (the embedded journal):
   * resolves once the records are acquired, with `durable`, which resolves once that is on disk. The caller reads
   * the records from the log meanwhile and hands them out only after `durable`, so the read overlaps the fsync.
   * Stores whose acquisitions are durable when acquire() returns leave it out.
   */
  acquireStaged?(...args: AcquireArgs): Promise<StagedAcquisition>;
  acknowledge(groupId: string, tp: TopicPartition, memberId: string, ranges: readonly AckRange[]): Promise<AckResult[]>;
  releaseMember(groupId: string, tp: TopicPartition, memberId: string): Promise<ReleaseResult>;
  /** Expires every overdue lock of the group; returns how many records changed. */
  expire(groupId: string): Promise<number>;
  /**
   * The earliest lock deadline or delayed-release time over all groups, for one wake-up timer; undefined when
   * the store does not know it cheaply (the coordinator's periodic sweep then drives expiry).
   */
  nextDeadline(): number | undefined;
  /** Cheap hint for long-poll wake-ups: false only when an acquire would certainly find nothing. */
  hasAcquirable(groupId: string, tp: TopicPartition, logEndOffset: number): boolean;
  /**
   * Calls `listener` when another server made records of a group acquirable again (release, expiry, a member
   * leaving). Stores that only one server uses never call it: the coordinator wakes its own fetches.
   */
  onRecordsAvailable(listener: (groupId: string) => void): void;
  /** Calls `listener` when another server changed a group's config or deleted the group. */
  onGroupChanged(listener: (groupId: string) => void): void;
  describe(groupId: string, tp: TopicPartition): Promise<SharePartitionSummary>;
  acquiredBy(groupId: string, memberId: string): Promise<number>;
  inspect(groupId: string, tp: TopicPartition, first: number, last: number, logEndOffset: number): Promise<InspectedRecord[]>;
  reset(groupId: string, tp: TopicPartition, offset: number): Promise<void>;
  /** The log's start offset moved past the share-partition's start (retention). */
  advanceStart(groupId: string, tp: TopicPartition, logStartOffset: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * What acquire() and acquireStaged() take. `logEndOffset`: records at and beyond it are not acquired;
 * LOG_END_FROM_LOG only for stores that readsLogBounds.
 */
export type AcquireArgs = [
  groupId: string,
  tp: TopicPartition,
  memberId: string,
  maxRecords: number,
  logEndOffset: number,
  keyOf?: (offset: number) => string | null,
];

export interface StagedAcquisition {
  batches: AcquiredBatch[];
  /** Resolves once the acquisition is durable; rejects if it cannot be made so (then nothing may be handed out). */
  durable: Promise<void>;
}

export interface StoredOffset {
  topic: string;
  partition: number;
  offset: number;
  metadata: string;
}

/** Durable state of consumer groups: which groups exist and their committed offsets. */
export interface ConsumerGroupStore {
  loadGroups(): Promise<Array<{ groupId: string; offsets: StoredOffset[] }>>;
  createGroup(groupId: string): Promise<void>;
  /** Durable when it resolves; all offsets of one call land together. */
  commit(groupId: string, offsets: readonly StoredOffset[]): Promise<void>;
  /** Removes the group's committed offsets of `topic` (the topic was deleted); durable when it resolves. */
  dropTopic(groupId: string, topic: string): Promise<void>;
  deleteGroup(groupId: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * A group's membership as one server holds it: the shared part (members, epochs, assignments) can be exported
 * and replaced by a newer stored copy; callbacks and other per-server parts stay.
 */
export interface SyncedGroup {
  /** `share:<group id>` or `consumer:<group id>`. */
  readonly syncKey: string;
  /** Version of the stored state this copy was last loaded from or saved as; 0 before either, -1 to force a load. */
  syncVersion: number;
  exportState(): string;
  /** Replaces the shared part with a newer stored state, keeping what is local to this server. */
  importState(state: string): void;
}

/**
 * Where group membership lives. Embedded: in the one server's memory, so `run` just runs the change. Redis: each
 * change runs on the newest stored state and is saved with a compare-and-set on its version (a Lua script),
 * retried on a conflict, so membership changes made through different servers never overwrite each other.
 */
export interface GroupSync {
  /** True when other servers share the groups (the redis backend). */
  readonly shared: boolean;
  /** Runs one membership change (the caller serialises changes per group on this server). */
  run<T>(group: SyncedGroup, change: () => Promise<T>): Promise<T>;
  /** Loads a newer stored state, if any; true when one was imported. */
  refresh(group: SyncedGroup): Promise<boolean>;
  /**
   * Notes that a member was active through this server between heartbeats (a fetch or an acknowledgement), so
   * other servers do not time its session out. Cheap and throttled; best effort.
   */
  touch(group: SyncedGroup, memberId: string, now: number): void;
  /** The last activity noted by touch (on any server) of the given members; forgets that of anyone else. */
  lastActive(group: SyncedGroup, memberIds: readonly string[]): Promise<Map<string, number>>;
  /** Forgets the stored state of a deleted group. */
  remove(group: SyncedGroup): Promise<void>;
  /** Calls `listener` with the sync key of a group another server changed. */
  onChange(listener: (syncKey: string) => void): void;
  close(): Promise<void>;
}
