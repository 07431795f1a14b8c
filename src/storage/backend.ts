/**
 * Opens the storage backend the config names: the four stores the coordinators need, the clock they share, and
 * one close(). `embedded`: files under the data dir, membership in this server's memory. `redis`: everything in
 * Redis over one connection (plus pub/sub connections), membership shared by every server, time from Redis.
 */
import path from 'node:path';
import type { Clock } from '../clock.js';
import type { ServerConfig } from '../config.js';
import type { Limits } from '../limits.js';
import type { Logger } from '../logger.js';
import type { SharelogMetrics } from '../metrics/types.js';
import { FileConsumerGroupStore } from './embedded/file-consumer-group-store.js';
import { FileLogStore } from './embedded/file-log-store.js';
import { FileShareStateStore } from './embedded/file-share-state-store.js';
import { LocalGroupSync } from './embedded/local-group-sync.js';
import { RedisClock } from './redis/redis-clock.js';
import { RedisConsumerGroupStore } from './redis/redis-consumer-group-store.js';
import { RedisGroupSync } from './redis/redis-group-sync.js';
import { RedisLogStore } from './redis/redis-log-store.js';
import { RedisShareStateStore } from './redis/redis-share-state-store.js';
import type { ConsumerGroupStore, GroupSync, LogStore, ShareStateStore } from './types.js';

export interface Backend {
  logStore: LogStore;
  shareStore: ShareStateStore;
  consumerStore: ConsumerGroupStore;
  sync: GroupSync;
  clock: Clock;
  /** Where the state is, for the start-up log line. */
  location: string;
  /** Closes the group stores (the log store closes last, after the RPCs that read it). */
  closeGroups(): Promise<void>;
}

export interface BackendOptions {
  /** A test clock; by default the system clock (embedded) or Redis's (redis). */
  clock?: Clock;
  limits: Limits;
  metrics: SharelogMetrics;
  logger: Logger;
}

export async function openBackend(config: ServerConfig, options: BackendOptions): Promise<Backend> {
  const defaultTopicConfig = { retentionMs: config.retentionMs, retentionBytes: config.retentionBytes };
  if (config.backend === 'redis') {
    const logStore = await RedisLogStore.open({
      url: config.redisUrl,
      defaultTopicConfig,
      retentionCheckMs: config.retentionCheckMs,
      clock: options.clock ?? { now: () => Date.now() },
    });
    const redis = logStore.connection;
    const redisClock = options.clock ? undefined : await RedisClock.start(redis);
    const clock = options.clock ?? redisClock!;
    logStore.useClock(clock);
    const shareStore = await RedisShareStateStore.open(redis);
    const sync = await RedisGroupSync.open(redis);
    return {
      logStore,
      shareStore,
      consumerStore: new RedisConsumerGroupStore(redis),
      sync,
      clock,
      location: config.redisUrl,
      async closeGroups() {
        redisClock?.stop();
        await sync.close();
        await shareStore.close();
      },
    };
  }
  const clock = options.clock ?? { now: () => Date.now() };
  const dataDir = path.resolve(config.dataDir);
  const logStore = FileLogStore.open({
    dataDir,
    limits: options.limits,
    fsync: config.fsync,
    segmentBytes: config.segmentBytes,
    indexIntervalBytes: config.indexIntervalBytes,
    defaultTopicConfig,
    retentionCheckMs: config.retentionCheckMs,
    clock,
    onWarning: (message, details) => options.logger.warn(details, message),
    metrics: options.metrics,
  });
  // One fsync policy for everything the embedded server keeps: logs, share-group journals, consumer offsets.
  const shareStore = await FileShareStateStore.open(dataDir, clock, { metrics: options.metrics, fsync: config.fsync });
  const consumerStore = await FileConsumerGroupStore.open(dataDir, options.metrics, config.fsync);
  return {
    logStore,
    shareStore,
    consumerStore,
    sync: new LocalGroupSync(),
    clock,
    location: dataDir,
    async closeGroups() {
      await consumerStore.close();
      await shareStore.close();
    },
  };
}
