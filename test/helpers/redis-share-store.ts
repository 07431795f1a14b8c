/**
 * A RedisShareStateStore over a fresh redis-server (or a fresh 3-master Cluster), for the tests that drive the
 * store directly; `close` stops the store, its connection and the server.
 */
import { Redis, type Cluster } from 'ioredis';
import { connectRedis } from '../../src/storage/redis/connection.js';
import { RedisShareStateStore } from '../../src/storage/redis/redis-share-state-store.js';
import { startRedis, startRedisCluster } from './redis-server.js';

export interface RedisShareStore {
  store: RedisShareStateStore;
  connection: Redis | Cluster;
  close(): Promise<void>;
}

export async function openRedisShareStore(kind: 'single' | 'cluster' = 'single'): Promise<RedisShareStore> {
  const server = kind === 'cluster' ? await startRedisCluster() : await startRedis();
  const connection = kind === 'cluster' ? connectRedis(server.url) : new Redis(server.url);
  const store = await RedisShareStateStore.open(connection);
  return {
    store,
    connection,
    close: async () => {
      await store.close();
      await connection.quit();
      await server.stop();
    },
  };
}
