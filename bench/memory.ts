/**
 * Memory of the Sharelog server child (VmRSS from /proc/<pid>/status; V8 heap from its Prometheus endpoint):
 *  (a) in-flight window: 1,000,000 records on 1 partition; one member acquires offset 0 and never acknowledges it
 *      (lock 1 h), 15 members acquire and accept everything after it, so the share-partition window spans all
 *      1,000,000 records. Then offset 0 is accepted, closing the window after the same traffic: bytes/record =
 *      (RSS with the window - RSS with it closed) / 1,000,000 (target <= 100), the heap-used delta beside it. The
 *      restarted server's memory with a window of 1 record is shown too, but not used: its V8 heap still holds
 *      start-up slack;
 *  (b) backlog independence: an idle server holding N records and one share group that has consumed nothing
 *      (a member joined without fetching), N = 1M and 10M (--quick: 100k and 1M); ratio target about 1.0.
 * Set-up produces with raw gRPC batches of 1000 and `--fsync interval:1000` (fsync does not change memory; it
 * keeps set-up short). Memory is read after idling, a full GC (GC_HOOK) and RSS settling: the median of 5 samples.
 */
import fs from 'node:fs';
import { connect, type SharelogClient } from '../src/client/client.js';
import { startChildServer, type ChildServer } from './lib/child.js';
import { makeTempDir } from './lib/cleanup.js';
import { CHANNEL_OPTIONS, RawUnaryClient, encodeProduceRequest, produceMethod } from './lib/grpc.js';
import { quietBefore } from './lib/measure.js';
import { freePort } from './lib/peer-process.js';
import { serverCode } from './lib/server-code.js';
import type { Suite, SuiteContext } from './lib/suite.js';
import { formatRate, formatTable } from './lib/table.js';

const BATCH = 1000;
const FSYNC = 'interval:1000';
const WINDOW_RECORDS = 1_000_000;
const MEMBERS = 16;
const TARGET_BYTES_PER_RECORD = 100;
const TARGET_RATIO_MAX = 1.1;
const MiB = 1024 * 1024;
/** Loaded into the server child: SIGUSR2 runs a full GC, so heap figures are live data, not garbage not yet collected. */
const GC_HOOK = 'data:text/javascript,process.on("SIGUSR2",()=>globalThis.gc())';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mib = (bytes: number) => (bytes / MiB).toFixed(1);
const describeMemory = (m: Memory) =>
  `RSS ${mib(m.rss)} MiB (anon ${mib(m.rssAnon)}), V8 heap used ${mib(m.heapUsed ?? NaN)} of ${mib(m.heapTotal ?? NaN)} MiB, external ${mib(m.external ?? NaN)} MiB`;

interface Memory {
  /** VmRSS, RssAnon (heap, stacks) and RssFile (mapped files, code), bytes. */
  rss: number;
  rssAnon: number;
  rssFile: number;
  /** V8 heap used, V8 heap committed, memory of Buffers outside the heap (Prometheus names); null when unknown. */
  heapUsed: number | null;
  heapTotal: number | null;
  external: number | null;
}

interface Server {
  child: ChildServer;
  metricsPort: number;
  stop(): Promise<void>;
}

async function startSharelog(dataDir: string, ctx: SuiteContext): Promise<Server> {
  const metricsPort = await freePort();
  const child = await startChildServer({
    name: 'sharelog server',
    cwd: serverCode().root,
    args: ['src/cli/main.ts', 'serve', '--listen', '127.0.0.1:0', '--data-dir', dataDir, '--fsync', FSYNC,
      '--log-level', 'info', '--metrics-listen', `127.0.0.1:${metricsPort}`],
    readyMsg: 'sharelog serving',
    nodeFlags: [...ctx.serverNodeFlags, '--expose-gc', '--import', GC_HOOK],
  });
  return { child, metricsPort, stop: () => child.stop() };
}

type ProcMemory = Pick<Memory, 'rss' | 'rssAnon' | 'rssFile'>;

function procStatus(pid: number): ProcMemory {
  const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN) * 1024;
  return { rss: kib('VmRSS'), rssAnon: kib('RssAnon'), rssFile: kib('RssFile') };
}

