/**
 * Reads from the log what share-group fetches need: the keys of offsets ahead (per-key ordering, cached per
 * share-partition) and the records of acquired batches, as deliveries. No state changes; the coordinator acquires.
 */
import type { AcquiredBatch } from '../ack-tracker/index.js';
import type { LogStore, ShareStateStore, TopicPartition } from '../storage/types.js';
import type { ShareDelivery } from './share-coordinator.js';

/** Records of new offsets read ahead to learn their keys (per-key ordering). */
const KEY_READ_AHEAD = 2000;

export class ShareRecordReader {
  /** Per share-partition record keys for per-key ordering, see keysAhead. */
  private readonly keyCache = new Map<string, { from: number; to: number; keys: Map<number, string | null> }>();

  constructor(
    private readonly logStore: LogStore,
    private readonly stateStore: ShareStateStore,
  ) {}

  /**
   * Keys for per-key ordering: the state machine asks for the key of any offset in the window (redeliveries) and
   * of new offsets beyond it. Keys are cached per share-partition from the start offset on, read once from the
   * log (after a restart the first acquire reads the whole window's keys), and forgotten below the start offset.
   * Acquisition is limited to offsets whose key is known.
   */
  async keysAhead(groupId: string, tp: TopicPartition, highWatermark: number) {
    const { startOffset, endOffset } = await this.stateStore.describe(groupId, tp);
    const id = `${groupId}\0${tp.topic}/${tp.partition}`;
    let cache = this.keyCache.get(id);
    if (!cache || startOffset < cache.from) {
      cache = { from: startOffset, to: startOffset, keys: new Map() };
      this.keyCache.set(id, cache);
    }
    for (const offset of cache.keys.keys()) {
      if (offset >= startOffset) break; // insertion order is offset order
      cache.keys.delete(offset);
    }
    cache.from = Math.max(cache.from, startOffset);
    cache.to = Math.max(cache.to, startOffset);
    const until = Math.min(highWatermark, endOffset + KEY_READ_AHEAD);
    while (cache.to < until) {
      const { records } = await this.logStore.read(tp.topic, tp.partition, cache.to, Math.min(until - cache.to, 5000), 4 * 1024 * 1024);
      if (records.length === 0) break;
      for (const r of records) cache.keys.set(r.offset, r.key === null ? null : r.key.toString('latin1'));
      cache.to = records[records.length - 1].offset + 1;
    }
    const keys = cache.keys;
    return { logEnd: Math.min(highWatermark, cache.to), keyOf: (offset: number) => keys.get(offset) ?? null };
  }

  /** Drops a deleted group's cached keys: a group made again under its id may read a topic made again too. */
  forgetGroup(groupId: string): void {
    const prefix = `${groupId}\0`;
    for (const id of this.keyCache.keys()) if (id.startsWith(prefix)) this.keyCache.delete(id);
  }

  async readBatch(tp: TopicPartition, batch: AcquiredBatch): Promise<ShareDelivery[]> {
    const count = batch.lastOffset - batch.firstOffset + 1;
    const out: ShareDelivery[] = [];
    let from = batch.firstOffset;
    while (from <= batch.lastOffset) {
      const { records } = await this.logStore.read(tp.topic, tp.partition, from, count - (from - batch.firstOffset), 64 * 1024 * 1024);
      if (records.length === 0) break;
      for (const record of records) {
        if (record.offset > batch.lastOffset) break;
        out.push({
          topic: tp.topic,
          partition: tp.partition,
          record,
          deliveryCount: batch.deliveryCount,
          lockExpiresAt: batch.lockExpiresAt,
          leaseToken: batch.leaseToken,
          previousFailure: batch.previousFailure,
        });
      }
      from = records[records.length - 1].offset + 1;
    }
    return out;
  }
}
