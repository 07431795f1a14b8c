/**
 * Redis Streams as a peer, through ioredis against bench/lib/redis.ts's server (AOF, fsync every second).
 *  - produce: XADD pipelined in batches, one stream per client (the "partition"), one pipeline in flight per client;
 *  - share consume: one consumer group over 1 or P streams, each consumer its own connection, XREADGROUP
 *    (COUNT 100, BLOCK 10 ms) then XACK of what it read, pipelined; a record counts once XACK confirmed it.
 */
import { Redis } from 'ioredis';
import type { DrainTarget } from '../lib/drain.js';
import type { LoadSetup } from '../lib/measure.js';
import { startRedis, type BenchRedis } from '../lib/redis.js';

const VALUE = Buffer.alloc(100, 'r');
const GROUP = 'workers';
const READ_COUNT = 100;
const BLOCK_MS = 10;
const PREFILL_BATCH = 1000;

async function connectRedis(url: string): Promise<Redis> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, enableAutoPipelining: false });
  await redis.connect();
  return redis;
}

/** Throws the first error of a pipeline's answers. */
function check(results: [Error | null, unknown][] | null): unknown[] {
  if (results === null) throw new Error('pipeline aborted');
  return results.map(([err, value]) => {
    if (err) throw err;
    return value;
  });
}

export async function redisProduceSetup(batch: number, clients: number): Promise<LoadSetup> {
  const server = await startRedis();
  const connections: Redis[] = [];
  const close = async () => {
    for (const c of connections) c.disconnect();
    await server.stop();
  };
  try {
    for (let i = 0; i < clients; i++) connections.push(await connectRedis(server.url));
  } catch (err) {
    await close();
    throw err;
  }
  return {
    clients: connections.map((redis, i) => ({
      send: async () => {
        const pipeline = redis.pipeline();
        for (let j = 0; j < batch; j++) pipeline.xadd(`bench-${i}`, '*', 'v', VALUE);
        check(await pipeline.exec());
        return batch;
      },
    })),
    serverCpuMs: () => server.cpuMs(),
    close,
  };
}

const streamsOf = (tag: string, partitions: number) => Array.from({ length: partitions }, (_, p) => `${tag}-${p}`);

/** Writes backlogs and drains them with `consumers` members of one consumer group. */
export class RedisStreamsDrain implements DrainTarget {
  private constructor(
    private readonly server: BenchRedis,
    private readonly admin: Redis,
    private readonly members: Redis[],
    private readonly partitions: number,
  ) {}

  static async start(consumers: number, partitions: number): Promise<RedisStreamsDrain> {
    const server = await startRedis();
    const members: Redis[] = [];
    try {
      const admin = await connectRedis(server.url);
      members.push(admin);
      for (let i = 0; i < consumers; i++) members.push(await connectRedis(server.url));
      return new RedisStreamsDrain(server, admin, members.slice(1), partitions);
    } catch (err) {
      for (const m of members) m.disconnect();
      await server.stop();
      throw err;
    }
  }

  async prefill(n: number, tag: string): Promise<void> {
    const streams = streamsOf(tag, this.partitions);
    for (let sent = 0; sent < n; sent += PREFILL_BATCH) {
      const pipeline = this.admin.pipeline();
      for (let j = sent; j < Math.min(n, sent + PREFILL_BATCH); j++) pipeline.xadd(streams[j % streams.length], '*', 'v', VALUE);
      check(await pipeline.exec());
    }
    for (const s of streams) await this.admin.xgroup('CREATE', s, GROUP, '0');
  }

  async drain(n: number, tag: string): Promise<void> {
    const streams = streamsOf(tag, this.partitions);
    const ids = streams.map(() => '>');
    let acked = 0;
    await Promise.all(
      this.members.map(async (redis, c) => {
        while (acked < n) {
          const answer = (await redis.xreadgroup(
            'GROUP', GROUP, `c${c}`, 'COUNT', READ_COUNT, 'BLOCK', BLOCK_MS, 'STREAMS', ...streams, ...ids,
          )) as [string, [string, string[]][]][] | null;
          if (answer === null) continue;
          const pipeline = redis.pipeline();
          for (const [stream, entries] of answer) {
            if (entries.length > 0) pipeline.xack(stream, GROUP, ...entries.map(([id]) => id));
          }
          for (const count of check(await pipeline.exec())) acked += count as number;
        }
      }),
    );
    if (acked !== n) throw new Error(`redis streams: ${acked} acknowledged of ${n}`);
  }

  async drop(tag: string): Promise<void> {
    await this.admin.del(...streamsOf(tag, this.partitions));
  }

  serverCpuMs(): number | null {
    return this.server.cpuMs();
  }

  async close(): Promise<void> {
    this.admin.disconnect();
    for (const m of this.members) m.disconnect();
    await this.server.stop();
  }
}
