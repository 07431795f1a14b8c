/**
 * The LogStore over Redis (single server or Cluster): each partition is a stream of record batches, one entry per
 * batch, whose id `0-<base offset + 1>` makes offsets dense and look-ups by offset one XREVRANGE. Batches are
 * encoded by the server (src/log/record-batch.ts, CRC-32C included) with base offset 0; the entry id carries the
 * real base, which the CRC does not cover. Appends, idempotence checks and retention are Lua scripts, atomic per
 * partition (all of a partition's keys share one hash tag). New-data wake-ups reach every server through pub/sub.
 *
 * Durability is Redis's: an append is acknowledged once Redis has executed it; with `appendonly yes` and
 * `appendfsync always` that means fsynced, with `everysec` up to a second can be lost on a Redis crash.
 */
import type { Cluster, Redis } from 'ioredis';
import type { Clock } from '../../clock.js';
import { ErrorCode, SharelogError, invalidArgument } from '../../errors.js';
import { decodeRecords, encodeBatch, readBatchHeader } from '../../log/record-batch.js';
import type { RecordInput, StoredRecord } from '../../log/record.js';
import { SEQUENCES_KEPT } from '../../log/producer-state.js';
import { validatePartitionCount, validateTopicName } from '../../log/topic-rules.js';
import { waitForEvent } from '../../log/wait.js';
import { resolveTopicConfig } from '../embedded/file-log-store.js';
import type { AppendOptions, AppendResult, LogStore, PartitionInfo, ReadResult, TopicConfig, TopicInfo } from '../types.js';
import { DATA_CHANNEL_PATTERN, dataChannel, partitionKeys, topicsKey } from './keys.js';
import { defineScripts } from './scripts.js';
import { connectRedis } from './connection.js';
import { EntryCache, type CachedEntry } from './entry-cache.js';

export interface RedisLogStoreOptions {
  /** `redis://host:port`, or comma-separated `host:port` seeds of a Redis Cluster. */
  url: string;
  defaultTopicConfig: TopicConfig;
  retentionCheckMs: number;
  clock: Clock;
}

/** Stream entries read per round trip when a read spans batches (a batch may hold thousands of records). */
const ENTRIES_PER_READ = 32;
/** A read that needs more batches asks for 1, then 2, 4, ... up to ENTRIES_PER_READ: no megabytes for 100 records. */
const FIRST_FOLLOW_UP = 1;

/** Bytes of recently read batches a server keeps (each share-group read takes ~100 records of a batch). */
const ENTRY_CACHE_BYTES = 32 * 1024 * 1024;

const idOf = (base: number) => `0-${base + 1}`;
const baseOf = (id: string) => Number(id.slice(2)) - 1;

export class RedisLogStore implements LogStore {
  private readonly redis: Redis | Cluster;
  private readonly subscriber: Redis | Cluster;
  private readonly listeners = new Map<string, Set<(end: number) => void>>();
  private readonly timer: NodeJS.Timeout;
  /** Batches read recently, so the next read of the same batch skips the round trip for it (entry-cache.ts). */
  private readonly entries = new EntryCache(ENTRY_CACHE_BYTES);
  /** Per partition, the read fetching a batch now (settled once the batch is in `entries`). */
  private readonly fetching = new Map<string, Promise<void>>();

  private constructor(private options: RedisLogStoreOptions) {
    this.redis = connectRedis(options.url);
    defineScripts(this.redis);
    this.subscriber = this.redis.duplicate();
    this.subscriber.on('pmessage', (_pattern: string, channel: string, message: string) => {
      for (const listener of this.listeners.get(channel) ?? []) listener(Number(message));
    });
    this.timer = setInterval(() => void this.applyRetention().catch(() => undefined), options.retentionCheckMs);
    this.timer.unref();
  }

  /** Switches to the backend's clock once it exists (it is measured over this store's connection). */
  useClock(clock: Clock): void {
    this.options = { ...this.options, clock };
  }

  /** The connection, for the other redis stores of the same backend. */
  get connection(): Redis | Cluster {
    return this.redis;
  }

  static async open(options: RedisLogStoreOptions): Promise<RedisLogStore> {
    const store = new RedisLogStore(options);
    await store.subscriber.psubscribe(DATA_CHANNEL_PATTERN);
    return store;
  }

