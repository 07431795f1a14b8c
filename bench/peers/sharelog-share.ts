/**
 * Sharelog's share group in the drain shape of lib/drain.ts, against a child server on either backend:
 * embedded (fresh data dir, --fsync always, or interval:1000 for `embedded-fsync-1s`) or redis
 * (`--backend redis --redis-url`, a fresh bench Redis).
 * Members are TypeScript clients, each its own channel and connection, in explicit acknowledgement mode; a record
 * counts once the server confirmed its accept.
 */
import { connect, type SharelogClient } from '../../src/client/client.js';
import type { ShareConsumer } from '../../src/client/share-consumer.js';
import { startChildServer, type ChildServer } from '../lib/child.js';
import { makeTempDir } from '../lib/cleanup.js';
import type { DrainTarget } from '../lib/drain.js';
import { CHANNEL_OPTIONS, RawUnaryClient, encodeProduceRequest, produceMethod } from '../lib/grpc.js';
import { startRedis, startRedisCluster, type BenchRedis } from '../lib/redis.js';
import { serverCode } from '../lib/server-code.js';

export type Backend = 'embedded' | 'embedded-fsync-1s' | 'redis' | 'redis-cluster';

const overRedis = (backend: Backend) => backend === 'redis' || backend === 'redis-cluster';

const PREFILL_BATCH = 1000;
const MAX_RECORDS = 100;
const MAX_WAIT_MS = 100;
/**
 * Room for every member's window of pushed records at once (16 x 2 x MAX_RECORDS = 3,200; the group default is
 * Kafka's 2,000 locks per partition), as the NATS peer raises max_ack_pending and Redis Streams has no such cap.
 */
const MAX_IN_FLIGHT = 10_000;

/** The server would not start on this backend (e.g. a flag it does not know yet): reported, not a failure. */
export class BackendUnavailable extends Error {}

/** First line of what the child wrote on stderr, the CLI's own error message. */
function firstStderrLine(text: string): string {
  const line = text.split('\n').find((l) => l.startsWith('[stderr]') && l.slice(8).trim() !== '');
  return (line?.slice(8) ?? text.split('\n')[0]).trim();
}

async function startSharelog(backend: Backend, redis: BenchRedis | null, nodeFlags: string[]): Promise<{ server: ChildServer; stop: () => Promise<void> }> {
  const data = makeTempDir('sharelog-bench-');
  const fsync = backend === 'embedded-fsync-1s' ? 'interval:1000' : 'always';
  const args = ['src/cli/main.ts', 'serve', '--listen', '127.0.0.1:0', '--data-dir', data.dir, '--fsync', fsync, '--log-level', 'info'];
  if (overRedis(backend)) args.push('--backend', 'redis', '--redis-url', redis!.url);
  let server: ChildServer;
  try {
    server = await startChildServer({ name: `sharelog server (${backend})`, cwd: serverCode().root, args, readyMsg: 'sharelog serving', nodeFlags });
  } catch (err) {
    await data.remove();
    const message = (err as Error).message;
    if (overRedis(backend) && /before serving/.test(message)) throw new BackendUnavailable(firstStderrLine(message));
    throw err;
  }
  return {
    server,
    stop: async () => {
      try {
        await server.stop();
      } finally {
        await data.remove();
      }
    },
  };
}

interface Running {
  done: Promise<unknown>;
  stop: AbortController;
  consumers: ShareConsumer[];
  accepted: () => number;
}

export class SharelogShareDrain implements DrainTarget {
  private readonly running = new Map<string, Running>();

  private constructor(
    private readonly servers: ChildServer[],
    private readonly redis: BenchRedis | null,
    private readonly stopServers: () => Promise<void>,
    private readonly producer: RawUnaryClient,
    private readonly members: SharelogClient[],
    private readonly partitions: number,
  ) {}

  /** `servers` Sharelog servers (redis backends only) share the members round-robin; the producer uses the first. */
  static async start(backend: Backend, consumers: number, partitions: number, nodeFlags: string[], servers = 1): Promise<SharelogShareDrain> {
    const redis = backend === 'redis' ? await startRedis() : backend === 'redis-cluster' ? await startRedisCluster() : null;
    const started: Array<{ server: ChildServer; stop: () => Promise<void> }> = [];
    const stopAll = async () => {
      await Promise.allSettled(started.map((s) => s.stop()));
    };
    try {
      for (let i = 0; i < servers; i++) started.push(await startSharelog(backend, redis, nodeFlags));
      const producer = new RawUnaryClient(started[0].server.address);
      await producer.ready();
      const members = Array.from({ length: consumers }, (_, i) =>
        connect(started[i % servers].server.address, { channelOptions: CHANNEL_OPTIONS }),
      );
      return new SharelogShareDrain(
        started.map((s) => s.server),
        redis,
        stopAll,
        producer,
        members,
        partitions,
      );
    } catch (err) {
      await stopAll();
      await redis?.stop();
      throw err;
    }
  }