async function v8Memory(port: number): Promise<Pick<Memory, 'heapUsed' | 'heapTotal' | 'external'>> {
  let text = '';
  try {
    text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  } catch {
    /* no endpoint: unknown */
  }
  const metric = (name: string) => {
    const m = new RegExp(`^${name}\\s+([\\d.e+]+)`, 'm').exec(text);
    return m ? Number(m[1]) : null;
  };
  return { heapUsed: metric('nodejs_heap_size_used_bytes'), heapTotal: metric('nodejs_heap_size_total_bytes'), external: metric('nodejs_external_memory_bytes') };
}

/**
 * Idle for `idleMs`, a full GC, then RSS sampled each second until it stops falling (V8 and malloc hand pages back
 * a while after a GC; up to 30 s), then the median of 5 samples 500 ms apart.
 */
async function settledMemory(server: Server, idleMs: number): Promise<Memory> {
  await sleep(idleMs);
  process.kill(server.child.pid, 'SIGUSR2');
  let last = procStatus(server.child.pid).rss;
  for (let i = 0, steady = 0; i < 30 && steady < 3; i++) {
    await sleep(1_000);
    const now = procStatus(server.child.pid).rss;
    steady = Math.abs(now - last) < MiB / 2 ? steady + 1 : 0;
    last = now;
  }
  const samples: ProcMemory[] = [];
  for (let i = 0; i < 5; i++) {
    samples.push(procStatus(server.child.pid));
    await sleep(500);
  }
  samples.sort((a, b) => a.rss - b.rss);
  return { ...samples[2], ...(await v8Memory(server.metricsPort)) };
}

/** Produces n records to partition 0, four requests in flight. */
async function produce(address: string, topic: string, n: number): Promise<number> {
  const producer = new RawUnaryClient(address);
  const t0 = performance.now();
  try {
    await producer.ready();
    const method = produceMethod().path;
    const request = encodeProduceRequest(topic, 0, BATCH);
    let next = 0;
    const lane = async () => {
      while (next < n / BATCH) {
        next++;
        await producer.call(method, request);
      }
    };
    await Promise.all([lane(), lane(), lane(), lane()]);
  } finally {
    producer.close();
  }
  return (n / (performance.now() - t0)) * 1000;
}

