import { Cluster } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { connectRedis } from '../../src/storage/redis/connection.js';
import { RedisShareStateStore } from '../../src/storage/redis/redis-share-state-store.js';
import { startRedisCluster } from '../helpers/redis-server.js';
import { describeShareStateStore } from './share-state-store.suite.js';

let cluster: Awaited<ReturnType<typeof startRedisCluster>>;
let connection: Cluster;
let store: RedisShareStateStore;
let n = 0;
beforeAll(async () => {
  cluster = await startRedisCluster();
  connection = connectRedis(cluster.url) as Cluster;
  store = await RedisShareStateStore.open(connection);
}, 300_000);
afterAll(async () => {
  await store?.close();
  await connection?.quit();
  await cluster?.stop();
});
// Topics named so their share-partitions spread over the three masters' slots.
describeShareStateStore('redis cluster (3 masters)', () => ({ store, topic: () => `cluster-t${n++}`, group: () => `g${n++}` }));
