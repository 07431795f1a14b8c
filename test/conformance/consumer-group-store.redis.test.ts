import { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { RedisConsumerGroupStore } from '../../src/storage/redis/redis-consumer-group-store.js';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';
import { describeConsumerGroupStore } from './consumer-group-store.suite.js';

let redis: TestRedis;
let connection: Redis;
let n = 0;
beforeAll(async () => {
  redis = await startRedis();
  connection = new Redis(redis.url);
}, 300_000);
afterAll(async () => {
  await connection?.quit();
  await redis?.stop();
});
describeConsumerGroupStore('redis (single server)', {
  store: () => new RedisConsumerGroupStore(connection),
  reopen: async () => new RedisConsumerGroupStore(connection),
  group: () => `g${n++}`,
});
