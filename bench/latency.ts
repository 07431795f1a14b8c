/**
 * End-to-end latency, produce -> acquire, at a fixed rate (5,000 records/s of 100-byte values, 1 partition):
 *  - Sharelog embedded (--fsync always, then interval:1000): a raw gRPC producer, 16 share-group members (TypeScript client, explicit
 *    accepts sent without waiting, as a worker would);
 *  - Redis Streams (AOF, fsync every second): XADD pipelined per batch, 16 consumers of one group in XREADGROUP
 *    BLOCK, XACK of what they read.
 * The producer is what a batching producer does at 5k/s: every 5 ms one request of 25 records (Kafka's default
 * linger.ms is 5), sent on schedule whether or not the previous one has been answered (open loop), from a worker
 * thread (latency-producer.ts) so the members' work does not delay its timer. Each record
 * carries the batch's *intended* send time, so a late timer, a slow answer or a stalled server counts in full
 * (no coordinated omission). Latency = acquire time in the member - intended send time, in an HDR histogram.
 */
import * as hdr from 'hdr-histogram-js';
import { Redis } from 'ioredis';
import { connect, type SharelogClient } from '../src/client/client.js';
import { monoMs, startProducerWorker, type ProducerJob, type ProducerReport } from './latency-producer.js';
import { CHANNEL_OPTIONS, createTopic } from './lib/grpc.js';
import { NOISY_OTHER_CPU, cpuSampler, quietBefore } from './lib/measure.js';
import { isMissing, orMissing, type Missing } from './lib/peer-process.js';
import { startRedis } from './lib/redis.js';
import type { Suite, SuiteContext } from './lib/suite.js';
import { formatRate, formatTable } from './lib/table.js';
import { startServer } from './produce.js';

const RATE = 5_000;
const INTERVAL_MS = 5;
const BATCH = (RATE * INTERVAL_MS) / 1000;
const VALUE_BYTES = 100;
const MEMBERS = 16;
const TOPIC = 'latency';
const TARGET_P99_MS = 10;
/** Producer requests unanswered at once before the run is called overloaded (2 s of schedule). */
const MAX_IN_FLIGHT = 2000 / INTERVAL_MS;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface LatencyResult {
  /** Records stamped inside the measuring window and acquired. */
  records: number;
  windowMs: number;
  warmupMs: number;
  achievedPerSec: number;
  ms: { p50: number; p99: number; p999: number; max: number; mean: number };
  producer: ProducerReport;
  serverCpuPercent: number | null;
  clientCpuPercent: number;
  otherCpuPercent: number | null;
}

/** One system: where the producer worker sends, and members that call `onRecord(stamp)` per acquisition. */
interface Target {
  producer: Pick<ProducerJob, 'kind' | 'address'>;
  start(onRecord: (stamp: number) => void): Promise<void>;
  serverCpuMs(): number | null;
  close(): Promise<void>;
}

