import { afterAll, beforeAll } from 'vitest';
import { systemClock } from '../../src/clock.js';
import { RedisLogStore } from '../../src/storage/redis/redis-log-store.js';
import { startRedisCluster } from '../helpers/redis-server.js';
import { describeLogStore } from './log-store.suite.js';

let cluster: Awaited<ReturnType<typeof startRedisCluster>>;
let store: RedisLogStore;
let n = 0;
beforeAll(async () => {
  cluster = await startRedisCluster();
  store = await RedisLogStore.open({
    url: cluster.url,
    defaultTopicConfig: { retentionMs: -1, retentionBytes: -1 },
    retentionCheckMs: 60_000,
    clock: systemClock,
  });
}, 300_000);
afterAll(async () => {
  await store?.close();
  await cluster?.stop();
});
// Topics named so their partitions spread over the three masters' slots.
describeLogStore('redis cluster (3 masters)', () => ({ store, topic: () => `cluster-t${n++}` }));
