import { afterAll, beforeAll } from 'vitest';
import { openRedisShareStore, type RedisShareStore } from '../helpers/redis-share-store.js';
import { describeShareStateStore } from './share-state-store.suite.js';

let redis: RedisShareStore;
let n = 0;
beforeAll(async () => {
  redis = await openRedisShareStore('cluster');
}, 300_000);
afterAll(async () => {
  await redis?.close();
});
// Topics named so their share-partitions spread over the three masters' slots.
// `redis?.`: the suite also asks the harness at collection time (whether to run the restart test), before beforeAll.
describeShareStateStore('redis cluster (3 masters)', () => ({ store: redis?.store, topic: () => `cluster-t${n++}`, group: () => `g${n++}` }));
