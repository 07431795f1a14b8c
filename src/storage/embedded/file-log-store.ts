/**
 * The embedded LogStore: topics as directories under `<dataDir>/topics`, one PartitionLog per partition.
 *
 *   <dataDir>/topics/<topic>/topic.json          name, partition count, retention (written atomically)
 *   <dataDir>/topics/<topic>/<partition>/        segments (see src/log/)
 *   <dataDir>/trash/                             deleted topics on their way out
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Clock } from '../../clock.js';
import { ErrorCode, SharelogError, invalidArgument } from '../../errors.js';
import { fsyncDir, writeFileAtomic } from '../../log/atomic-file.js';
import type { FsyncPolicy } from '../../log/fsync-policy.js';
import { PartitionLog, type AppendOptions, type AppendResult } from '../../log/partition-log.js';
import type { RecordInput } from '../../log/record.js';
import { checkTopicLimits, validatePartitionCount, validateTopicName } from '../../log/topic-rules.js';
import { DEFAULT_LIMITS, type Limits } from '../../limits.js';
import type { LogStore, PartitionInfo, ReadResult, TopicConfig, TopicInfo } from '../types.js';
import type { SharelogMetrics } from '../../metrics/types.js';

export interface FileLogStoreOptions {
  dataDir: string;
  fsync: FsyncPolicy;
  segmentBytes: number;
  indexIntervalBytes: number;
  defaultTopicConfig: TopicConfig;
  /** How often retention is applied. */
  retentionCheckMs: number;
  clock: Clock;
  onWarning?: (message: string, details: Record<string, unknown>) => void;
  /** Instrumentation handed to every partition (fsync durations). */
  metrics?: SharelogMetrics;
  /** Server-wide topic and partition limits; DEFAULT_LIMITS when absent. */
  limits?: Pick<Limits, 'maxTopics' | 'maxTotalPartitions'>;
}

interface Topic {
  info: TopicInfo;
  dir: string;
  partitions: PartitionLog[];
}

const META_FILE = 'topic.json';

export class FileLogStore implements LogStore {
  private readonly topics = new Map<string, Topic>();
  private readonly topicsDir: string;
  private readonly timers: NodeJS.Timeout[] = [];
  private closed = false;

  private constructor(private readonly options: FileLogStoreOptions) {
    this.topicsDir = path.join(options.dataDir, 'topics');
  }

  /** Opens every topic under the data directory, recovering each partition. */
  static open(options: FileLogStoreOptions): FileLogStore {
    const store = new FileLogStore(options);
    fs.mkdirSync(store.topicsDir, { recursive: true });
    fs.rmSync(path.join(options.dataDir, 'trash'), { recursive: true, force: true });
    for (const name of fs.readdirSync(store.topicsDir)) {
      const dir = path.join(store.topicsDir, name);
      const metaFile = path.join(dir, META_FILE);
      if (!fs.existsSync(metaFile)) continue; // a creation that crashed before its metadata was written
      const info = JSON.parse(fs.readFileSync(metaFile, 'utf8')) as TopicInfo;
      const partitions: PartitionLog[] = [];
      for (let p = 0; p < info.partitions; p++) partitions.push(store.openPartition(dir, p));
      store.topics.set(info.name, { info, dir, partitions });
    }
    store.timers.push(setInterval(() => store.applyRetention(), options.retentionCheckMs).unref());
    if (options.fsync.mode === 'interval') {
      store.timers.push(setInterval(() => void store.flushAll(), options.fsync.intervalMs).unref());
    }
    return store;
  }

  private openPartition(topicDir: string, partition: number): PartitionLog {
    return PartitionLog.open(path.join(topicDir, String(partition)), {
      fsync: this.options.fsync,
      segmentBytes: this.options.segmentBytes,
      indexIntervalBytes: this.options.indexIntervalBytes,
      clock: this.options.clock,
      onWarning: this.options.onWarning,
      metrics: this.options.metrics,
    });
  }

  async createTopic(name: string, partitions: number, config: Partial<TopicConfig> = {}): Promise<TopicInfo> {
    this.throwIfClosed();
    validateTopicName(name);
    validatePartitionCount(partitions);
    const resolved = resolveTopicConfig(config, this.options.defaultTopicConfig);
    if (this.topics.has(name)) throw new SharelogError(ErrorCode.TOPIC_EXISTS, `topic "${name}" already exists`);
    checkTopicLimits(this.totals(), { topics: 1, partitions }, this.options.limits ?? DEFAULT_LIMITS);
    const dir = path.join(this.topicsDir, name);
    fs.rmSync(dir, { recursive: true, force: true }); // leftovers of a creation that crashed half way
    fs.mkdirSync(dir);
    const info: TopicInfo = { name, partitions, config: resolved };
    const logs: PartitionLog[] = [];
    for (let p = 0; p < partitions; p++) logs.push(this.openPartition(dir, p));
    writeFileAtomic(path.join(dir, META_FILE), JSON.stringify(info));
    fsyncDir(this.topicsDir);
    this.topics.set(name, { info, dir, partitions: logs });
    return info;
  }

  async deleteTopic(name: string): Promise<void> {
    this.throwIfClosed();
    const topic = this.topic(name);
    // Move the directory away before any await, so a CreateTopic of the same name right after cannot lose
    // its new directory to this deletion. Open files keep working after the rename. The trash entry is named
    // without the topic name: a 249-character name plus a suffix would pass the file system's 255-byte limit.
    const trash = path.join(this.options.dataDir, 'trash');
    fs.mkdirSync(trash, { recursive: true });
    const target = path.join(trash, randomUUID());
    fs.renameSync(topic.dir, target);
    this.topics.delete(name);
    fsyncDir(this.topicsDir);
    await Promise.all(topic.partitions.map((p) => p.close()));
    fs.rmSync(target, { recursive: true, force: true });
  }

