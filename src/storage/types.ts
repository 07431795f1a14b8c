/**
 * The storage seam. Coordinators and the API layer see only these interfaces; the embedded backend (files under
 * a data directory) and the redis backend implement them. Everything is async so a networked backend fits.
 */
import type { AppendOptions, AppendResult } from '../log/partition-log.js';
import type { RecordInput, StoredRecord } from '../log/record.js';

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
