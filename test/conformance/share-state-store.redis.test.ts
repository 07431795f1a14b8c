import { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { RedisShareStateStore } from '../../src/storage/redis/redis-share-state-store.js';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';
import { describeShareStateStore } from './share-state-store.suite.js';

let redis: TestRedis;
let connection: Redis;
let store: RedisShareStateStore;
let n = 0;
beforeAll(async () => {
  redis = await startRedis();
  connection = new Redis(redis.url);
  store = await RedisShareStateStore.open(connection);
}, 300_000);
afterAll(async () => {
  await store?.close();
  await connection?.quit();
  await redis?.stop();
});
// No reopen: the state is in Redis, and a Sharelog server restart keeps every lock (the restart test is embedded-only).
describeShareStateStore('redis (single server)', () => ({ store, topic: () => `t${n++}`, group: () => `g${n++}` }));
