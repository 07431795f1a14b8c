/**
 * RedisShareStateStore.acquire with LOG_END_FROM_LOG reads the partition's log bounds inside the acquire script
 * (the log's meta hash shares the partition's slot): new records up to the log's end, the start moved past what
 * retention removed, and nothing at all from a partition whose log meta is gone. The log meta is written by hand
 * here, the way append.lua and retain.lua keep it (`next` = end offset, `start` = log start offset).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SHARE_GROUP_CONFIG } from '../../../src/share-group/config.js';
import { partitionKeys } from '../../../src/storage/redis/keys.js';
import type { RedisShareStateStore } from '../../../src/storage/redis/redis-share-state-store.js';
import { LOG_END_FROM_LOG } from '../../../src/storage/types.js';
import { openRedisShareStore, type RedisShareStore } from '../../helpers/redis-share-store.js';

for (const kind of ['single', 'cluster'] as const) {
  describe(`redis share state reading the log's bounds (${kind})`, () => {
    let redis: RedisShareStore;
    let store: RedisShareStateStore;
    const setLog = (topic: string, fields: { next: number; start: number }) =>
      redis.connection.hset(partitionKeys(topic, 0).meta, 'next', fields.next, 'start', fields.start);

    beforeAll(async () => {
      redis = await openRedisShareStore(kind);
      store = redis.store;
    }, 300_000);

    afterAll(async () => {
      await redis?.close();
    });

    async function sharePartition(topic: string): Promise<{ group: string; tp: { topic: string; partition: number } }> {
      const group = `g-${topic}`;
      await store.saveGroup(group, { ...DEFAULT_SHARE_GROUP_CONFIG, recordLockDurationMs: 600_000 });
      const tp = { topic, partition: 0 };
      await store.ensurePartition(group, tp, 0);
      return { group, tp };
    }

    it('acquires new records up to the end the log meta names', async () => {
      const { group, tp } = await sharePartition('ends');
      await setLog('ends', { next: 7, start: 0 });
      const first = await store.acquire(group, tp, 'a', 5, LOG_END_FROM_LOG);
      expect(first.map((b) => [b.firstOffset, b.lastOffset])).toEqual([[0, 4]]);
      const rest = await store.acquire(group, tp, 'b', 100, LOG_END_FROM_LOG);
      expect(rest.map((b) => [b.firstOffset, b.lastOffset])).toEqual([[5, 6]]);
      expect(await store.acquire(group, tp, 'b', 100, LOG_END_FROM_LOG)).toEqual([]);
      await setLog('ends', { next: 9, start: 0 });
      expect((await store.acquire(group, tp, 'c', 100, LOG_END_FROM_LOG)).map((b) => [b.firstOffset, b.lastOffset])).toEqual([[7, 8]]);
    });

    it('moves the start past records retention removed before it acquires, dropping what was held below it', async () => {
      const { group, tp } = await sharePartition('retained');
      await setLog('retained', { next: 10, start: 0 });
      await store.acquire(group, tp, 'a', 4, LOG_END_FROM_LOG); // 0..3 held by a
      expect(await store.acquiredBy(group, 'a')).toBe(4);
      await setLog('retained', { next: 10, start: 6 });
      const batches = await store.acquire(group, tp, 'b', 100, LOG_END_FROM_LOG);
      expect(batches.map((b) => [b.firstOffset, b.lastOffset])).toEqual([[6, 9]]);
      expect(await store.acquiredBy(group, 'a')).toBe(0);
      expect(await store.describe(group, tp)).toMatchObject({ startOffset: 6, endOffset: 10 });
    });

    it('hands out nothing, not even redeliveries, once the log meta is gone (topic deleted)', async () => {
      const { group, tp } = await sharePartition('deleted');
      await setLog('deleted', { next: 3, start: 0 });
      await store.acquire(group, tp, 'a', 3, LOG_END_FROM_LOG);
      await store.acknowledge(group, tp, 'a', [{ firstOffset: 0, lastOffset: 2, type: 'RELEASE' }]);
      await redis.connection.del(partitionKeys('deleted', 0).meta);
      expect(await store.acquire(group, tp, 'b', 100, LOG_END_FROM_LOG)).toEqual([]);
      // With the log's end given, the same state hands the released records out again.
      expect((await store.acquire(group, tp, 'b', 100, 3)).map((b) => [b.firstOffset, b.lastOffset, b.deliveryCount])).toEqual([[0, 2, 2]]);
    });
  });
}
