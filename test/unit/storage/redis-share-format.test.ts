/**
 * A share-partition written by the format-1 scripts (one msgpack entry per offset, no run index, no `f` in its
 * meta hash) is upgraded in place on its first touch by the run-based scripts, and keeps every record's state.
 * The format-1 state is written here by hand, the way those scripts laid it out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SHARE_GROUP_CONFIG } from '../../../src/share-group/config.js';
import { sharePartitionKeys } from '../../../src/storage/redis/keys.js';
import type { RedisShareStateStore } from '../../../src/storage/redis/redis-share-state-store.js';
import { openRedisShareStore, type RedisShareStore } from '../../helpers/redis-share-store.js';

let redis: RedisShareStore;
let connection: RedisShareStore['connection'];
let store: RedisShareStateStore;

beforeAll(async () => {
  redis = await openRedisShareStore();
  ({ store, connection } = redis);
}, 300_000);

afterAll(async () => {
  await redis?.close();
});

/** HSETs one format-1 entry: {state, count, member, deadline, token, due, fm, fr, fa, fo, attempts}. */
const WRITE_ENTRY = `redis.call('HSET', KEYS[1], ARGV[1], cmsgpack.pack(cjson.decode(ARGV[2]))) return 1`;

describe('redis share-partition state format 1', () => {
  it('is upgraded to runs on first touch, every record keeping its state', async () => {
    const group = 'legacy';
    const tp = { topic: 'orders', partition: 0 };
    await store.saveGroup(group, { ...DEFAULT_SHARE_GROUP_CONFIG, recordLockDurationMs: 600_000, backoffInitialMs: 0 });
    const [meta, records, unfinished, archived, locks, , ready, held] = sharePartitionKeys(group, tp.topic, tp.partition);
    const far = Date.now() + 600_000;
    const attempt = (outcome: string) => ['m1', 1, outcome === 'IN_PROGRESS' ? 0 : 2, outcome, ''];
    // 0 and 4 ACQUIRED by m1 (token 1), 1 AVAILABLE after a release, 2 ARCHIVED, 3 ACKNOWLEDGED.
    const entries: Array<[number, unknown[]]> = [
      [0, ['Q', 1, 'm1', far, 1, 0, '', '', 0, '', attempt('IN_PROGRESS')]],
      [1, ['V', 1, '', 0, 0, 0, 'm1', 'busy', 2, 'RELEASED', attempt('RELEASED')]],
      [2, ['X', 1, '', 0, 0, 0, '', '', 0, '', attempt('REJECTED')]],
      [3, ['A', 1, '', 0, 0, 0, '', '', 0, '', attempt('ACCEPTED')]],
      [4, ['Q', 1, 'm1', far, 1, 0, '', '', 0, '', attempt('IN_PROGRESS')]],
    ];
    for (const [offset, entry] of entries) await connection.eval(WRITE_ENTRY, 1, records, offset, JSON.stringify(entry));
    await connection.hset(meta, 's', 0, 'e', 5, 'l', 1, 'q', 2);
    await connection.zadd(unfinished, 0, 0, 1, 1, 4, 4);
    await connection.zadd(archived, 2, 2);
    await connection.zadd(locks, far, 0, far, 4);
    await connection.zadd(ready, 1, 1);
    await connection.hset(held, 'm1', 2);
    expect(await store.ensurePartition(group, tp, 0)).toBe(false);

    expect(await store.describe(group, tp)).toEqual({
      ...tp,
      startOffset: 0,
      endOffset: 5,
      counts: { available: 1, acquired: 2, acknowledged: 1, archived: 1, delayed: 0 },
    });
    expect(await connection.hget(meta, 'f')).toBe('2');
    const inspected = await store.inspect(group, tp, 0, 4, 5);
    expect(inspected.map((r) => r.state)).toEqual(['ACQUIRED', 'AVAILABLE', 'ARCHIVED', 'ACKNOWLEDGED', 'ACQUIRED']);
    expect(inspected[1].attempts.map((a) => a.outcome)).toEqual(['RELEASED']);

    // The released record goes to the next member, with its previous failure.
    const [batch] = await store.acquire(group, tp, 'm2', 10, 5);
    expect(batch).toMatchObject({ firstOffset: 1, lastOffset: 1, deliveryCount: 2, previousFailure: { memberId: 'm1', reason: 'busy' } });
    // m1 still holds 0 and 4 under token 1; accepting everything passes the start over the whole window.
    const results = await store.acknowledge(group, tp, 'm1', [
      { firstOffset: 0, lastOffset: 0, type: 'ACCEPT', leaseToken: 1 },
      { firstOffset: 4, lastOffset: 4, type: 'ACCEPT', leaseToken: 1 },
    ]);
    expect(results.map((r) => r.error)).toEqual([null, null]);
    expect(await store.acquiredBy(group, 'm1')).toBe(0);
    expect((await store.acknowledge(group, tp, 'm2', [{ firstOffset: 1, lastOffset: 1, type: 'ACCEPT' }]))[0].error).toBeNull();
    expect(await store.describe(group, tp)).toEqual({
      ...tp,
      startOffset: 5,
      endOffset: 5,
      counts: { available: 0, acquired: 0, acknowledged: 0, archived: 0, delayed: 0 },
    });
  });
});