/** Members first, then the producer worker on its schedule; waits for every record of the window to arrive. */
async function runSchedule(target: Target, warmupMs: number, windowMs: number, onWindowStart: () => void) {
  const histogram = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: 3 });
  let windowStart = Infinity;
  let windowEnd = Infinity;
  let inWindow = 0;
  await target.start((stamp) => {
    if (stamp < windowStart || stamp >= windowEnd) return;
    histogram.recordValue(Math.max(1, Math.round((monoMs() - stamp) * 1000))); // µs
    inWindow++;
  });
  const worker = startProducerWorker({
    ...target.producer, topic: TOPIC, intervalMs: INTERVAL_MS, batch: BATCH, valueBytes: VALUE_BYTES, endMs: warmupMs + windowMs, maxInFlight: MAX_IN_FLIGHT,
  });
  const report = new Promise<ProducerReport>((resolve, reject) => {
    worker.on('message', (m: 'ready' | ProducerReport) => {
      if (m !== 'ready') return resolve(m);
      const t0 = monoMs() + 20;
      [windowStart, windowEnd] = [t0 + warmupMs, t0 + warmupMs + windowMs];
      setTimeout(onWindowStart, windowStart - monoMs());
      worker.postMessage({ t0 });
    });
    worker.on('error', reject);
    worker.on('exit', () => reject(new Error('the producer worker exited without a report')));
  });
  try {
    const producer = await report;
    // Batches due in [windowStart, windowEnd): the schedule is fixed, so this is known.
    const expected = Math.ceil(windowMs / INTERVAL_MS) * BATCH;
    const deadline = monoMs() + 30_000;
    while (inWindow < expected && monoMs() < deadline) await sleep(20);
    if (inWindow < expected) throw new Error(`${expected - inWindow} of ${expected} records not acquired 30 s after the window`);
    // HDR percentiles are bucket tops: never above the exact max.
    const ms = (us: number) => Math.round(Math.min(us, histogram.maxValue) / 10) / 100;
    return {
      records: inWindow,
      windowMs,
      warmupMs,
      achievedPerSec: (inWindow / windowMs) * 1000,
      ms: {
        p50: ms(histogram.getValueAtPercentile(50)),
        p99: ms(histogram.getValueAtPercentile(99)),
        p999: ms(histogram.getValueAtPercentile(99.9)),
        max: ms(histogram.maxValue),
        mean: ms(histogram.mean),
      },
      producer,
    };
  } finally {
    histogram.destroy();
    await worker.terminate();
  }
}

async function measure(name: string, setUp: () => Promise<Target>, ctx: SuiteContext): Promise<LatencyResult> {
  const quiet = await quietBefore(ctx);
  const target = await setUp();
  try {
    const sampler = cpuSampler(() => target.serverCpuMs());
    const warmupMs = ctx.quick ? 2_000 : 3_000;
    const windowMs = ctx.quick ? 4_000 : 10_000;
    const run = await runSchedule(target, warmupMs, windowMs, () => sampler.start());
    const cpu = sampler.end(); // includes the tail of arrivals after the window: a little low, never high
    return { ...run, ...cpu, otherCpuPercent: Math.max(cpu.otherCpuPercent ?? 0, quiet.otherCpuPercent ?? 0) };
  } catch (err) {
    throw new Error(`${name}: ${(err as Error).message}`, { cause: err });
  } finally {
    await target.close();
  }
}

/**
 * The floor of the produce leg: the same producer schedule against the bare grpc-js echo server (the ceiling of
 * the produce suite), which answers without doing anything. What it shows is grpc-js and this machine alone.
 */
async function produceFloor(ctx: SuiteContext): Promise<ProducerReport> {
  await quietBefore(ctx);
  const { server, done } = await startServer('echo', ctx);
  const warmupMs = ctx.quick ? 2_000 : 3_000;
  const windowMs = ctx.quick ? 4_000 : 10_000;
  const worker = startProducerWorker({
    kind: 'sharelog', address: server.address, topic: TOPIC, intervalMs: INTERVAL_MS, batch: BATCH, valueBytes: VALUE_BYTES, endMs: warmupMs + windowMs, maxInFlight: MAX_IN_FLIGHT,
  });
  try {
    return await new Promise<ProducerReport>((resolve, reject) => {
      worker.on('message', (m: 'ready' | ProducerReport) => (m === 'ready' ? worker.postMessage({ t0: monoMs() + 20 }) : resolve(m)));
      worker.on('error', reject);
      worker.on('exit', () => reject(new Error('the producer worker exited without a report')));
    });
  } finally {
    await worker.terminate();
    await done();
  }
}