  async createTopic(name: string, partitions: number, config: Partial<TopicConfig> = {}): Promise<TopicInfo> {
    validateTopicName(name);
    validatePartitionCount(partitions);
    const info: TopicInfo = { name, partitions, config: resolveTopicConfig(config, this.options.defaultTopicConfig) };
    if ((await this.redis.hsetnx(topicsKey(), name, JSON.stringify(info))) === 0) {
      throw new SharelogError(ErrorCode.TOPIC_EXISTS, `topic "${name}" already exists`);
    }
    return info;
  }

  async deleteTopic(name: string): Promise<void> {
    const info = await this.getTopic(name);
    await this.redis.hdel(topicsKey(), name);
    for (let p = 0; p < info.partitions; p++) {
      const keys = partitionKeys(name, p);
      await this.redis.del(keys.meta, keys.log, keys.producers);
    }
  }

  async createPartitions(name: string, total: number): Promise<TopicInfo> {
    validatePartitionCount(total);
    try {
      return JSON.parse(await this.redis.sharelog_grow_topic_v1(topicsKey(), name, total)) as TopicInfo;
    } catch (err) {
      const message = (err as Error).message;
      if (message.startsWith('TOPIC_NOT_FOUND')) throw new SharelogError(ErrorCode.TOPIC_NOT_FOUND, `topic "${name}" does not exist`);
      if (message.startsWith('SHRINK')) {
        throw invalidArgument(`topic "${name}" has ${message.split(' ')[1]} partitions; partitions can grow, never shrink`);
      }
      throw err;
    }
  }