async function windowWorkload(ctx: SuiteContext) {
  await quietBefore(ctx);
  const data = makeTempDir('sharelog-bench-mem-');
  let server = await startSharelog(data.dir, ctx);
  const clients: SharelogClient[] = [];
  try {
    const setup = connect(server.child.address);
    await setup.admin.createTopic('window', { partitions: 1 });
    await setup.close();
    const produceRate = await produce(server.child.address, 'window', WINDOW_RECORDS);
    ctx.progress(`(a) produced ${formatRate(WINDOW_RECORDS)} records at ${formatRate(produceRate)} rec/s`);
    // A fresh process, so the baseline does not carry the producing phase's high-water mark.
    await server.stop();
    server = await startSharelog(data.dir, ctx);
    const admin = connect(server.child.address);
    clients.push(admin);
    await admin.admin.updateShareGroupConfig('window', { autoOffsetReset: 'earliest', recordLockDurationMs: 3_600_000, maxInFlightRecords: 10_000 });

    // The holder: a window of one credit, one poll, never an acknowledgement (no poll again: no more credits).
    const holderClient = connect(server.child.address, { channelOptions: CHANNEL_OPTIONS });
    clients.push(holderClient);
    const holder = holderClient.shareConsumer({ acknowledgementMode: 'explicit', maxRecords: 1, window: 1, maxWaitMs: 5000 });
    await holder.subscribe('window', ['window']);
    const held = await holder.poll();
    if (held.length !== 1 || held[0].record.offset !== 0n) throw new Error(`holder got ${held.map((d) => d.record.offset).join(',') || 'nothing'}, not offset 0`);
    const before = await settledMemory(server, 5_000);
    ctx.progress(`(a) window of 1 record (restarted server): ${describeMemory(before)}`);

    const t0 = performance.now();
    let accepted = 0;
    const todo = WINDOW_RECORDS - 1;
    const stop = new AbortController();
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const workers = Array.from({ length: MEMBERS - 1 }, () => connect(server.child.address, { channelOptions: CHANNEL_OPTIONS }));
    clients.push(...workers);
    const loops = workers.map(async (client) => {
      const consumer = client.shareConsumer({ acknowledgementMode: 'explicit', maxRecords: 500, window: 1000, maxWaitMs: 200 });
      await consumer.subscribe('window', ['window']);
      while (!stop.signal.aborted) {
        for (const d of await consumer.poll({ signal: stop.signal }).catch(() => [])) {
          d.accept().then(() => ++accepted === todo && finish(), () => undefined);
        }
      }
      await consumer.close();
    });
    const progress = setInterval(() => ctx.progress(`(a) accepted ${formatRate(accepted)} of ${formatRate(todo)}`), 10_000);
    await Promise.race([finished, sleep(600_000)]);
    clearInterval(progress);
    stop.abort();
    await Promise.all(loops);
    if (accepted !== todo) throw new Error(`(a) ${accepted} of ${todo} accepted in 600 s`);
    const consumeMs = performance.now() - t0;
    const part = (await admin.admin.describeShareGroup('window')).partitions[0];
    ctx.progress(`(a) consumed in ${(consumeMs / 1000).toFixed(1)} s; window start ${part.startOffset} end ${part.endOffset}, acquired ${part.acquired}, acknowledged ${part.acknowledged}`);
    if (String(part.startOffset) !== '0') throw new Error(`(a) the window start moved to ${part.startOffset}: offset 0 is no longer held`);
    const after = await settledMemory(server, 10_000);
    const span = Number(part.endOffset) - Number(part.startOffset);
    ctx.progress(`(a) window of ${formatRate(span)}: ${describeMemory(after)}`);

    // Control: accept offset 0, so the window closes after the same traffic. The window's cost is what this gives
    // back: the restarted baseline above can hold more unused V8 heap than the process after the drain (start-up
    // recovery grows the heap, and V8 shrinks it only later), which made its delta come out negative.
    await held[0].accept();
    const closed = (await admin.admin.describeShareGroup('window')).partitions[0];
    if (String(closed.startOffset) !== String(WINDOW_RECORDS)) throw new Error(`(a) window start ${closed.startOffset} after accepting offset 0`);
    const released = await settledMemory(server, 10_000);
    const bytesPerRecord = (after.rss - released.rss) / span;
    const heapPerRecord = released.heapUsed !== null && after.heapUsed !== null ? (after.heapUsed - released.heapUsed) / span : null;
    ctx.progress(`(a) window closed: ${describeMemory(released)}; the window was ${bytesPerRecord.toFixed(1)} B/record`);
    return { records: WINDOW_RECORDS, produceRate, consumeMs, span, partition: part, before, after, released, bytesPerRecord, heapPerRecord };
  } finally {
    await Promise.allSettled(clients.map((c) => c.close()));
    await server.stop();
    await data.remove();
  }
}

/** RSS of an idle server holding n records and a share group that joined but fetched nothing. */
async function backlogWorkload(n: number, ctx: SuiteContext) {
  await quietBefore(ctx);
  const data = makeTempDir('sharelog-bench-mem-');
  let server = await startSharelog(data.dir, ctx);
  const memberOf = async (s: Server) => {
    const client = connect(s.child.address);
    // Unary transport: joining is a heartbeat; records are acquired only by a Fetch, which never comes.
    const member = client.shareConsumer({ transport: 'unary', acknowledgementMode: 'explicit' });
    await member.subscribe('backlog', ['backlog']);
    return client;
  };
  try {
    const setup = connect(server.child.address);
    await setup.admin.createTopic('backlog', { partitions: 1 });
    await setup.admin.updateShareGroupConfig('backlog', { autoOffsetReset: 'earliest' });
    await setup.close();
    const produceRate = await produce(server.child.address, 'backlog', n);
    let member = await memberOf(server);
    const live = await settledMemory(server, 10_000);
    ctx.progress(`backlog ${formatRate(n)} (produced at ${formatRate(produceRate)} rec/s), producing process: ${describeMemory(live)}`);
    await member.close();
    await server.stop();
    server = await startSharelog(data.dir, ctx); // a fresh process: what the backlog alone costs
    member = await memberOf(server);
    const restarted = await settledMemory(server, 10_000);
    const part = (await member.admin.describeShareGroup('backlog')).partitions[0];
    ctx.progress(`backlog ${formatRate(n)}, restarted: ${describeMemory(restarted)}; group window ${part?.startOffset ?? '-'}..${part?.endOffset ?? '-'}, lag ${part?.lag ?? '-'}`);
    await member.close();
    return { records: n, produceRate, live, restarted, partition: part ?? null };
  } finally {
    await server.stop();
    await data.remove();
  }
}

