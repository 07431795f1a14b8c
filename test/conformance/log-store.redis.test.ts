import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode, SharelogError } from '../../src/errors.js';
import { systemClock } from '../../src/clock.js';
import { RedisLogStore } from '../../src/storage/redis/redis-log-store.js';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';
import { describeLogStore } from './log-store.suite.js';

let redis: TestRedis;
let store: RedisLogStore;
let n = 0;
beforeAll(async () => {
  redis = await startRedis();
  store = await RedisLogStore.open({
    url: redis.url,
    defaultTopicConfig: { retentionMs: -1, retentionBytes: -1 },
    retentionCheckMs: 60_000,
    clock: systemClock,
  });
}, 300_000);
afterAll(async () => {
  await store?.close();
  await redis?.stop();
});
describeLogStore('redis (single server)', () => ({ store, topic: () => `t${n++}` }));

describe('redis log retention', () => {
  it('deletes whole batches from the front by size and by time, never the newest', async () => {
    const value = (s: string, timestampMs = 0) => ({ key: null, value: Buffer.from(s.padEnd(100, '.')), headers: [], timestampMs });
    await store.createTopic('by-size', 1, { retentionBytes: 500 });
    for (let i = 0; i < 10; i++) await store.append('by-size', 0, [value(`r${i}`)]);
    await store.applyRetention();
    const [p] = await store.describePartitions('by-size');
    expect(p.endOffset).toBe(10);
    expect(p.startOffset).toBeGreaterThan(0);
    expect(p.sizeBytes).toBeGreaterThanOrEqual(500);
    const err = await store.read('by-size', 0, 0, 10, 1 << 20).catch((e: SharelogError) => e);
    expect((err as SharelogError).code).toBe(ErrorCode.OFFSET_OUT_OF_RANGE);
    const { records } = await store.read('by-size', 0, p.startOffset, 100, 1 << 20);
    expect(records.map((r) => r.offset)).toEqual(Array.from({ length: 10 - p.startOffset }, (_, i) => p.startOffset + i));

    await store.createTopic('by-time', 1, { retentionMs: 60_000 });
    const old = Date.now() - 3_600_000;
    for (let i = 0; i < 3; i++) await store.append('by-time', 0, [value(`old${i}`, old)]);
    await store.append('by-time', 0, [value('new', Date.now())]);
    await store.append('by-time', 0, [value('old-again', old)]); // the newest batch always stays
    await store.applyRetention();
    const [t] = await store.describePartitions('by-time');
    expect([t.startOffset, t.endOffset]).toEqual([3, 5]);
  });
});
