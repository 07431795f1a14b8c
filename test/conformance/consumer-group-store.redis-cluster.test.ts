import type { Cluster } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { connectRedis } from '../../src/storage/redis/connection.js';
import { RedisConsumerGroupStore } from '../../src/storage/redis/redis-consumer-group-store.js';
import { startRedisCluster } from '../helpers/redis-server.js';
import { describeConsumerGroupStore } from './consumer-group-store.suite.js';

let cluster: Awaited<ReturnType<typeof startRedisCluster>>;
let connection: Cluster;
let n = 0;
beforeAll(async () => {
  cluster = await startRedisCluster();
  connection = connectRedis(cluster.url) as Cluster;
}, 300_000);
afterAll(async () => {
  await connection?.quit();
  await cluster?.stop();
});
// Group ids spread over the three masters' slots (each group's offsets sit in the slot of its own hash tag).
describeConsumerGroupStore('redis cluster (3 masters)', {
  store: () => new RedisConsumerGroupStore(connection),
  reopen: async () => new RedisConsumerGroupStore(connection),
  group: () => `cluster-g${n++}`,
});