  async createPartitions(name: string, total: number): Promise<TopicInfo> {
    this.throwIfClosed();
    const topic = this.topic(name);
    validatePartitionCount(total);
    if (total < topic.info.partitions) {
      throw invalidArgument(`topic "${name}" has ${topic.info.partitions} partitions; partitions can grow, never shrink`);
    }
    checkTopicLimits(this.totals(), { topics: 0, partitions: total - topic.info.partitions }, this.options.limits ?? DEFAULT_LIMITS);
    for (let p = topic.info.partitions; p < total; p++) topic.partitions.push(this.openPartition(topic.dir, p));
    topic.info = { ...topic.info, partitions: total };
    writeFileAtomic(path.join(topic.dir, META_FILE), JSON.stringify(topic.info));
    return topic.info;
  }

  async listTopics(): Promise<TopicInfo[]> {
    return [...this.topics.values()].map((t) => t.info).sort((a, b) => a.name.localeCompare(b.name));
  }

  async getTopic(name: string): Promise<TopicInfo> {
    return this.topic(name).info;
  }

  async describePartitions(name: string): Promise<PartitionInfo[]> {
    return this.topic(name).partitions.map((log, partition) => ({
      partition,
      startOffset: log.logStartOffset,
      endOffset: log.highWatermark,
      sizeBytes: log.sizeInBytes,
    }));
  }

  append(topic: string, partition: number, records: readonly RecordInput[], options?: AppendOptions): Promise<AppendResult> {
    try {
      return this.partition(topic, partition).append(records, options);
    } catch (err) {
      return Promise.reject(err);
    }
  }

  async read(topic: string, partition: number, offset: number, maxRecords: number, maxBytes: number): Promise<ReadResult> {
    const log = this.partition(topic, partition);
    const records = log.read(offset, maxRecords, maxBytes);
    return { records, highWatermark: log.highWatermark, logStartOffset: log.logStartOffset };
  }

  async offsets(topic: string, partition: number): Promise<{ logStartOffset: number; highWatermark: number }> {
    const log = this.partition(topic, partition);
    return { logStartOffset: log.logStartOffset, highWatermark: log.highWatermark };
  }

  async offsetForTimestamp(topic: string, partition: number, timestampMs: number): Promise<number> {
    return this.partition(topic, partition).offsetForTimestamp(timestampMs);
  }

  waitForData(topic: string, partition: number, offset: number, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    try {
      return this.partition(topic, partition).waitForData(offset, timeoutMs, signal);
    } catch (err) {
      return Promise.reject(err);
    }
  }

  onData(topic: string, partition: number, listener: () => void): () => void {
    return this.partition(topic, partition).onHighWatermark(() => listener());
  }

  /** Applies every topic's retention now (also run on a timer). */
  applyRetention(): number {
    let deleted = 0;
    for (const topic of this.topics.values()) {
      const { retentionMs, retentionBytes } = topic.info.config;
      for (const log of topic.partitions) {
        try {
          deleted += log.applyRetention(retentionMs, retentionBytes);
        } catch (err) {
          this.options.onWarning?.('retention failed', { dir: log.dir, error: String(err) });
        }
      }
    }
    return deleted;
  }

  async flushAll(): Promise<void> {
    const logs = [...this.topics.values()].flatMap((t) => t.partitions);
    await Promise.all(logs.map((log) => log.flush().catch(() => undefined)));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const timer of this.timers) clearInterval(timer);
    const logs = [...this.topics.values()].flatMap((t) => t.partitions);
    await Promise.all(logs.map((log) => log.close()));
  }

  /** Topics and partitions now, for the server-wide limits. */
  private totals(): { topics: number; partitions: number } {
    let partitions = 0;
    for (const t of this.topics.values()) partitions += t.info.partitions;
    return { topics: this.topics.size, partitions };
  }

  private topic(name: string): Topic {
    const topic = this.topics.get(name);
    if (!topic) throw new SharelogError(ErrorCode.TOPIC_NOT_FOUND, `topic "${name}" does not exist`);
    return topic;
  }

  private partition(topicName: string, partition: number): PartitionLog {
    const topic = this.topic(topicName);
    const log = Number.isInteger(partition) && partition >= 0 ? topic.partitions[partition] : undefined;
    if (!log) {
      throw new SharelogError(
        ErrorCode.PARTITION_NOT_FOUND,
        `topic "${topicName}" has partitions 0..${topic.info.partitions - 1}; partition ${partition} does not exist`,
      );
    }
    return log;
  }

  private throwIfClosed(): void {
    if (this.closed) throw new SharelogError(ErrorCode.SHUTTING_DOWN, 'the log store is closed', { retriable: true });
  }
}

export function resolveTopicConfig(config: Partial<TopicConfig>, defaults: TopicConfig): TopicConfig {
  const pick = (value: number | undefined, fallback: number, field: string): number => {
    if (value === undefined || value === 0) return fallback;
    if (!Number.isSafeInteger(value) || value < -1) throw invalidArgument(`${field} must be -1 (unlimited), 0 (server default) or positive, got ${value}`);
    return value;
  };
  return {
    retentionMs: pick(config.retentionMs, defaults.retentionMs, 'retention_ms'),
    retentionBytes: pick(config.retentionBytes, defaults.retentionBytes, 'retention_bytes'),
  };
}