  private get admin() {
    return this.members[0].admin;
  }

  async prefill(n: number, tag: string): Promise<void> {
    await this.admin.createTopic(tag, { partitions: this.partitions });
    const method = produceMethod().path;
    const requests = Array.from({ length: this.partitions }, (_, p) => encodeProduceRequest(tag, p, PREFILL_BATCH));
    // Whole batches round-robin over the partitions, then one short batch for the rest.
    let sent = 0;
    for (let i = 0; sent + PREFILL_BATCH <= n; i++, sent += PREFILL_BATCH) await this.producer.call(method, requests[i % this.partitions]);
    if (sent < n) await this.producer.call(method, encodeProduceRequest(tag, 0, n - sent));
    await this.admin.updateShareGroupConfig(tag, { autoOffsetReset: 'earliest', maxInFlightRecords: MAX_IN_FLIGHT });
  }

  drain(n: number, tag: string): Promise<void> {
    let accepted = 0;
    let finish!: () => void;
    let fail!: (err: unknown) => void;
    const finished = new Promise<void>((resolve, reject) => ([finish, fail] = [resolve, reject]));
    const stop = new AbortController();
    const consumers = this.members.map((client) => client.shareConsumer({ acknowledgementMode: 'explicit', maxRecords: MAX_RECORDS, maxWaitMs: MAX_WAIT_MS }));
    const onAccepted = () => {
      if (++accepted === n) finish();
    };
    const loops = consumers.map(async (consumer) => {
      await consumer.subscribe(tag, [tag]);
      while (!stop.signal.aborted) {
        const deliveries = await consumer.poll({ maxRecords: MAX_RECORDS, maxWaitMs: MAX_WAIT_MS, signal: stop.signal });
        for (const d of deliveries) d.accept().then(onAccepted, fail);
      }
    });
    const done = Promise.all(loops).catch((err: unknown) => {
      if (!stop.signal.aborted) fail(err);
    });
    this.running.set(tag, { done, stop, consumers, accepted: () => accepted });
    void done.then(() => (stop.signal.aborted ? undefined : fail(new Error('share consumers stopped early'))));
    return finished.then(() => {
      if (accepted !== n) throw new Error(`sharelog: ${accepted} accepted of ${n}`);
    });
  }

  async drop(tag: string): Promise<void> {
    const running = this.running.get(tag);
    if (running) {
      running.stop.abort();
      await running.done;
      await Promise.allSettled(running.consumers.map((c) => c.close()));
      this.running.delete(tag);
    }
    await this.admin.deleteGroup(tag).catch(() => undefined);
    await this.admin.deleteTopic(tag);
  }

  async diagnose(tag: string): Promise<string> {
    const accepted = this.running.get(tag)?.accepted() ?? 0;
    const group = await this.admin.describeShareGroup(tag);
    const partitions = group.partitions.map(
      (p) => `p${p.partition} [${p.startOffset}, ${p.endOffset}) available ${p.available} acquired ${p.acquired} archived ${p.archived} delayed ${p.delayed}`,
    );
    const members = group.members.map((m) => `${m.memberId.slice(0, 8)} holds ${m.acquired}`);
    const tails = this.servers.map((s) => `--- ${s.name} (pid ${s.pid}, ${s.exitStatus() ?? 'running'}):\n${s.tail()}`);
    return [`${accepted} accepted`, `partitions: ${partitions.join('; ')}`, `members: ${members.join(', ')}`, ...tails].join('\n');
  }

  serverCpuMs(): number | null {
    const own = this.servers.reduce<number | null>((sum, s) => (sum === null || s.cpuMs() === null ? null : sum + s.cpuMs()!), 0);
    if (this.redis === null) return own;
    const redis = this.redis.cpuMs();
    return own === null || redis === null ? null : own + redis;
  }

  async close(): Promise<void> {
    for (const running of this.running.values()) running.stop.abort();
    await Promise.allSettled(this.members.map((c) => c.close()));
    this.producer.close();
    try {
      await this.stopServers();
    } finally {
      await this.redis?.stop();
    }
  }
}