  async listTopics(): Promise<TopicInfo[]> {
    const all = await this.redis.hgetall(topicsKey());
    return Object.values(all)
      .map((json) => JSON.parse(json) as TopicInfo)
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  async getTopic(name: string): Promise<TopicInfo> {
    const json = await this.redis.hget(topicsKey(), name);
    if (!json) throw new SharelogError(ErrorCode.TOPIC_NOT_FOUND, `topic "${name}" does not exist`);
    return JSON.parse(json) as TopicInfo;
  }

  async describePartitions(name: string): Promise<PartitionInfo[]> {
    const info = await this.getTopic(name);
    const out: PartitionInfo[] = [];
    for (let partition = 0; partition < info.partitions; partition++) {
      const [next, start, size] = await this.redis.hmget(partitionKeys(name, partition).meta, 'next', 'start', 'size');
      out.push({ partition, startOffset: Number(start ?? 0), endOffset: Number(next ?? 0), sizeBytes: Number(size ?? 0) });
    }
    return out;
  }

  async append(topic: string, partition: number, records: readonly RecordInput[], options: AppendOptions = {}): Promise<AppendResult> {
    await this.checkPartition(topic, partition);
    const encoded = encodeBatch(records, {
      baseOffset: 0,
      appendTimeMs: this.options.clock.now(),
      producerId: options.producerId,
      sequence: options.sequence,
    });
    const keys = partitionKeys(topic, partition);
    try {
      const [base, duplicate] = await this.redis.sharelog_append_v1(
        keys.meta,
        keys.log,
        keys.producers,
        encoded.bytes,
        records.length,
        encoded.maxTimestamp,
        options.producerId ?? '',
        options.sequence ?? -1,
        dataChannel(topic, partition),
        SEQUENCES_KEPT,
      );
      return { baseOffset: Number(base), duplicate: Number(duplicate) === 1 };
    } catch (err) {
      const message = (err as Error).message;
      if (message.startsWith('OUT_OF_ORDER_SEQUENCE')) {
        throw new SharelogError(
          ErrorCode.OUT_OF_ORDER_SEQUENCE,
          `producer ${options.producerId}: sequence ${options.sequence} is older than the last appended sequence ${message.split(' ')[1]} and not among the ${SEQUENCES_KEPT} most recent`,
        );
      }
      throw new SharelogError(ErrorCode.BACKEND_UNAVAILABLE, `redis append failed: ${message}`, { cause: err, retriable: true });
    }
  }

  async read(topic: string, partition: number, offset: number, maxRecords: number, maxBytes: number): Promise<ReadResult> {
    const keys = partitionKeys(topic, partition);
    const partitionKey = `${topic}/${partition}`;
    let cached = this.entries.find(partitionKey, offset);
    // Another read of this partition is fetching a batch: most likely this one (a group's members read the same
    // batch side by side), so wait for it rather than fetch the batch again.
    const fetching = cached ? undefined : this.fetching.get(partitionKey);
    const fetchFirst = !cached && !fetching;
    let release: (() => void) | undefined;
    if (fetchFirst) this.fetching.set(partitionKey, new Promise<void>((resolve) => (release = resolve)));
    const done = () => {
      if (release === undefined) return;
      this.fetching.delete(partitionKey);
      release();
      release = undefined;
    };
    try {
      // The partition's bounds and its entry at `offset` share a slot: one pipeline, one write to the socket (each
      // write is a system call, which cost the server more than anything Redis did for it).
      const pipeline = this.redis.pipeline().hmget(keys.meta, 'next', 'start', 'born');
      if (fetchFirst) pipeline.xrevrangeBuffer(keys.log, idOf(offset), '-', 'COUNT', 1);
      const replies = (await pipeline.exec())!;
      const [boundsError, bounds] = replies[0] as [Error | null, Array<string | null>];
      if (boundsError) throw boundsError;
      // born: the partition's incarnation stamp (null: not stamped, written by an older version).
      const [next, start, born] = bounds;
      // No meta hash: the partition never had an append, or it (or its topic) does not exist. Only this rare case
      // pays for the topic look-up that tells them apart.
      if (next === null) await this.checkPartition(topic, partition);
      const logStartOffset = Number(start ?? 0);
      const highWatermark = Number(next ?? 0);
      if (offset < logStartOffset || offset > highWatermark) {
        throw new SharelogError(
          ErrorCode.OFFSET_OUT_OF_RANGE,
          `offset ${offset} is outside [log_start_offset ${logStartOffset}, high_watermark ${highWatermark}]`,
        );
      }
      if (offset === highWatermark) return { records: [], highWatermark, logStartOffset };
      if (fetching) {
        await fetching;
        cached = this.entries.find(partitionKey, offset);
      }
      let entries: CachedEntry[];
      if (cached && cached.born === born) {
        entries = [cached];
      } else {
        if (cached) this.entries.dropPartition(partitionKey);
        let raw: Array<[Buffer, Buffer[]]>;
        if (fetchFirst) {
          const [firstError, first] = replies[1] as [Error | null, Array<[Buffer, Buffer[]]>];
          if (firstError) throw firstError;
          raw = first;
        } else {
          raw = await this.redis.xrevrangeBuffer(keys.log, idOf(offset), '-', 'COUNT', 1);
        }
        entries = this.toEntries(partitionKey, born, raw);
      }
      done();
      return await this.decode({ partitionKey, log: keys.log, born }, entries, offset, maxRecords, maxBytes, { logStartOffset, highWatermark });
    } finally {
      done();
    }
  }

  /** Decodes records from `entries` on, fetching the entries after them while more records are wanted. */
  private async decode(
    { partitionKey, log, born }: { partitionKey: string; log: string; born: string | null },
    first: CachedEntry[],
    offset: number,
    maxRecords: number,
    maxBytes: number,
    { logStartOffset, highWatermark }: { logStartOffset: number; highWatermark: number },
  ): Promise<ReadResult> {
    const records: StoredRecord[] = [];
    let entries = first;
    let bytes = 0;
    let next = FIRST_FOLLOW_UP;
    while (entries.length > 0 && records.length < maxRecords) {
      for (const entry of entries) {
        if (records.length >= maxRecords || (records.length > 0 && bytes + entry.batch.length > maxBytes)) return { records, highWatermark, logStartOffset };
        bytes += entry.batch.length;
        const from = Math.max(offset, entry.base);
        const resume = entry.resume && entry.resume.offset <= from ? entry.resume.cursor : undefined;
        const decodedBefore = records.length;
        const cursor = decodeRecords(entry.batch, 0, entry.header, records, offset, maxRecords - records.length, resume);
        if (records.length > decodedBefore) entry.resume = { offset: records[records.length - 1].offset + 1, cursor };
      }
      if (records.length >= maxRecords) break;
      const lastId = idOf(entries[entries.length - 1].base);
      entries = this.toEntries(partitionKey, born, await this.redis.xrangeBuffer(log, `(${lastId}`, '+', 'COUNT', next));
      next = Math.min(ENTRIES_PER_READ, next * 2);
    }
    return { records, highWatermark, logStartOffset };
  }

  /** Checks each stream entry's batch (CRC included) once, and keeps it for the reads that follow. */
  private toEntries(partitionKey: string, born: string | null, raw: Array<[Buffer, Buffer[]]>): CachedEntry[] {
    return raw.map(([id, fields]) => {
      const batch = fieldOf(fields, 'b');
      const base = baseOf(id.toString());
      const header = { ...readBatchHeader(batch, 0), baseOffset: base };
      const entry: CachedEntry = { born: born ?? '', base, end: base + header.recordCount, batch, header };
      if (born !== null) this.entries.add(partitionKey, entry);
      return entry;
    });
  }

  async offsets(topic: string, partition: number): Promise<{ logStartOffset: number; highWatermark: number }> {
    const [next, start] = await this.redis.hmget(partitionKeys(topic, partition).meta, 'next', 'start');
    // A partition nothing was appended to has no meta hash yet: tell it apart from a missing one (TOPIC_NOT_FOUND,
    // PARTITION_NOT_FOUND) only on this rare path.
    if (next === null) await this.checkPartition(topic, partition);
    return { logStartOffset: Number(start ?? 0), highWatermark: Number(next ?? 0) };
  }

  async offsetForTimestamp(topic: string, partition: number, timestampMs: number): Promise<number> {
    await this.checkPartition(topic, partition);
    const keys = partitionKeys(topic, partition);
    let from = '-';
    for (;;) {
      const entries = await this.redis.xrangeBuffer(keys.log, from, '+', 'COUNT', ENTRIES_PER_READ);
      if (entries.length === 0) return (await this.offsets(topic, partition)).highWatermark;
      for (const [id, fields] of entries) {
        if (Number(fieldOf(fields, 't').toString()) < timestampMs) continue;
        const batch = fieldOf(fields, 'b');
        const out: StoredRecord[] = [];
        decodeRecords(batch, 0, { ...readBatchHeader(batch, 0), baseOffset: baseOf(id.toString()) }, out);
        const found = out.find((r) => r.timestampMs >= timestampMs);
        if (found) return found.offset;
      }
      from = `(${entries[entries.length - 1][0].toString()}`;
    }
  }

  async waitForData(topic: string, partition: number, offset: number, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    await waitForEvent(
      (wake) => {
        const unsubscribe = this.subscribe(topic, partition, (end) => {
          if (end > offset) wake();
        });
        // Data may have arrived before the subscription: look once after subscribing.
        void this.offsets(topic, partition).then(({ highWatermark }) => highWatermark > offset && wake(), () => undefined);
        return unsubscribe;
      },
      timeoutMs,
      signal,
    );
  }


  onData(topic: string, partition: number, listener: () => void): () => void {
    return this.subscribe(topic, partition, () => listener());
  }

  /** Applies every topic's retention now (also on a timer; any server may run it, it is idempotent). */
  async applyRetention(): Promise<number> {
    let deleted = 0;
    const now = this.options.clock.now();
    for (const topic of await this.listTopics()) {
      const { retentionMs, retentionBytes } = topic.config;
      for (let p = 0; p < topic.partitions; p++) {
        const keys = partitionKeys(topic.name, p);
        deleted += Number(await this.redis.sharelog_retain_v1(keys.meta, keys.log, retentionMs >= 0 ? now - retentionMs : -1, retentionBytes));
      }
    }
    return deleted;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    for (const set of this.listeners.values()) for (const listener of set) listener(Number.MAX_SAFE_INTEGER);
    this.listeners.clear();
    await Promise.allSettled([this.subscriber.quit(), this.redis.quit()]);
  }

  private subscribe(topic: string, partition: number, listener: (end: number) => void): () => void {
    const channel = dataChannel(topic, partition);
    let set = this.listeners.get(channel);
    if (!set) this.listeners.set(channel, (set = new Set()));
    set.add(listener);
    return () => {
      set!.delete(listener);
      if (set!.size === 0) this.listeners.delete(channel);
    };
  }

  private async checkPartition(topic: string, partition: number): Promise<void> {
    const info = await this.getTopic(topic);
    if (!Number.isInteger(partition) || partition < 0 || partition >= info.partitions) {
      throw new SharelogError(
        ErrorCode.PARTITION_NOT_FOUND,
        `topic "${topic}" has partitions 0..${info.partitions - 1}; partition ${partition} does not exist`,
      );
    }
  }
}

function fieldOf(fields: Buffer[], name: string): Buffer {
  for (let i = 0; i < fields.length; i += 2) if (fields[i].toString() === name) return fields[i + 1];
  throw new SharelogError(ErrorCode.CORRUPT_DATA, `stream entry without field "${name}"`);
}