export const memorySuite: Suite = {
  name: 'memory',
  description: 'Server RSS: a share-partition window spanning 1,000,000 records; an idle server with a 1M vs 10M backlog',
  async run(ctx) {
    const window = await windowWorkload(ctx);
    const sizes = ctx.quick ? [100_000, 1_000_000] : [1_000_000, 10_000_000];
    const small = await backlogWorkload(sizes[0], ctx);
    const large = await backlogWorkload(sizes[1], ctx);
    const ratio = (pick: (b: typeof small) => number) => pick(large) / pick(small);
    const heap = (m: Memory) => (m.heapUsed === null ? '?' : mib(m.heapUsed));
    const okWindow = window.bytesPerRecord <= TARGET_BYTES_PER_RECORD;
    const okRatio = ratio((b) => b.restarted.rss) <= TARGET_RATIO_MAX;
    const table = [
      formatTable(
        ['(a) share-partition window', 'RSS MiB', 'RSS anon MiB', 'heap used MiB', 'bytes/record', 'target'],
        [
          ['window of 1 record (offset 0 held, restarted)', mib(window.before.rss), mib(window.before.rssAnon), heap(window.before), '', ''],
          [`window of ${formatRate(window.span)} records`, mib(window.after.rss), mib(window.after.rssAnon), heap(window.after),
            `${window.bytesPerRecord.toFixed(1)} (heap ${window.heapPerRecord?.toFixed(1) ?? '?'})`,
            `<= ${TARGET_BYTES_PER_RECORD} ${okWindow ? 'met' : 'MISSED'}`],
          ['then offset 0 accepted: window closed', mib(window.released.rss), mib(window.released.rssAnon), heap(window.released), '', ''],
        ],
      ),
      '',
      formatTable(
        ['(b) idle server, backlog', 'RSS MiB (restarted)', 'RSS anon MiB', 'heap used MiB', 'RSS MiB (producing process)', 'target'],
        [
          [`${formatRate(small.records)} records`, mib(small.restarted.rss), mib(small.restarted.rssAnon), heap(small.restarted), mib(small.live.rss), ''],
          [`${formatRate(large.records)} records`, mib(large.restarted.rss), mib(large.restarted.rssAnon), heap(large.restarted), mib(large.live.rss), ''],
          [`ratio ${formatRate(large.records)} / ${formatRate(small.records)}`, ratio((b) => b.restarted.rss).toFixed(2),
            ratio((b) => b.restarted.rssAnon).toFixed(2),
            small.restarted.heapUsed && large.restarted.heapUsed ? (large.restarted.heapUsed / small.restarted.heapUsed).toFixed(2) : '?',
            ratio((b) => b.live.rss).toFixed(2), `about 1.0 (<= ${TARGET_RATIO_MAX}) ${okRatio ? 'met' : 'MISSED'}`],
        ],
      ),
      `set-up: raw gRPC Produce batches of ${BATCH}, --fsync ${FSYNC}; backlogs ${ctx.quick ? '100k vs 1M (--quick)' : '1M vs 10M'}; ` +
        'memory = median of 5 samples after 10 s idle and a full GC',
    ].join('\n');
    return { table, results: { fsync: FSYNC, batch: BATCH, window, backlog: [small, large], targets: { bytesPerRecord: TARGET_BYTES_PER_RECORD, ratioMax: TARGET_RATIO_MAX } } };
  },
};