async function sharelogTarget(ctx: SuiteContext, fsync: 'always' | 'interval'): Promise<Target> {
  const { server, done } = await startServer(fsync === 'always' ? 'sharelog' : 'sharelog-interval', ctx);
  const members: SharelogClient[] = [];
  const stop = new AbortController();
  let loops: Promise<unknown> = Promise.resolve();
  const close = async () => {
    stop.abort();
    await loops;
    await Promise.allSettled(members.map((m) => m.close()));
    await done();
  };
  try {
    await createTopic(server.address, TOPIC, 1);
    for (let i = 0; i < MEMBERS; i++) members.push(connect(server.address, { channelOptions: CHANNEL_OPTIONS }));
    await members[0].admin.updateShareGroupConfig(TOPIC, { autoOffsetReset: 'earliest' });
  } catch (err) {
    await close();
    throw err;
  }
  return {
    producer: { kind: 'sharelog', address: server.address },
    async start(onRecord) {
      const consumers = members.map((m) => m.shareConsumer({ acknowledgementMode: 'explicit', maxRecords: 100, maxWaitMs: 1000 }));
      await Promise.all(consumers.map((c) => c.subscribe(TOPIC, [TOPIC])));
      loops = Promise.all(
        consumers.map(async (c) => {
          while (!stop.signal.aborted) {
            const deliveries = await c.poll({ signal: stop.signal }).catch(() => []);
            for (const d of deliveries) {
              onRecord(d.record.value.readDoubleLE(0));
              d.accept().catch(() => undefined);
            }
          }
          await c.close().catch(() => undefined);
        }),
      );
    },
    serverCpuMs: () => server.cpuMs(),
    close,
  };
}

async function redisTarget(): Promise<Target> {
  const server = await startRedis();
  const members: Redis[] = [];
  let stopped = false;
  let loops: Promise<unknown> = Promise.resolve();
  const close = async () => {
    stopped = true;
    await Promise.race([loops, sleep(2_000)]); // at most one BLOCK to wait out
    for (const m of members) m.disconnect();
    await server.stop();
  };
  try {
    for (let i = 0; i < MEMBERS; i++) {
      const r = new Redis(server.url, { lazyConnect: true, maxRetriesPerRequest: 1, enableAutoPipelining: false });
      members.push(r);
      await r.connect();
    }
    await members[0].xgroup('CREATE', TOPIC, 'workers', '$', 'MKSTREAM');
  } catch (err) {
    await close();
    throw err;
  }
  return {
    producer: { kind: 'redis', address: server.url },
    async start(onRecord) {
      loops = Promise.all(
        members.map(async (redis, c) => {
          while (!stopped) {
            const answer = (await redis.callBuffer('XREADGROUP', 'GROUP', 'workers', `c${c}`, 'COUNT', 100, 'BLOCK', 1000, 'STREAMS', TOPIC, '>')) as
              [Buffer, [Buffer, Buffer[]][]][] | null;
            if (answer === null) continue;
            const entries = answer[0][1];
            for (const [, fields] of entries) onRecord(fields[1].readDoubleLE(0));
            void redis.xack(TOPIC, 'workers', ...entries.map(([id]) => id)).catch(() => undefined);
          }
        }),
      ).catch(() => undefined);
    },
    serverCpuMs: () => server.cpuMs(),
    close,
  };
}

/** The rows' systems in the footnote, in row order. */
const SHORT_NAMES = ['Sharelog (fsync always)', 'Sharelog (fsync 1 s)', 'Redis'];

function describe(name: string, r: LatencyResult | Missing): string {
  if (isMissing(r)) return `${name}: missing: ${r.missing}`;
  const cpu = `cpu % server ${r.serverCpuPercent ?? '?'} client ${r.clientCpuPercent} other ${r.otherCpuPercent ?? '?'}`;
  return `${name}: ${formatRate(r.achievedPerSec)} rec/s acquired, p50 ${r.ms.p50} p99 ${r.ms.p99} p99.9 ${r.ms.p999} max ${r.ms.max} ms; produce answered p50 ${r.producer.ackMs.p50} p99 ${r.producer.ackMs.p99} ms, ${r.producer.lateSends} late sends; ${cpu}`;
}

