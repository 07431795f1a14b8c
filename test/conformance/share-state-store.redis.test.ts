import { afterAll, beforeAll } from 'vitest';
import { openRedisShareStore, type RedisShareStore } from '../helpers/redis-share-store.js';
import { describeShareStateStore } from './share-state-store.suite.js';

let redis: RedisShareStore;
let n = 0;
beforeAll(async () => {
  redis = await openRedisShareStore();
}, 300_000);
afterAll(async () => {
  await redis?.close();
});
// No reopen: the state is in Redis, and a Sharelog server restart keeps every lock (the restart test is embedded-only).
// `redis?.`: the suite also asks the harness at collection time (whether to run the restart test), before beforeAll.
describeShareStateStore('redis (single server)', () => ({ store: redis?.store, topic: () => `t${n++}`, group: () => `g${n++}` }));