export const latencySuite: Suite = {
  name: 'latency',
  description: `Produce -> acquire latency at ${formatRate(RATE)} rec/s, 1 partition, ${MEMBERS} share-group members: Sharelog (--fsync always, and interval:1000) and Redis Streams`,
  async run(ctx) {
    const sharelog = await measure('sharelog', () => sharelogTarget(ctx, 'always'), ctx);
    ctx.progress(describe('sharelog', sharelog));
    const sharelogInterval = await measure('sharelog fsync interval:1000', () => sharelogTarget(ctx, 'interval'), ctx);
    ctx.progress(describe('sharelog fsync interval:1000', sharelogInterval));
    const redis = await orMissing(() => measure('redis streams', redisTarget, ctx));
    ctx.progress(describe('redis streams', redis));
    const floor = await produceFloor(ctx);
    ctx.progress(`grpc-js echo: produce answered p50 ${floor.ackMs.p50} p99 ${floor.ackMs.p99} max ${floor.ackMs.max} ms, ${floor.lateSends} late sends`);
    const rows: [string, LatencyResult | Missing, string][] = [
      ['Sharelog share group (embedded, fsync always)', sharelog, `p99 <= ${TARGET_P99_MS} ms ${sharelog.ms.p99 <= TARGET_P99_MS ? 'met' : 'MISSED'}`],
      ['Sharelog share group (embedded, fsync interval:1000)', sharelogInterval, ''],
      ['Redis Streams (XREADGROUP BLOCK, fsync everysec)', redis, ''],
    ];
    const noisy = (r: LatencyResult | Missing) => !isMissing(r) && (r.otherCpuPercent ?? 0) > NOISY_OTHER_CPU;
    let table = formatTable(
      ['system', 'rec/s', 'p50 ms', 'p99 ms', 'p99.9 ms', 'max ms', 'target', 'produce answered p50/p99 ms'],
      rows.map(([name, r, target]) =>
        isMissing(r)
          ? [name, 'missing', '', '', '', '', '', '']
          : [`${name}${noisy(r) ? ' *' : ''}`, formatRate(r.achievedPerSec), String(r.ms.p50), String(r.ms.p99), String(r.ms.p999), String(r.ms.max), target,
            `${r.producer.ackMs.p50} / ${r.producer.ackMs.p99}`],
      ),
    );
    table += `\nrate: ${formatRate(RATE)} rec/s offered, rec/s = records of the window acquired / window; producer (a worker thread): every ${INTERVAL_MS} ms ` +
      `one request of ${BATCH} records, open loop, each stamped with its intended send time; window ${sharelog.windowMs / 1000} s after ` +
      `${sharelog.warmupMs / 1000} s warm-up; late sends (> ${INTERVAL_MS} ms behind schedule): ${rows.map(([, r], i) => `${SHORT_NAMES[i]} ${isMissing(r) ? '-' : r.producer.lateSends}`).join(', ')}`;
    table += `\nfloor: the same producer against the bare grpc-js echo server (no acquire leg) is answered p50 ${floor.ackMs.p50} / p99 ${floor.ackMs.p99} ms`;
    if (rows.some(([, r]) => noisy(r))) table += `\n* other processes used > ${NOISY_OTHER_CPU}% of a core: noisy`;
    return {
      table,
      results: {
        rate: RATE, intervalMs: INTERVAL_MS, batch: BATCH, valueBytes: VALUE_BYTES, members: MEMBERS, partitions: 1,
        sharelog: { fsync: 'always', acknowledgement: 'explicit accept, not awaited', ...sharelog },
        sharelogInterval: { fsync: 'interval:1000', acknowledgement: 'explicit accept, not awaited', ...sharelogInterval },
        redisStreams: isMissing(redis) ? redis : { appendfsync: 'everysec', read: 'XREADGROUP COUNT 100 BLOCK 1000, XACK not awaited', ...redis },
        echoProduceFloor: floor,
        targetP99Ms: TARGET_P99_MS,
      },
    };
  },
};
