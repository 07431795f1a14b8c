/**
 * Produce throughput, Sharelog against the echo ceiling, closed loop.
 *
 * Workloads: batch sizes 1, 100, 1000 of 100-byte keyless values, with 1 client (1-partition topic, partition 0)
 * and 4 clients (4-partition topic, client i on partition i, each with its own HTTP/2 connection). Every
 * measurement gets a fresh server process; Sharelog also a fresh data dir, with --fsync always (the target's
 * figure) and again with --fsync interval:1000. Echo and Sharelog alternate per workload so slow drift of the
 * machine hits both alike.
 *
 * Peers, same workloads and loop: Redis Streams (XADD pipelined in batches, one stream per client, AOF with
 * fsync every second) and NATS JetStream (async publishes awaited per batch, one file-storage stream per client).
 * A peer that cannot be installed or started is shown as missing.
 */
import { startChildServer, type ChildServer } from './lib/child.js';
import { makeTempDir } from './lib/cleanup.js';
import { RawUnaryClient, createTopic, encodeProduceRequest, produceMethod } from './lib/grpc.js';
import type { LoadClient } from './lib/load.js';
import { NOISY_OTHER_CPU, measureClosedLoop, type Measurement } from './lib/measure.js';
import { isMissing, orMissing, type Missing } from './lib/peer-process.js';
import { serverCode } from './lib/server-code.js';
import { natsPublishSetup } from './peers/nats-jetstream.js';
import { redisProduceSetup } from './peers/redis-streams.js';
import type { Suite, SuiteContext } from './lib/suite.js';
import { formatRate, formatTable } from './lib/table.js';

const BATCH_SIZES = [1, 100, 1000];
const CLIENT_COUNTS = [1, 4];
const VALUE_BYTES = 100;
const TOPIC = 'bench';
/** From the issue: Sharelog should reach 60% of the ceiling for batches of 1000 from one client. */
const TARGET = { batch: 1000, clients: 1, minRatio: 0.6 };

export interface Workload {
  name: string;
  batch: number;
  clients: number;
}

/** `sharelog` runs with --fsync always (group commit); `sharelog-interval` with --fsync interval:1000. */
export type Target = 'echo' | 'sharelog' | 'sharelog-interval';

const FSYNC: Record<Exclude<Target, 'echo'>, string> = { sharelog: 'always', 'sharelog-interval': 'interval:1000' };

function workloads(): Workload[] {
  const out: Workload[] = [];
  for (const batch of BATCH_SIZES) {
    for (const clients of CLIENT_COUNTS) {
      out.push({ name: `batch ${batch}, ${clients} client${clients > 1 ? 's' : ''}`, batch, clients });
    }
  }
  return out;
}

export async function startServer(target: Target, ctx: SuiteContext): Promise<{ server: ChildServer; done: () => Promise<void> }> {
  const nodeFlags = ctx.serverNodeFlags;
  if (target === 'echo') {
    const server = await startChildServer({ name: 'echo server', args: ['bench/echo-server.ts'], readyMsg: 'echo serving', nodeFlags });
    return { server, done: () => server.stop() };
  }
  const data = makeTempDir('sharelog-bench-');
  const server = await startChildServer({
    name: 'sharelog server',
    cwd: serverCode().root,
    args: ['src/cli/main.ts', 'serve', '--listen', '127.0.0.1:0', '--data-dir', data.dir, '--fsync', FSYNC[target], '--log-level', 'info'],
    readyMsg: 'sharelog serving',
    nodeFlags,
  });
  return {
    server,
    done: async () => {
      try {
        await server.stop();
      } finally {
        await data.remove();
      }
    },
  };
}

export async function measure(target: Target, w: Workload, ctx: SuiteContext): Promise<Measurement> {
  return measureClosedLoop(`${w.name} on ${target}`, async () => {
    const { server, done } = await startServer(target, ctx);
    const clients: RawUnaryClient[] = [];
    const close = async () => {
      for (const c of clients) c.close();
      await done();
    };
    const failureDetail = () => {
      const exit = server.exitStatus();
      return exit === null ? '' : `\n${server.name} exited (${exit}); its last output:\n${server.tail()}`;
    };
    try {
      if (target !== 'echo') await createTopic(server.address, TOPIC, w.clients);
      const method = produceMethod();
      const load: LoadClient[] = [];
      for (let i = 0; i < w.clients; i++) {
        const client = new RawUnaryClient(server.address);
        clients.push(client);
        await client.ready();
        const payload = encodeProduceRequest(TOPIC, i, w.batch, VALUE_BYTES);
        let checked = false;
        load.push({
          send: async () => {
            const answer = await client.call(method.path, payload);
            if (!checked) {
              // Decode one answer per client (in warm-up) to be sure the server really did the work.
              const positions = method.responseDeserialize(answer).positions;
              const expected = target === 'echo' ? 0 : w.batch;
              if (positions.length !== expected || (expected > 0 && positions[0].partition !== i)) {
                throw new Error(`${server.name}: unexpected answer ${JSON.stringify(positions.slice(0, 2))}`);
              }
              checked = true;
            }
            return w.batch;
          },
        });
      }
      return { clients: load, serverCpuMs: () => server.cpuMs(), close, failureDetail };
    } catch (err) {
      await close();
      throw new Error(`${(err as Error).message}${failureDetail()}`, { cause: err });
    }
  }, ctx);
}

function describe(w: Workload, target: string, m: Measurement): string {
  const warm = `${m.warmup.ms} ms warm-up${m.warmup.steady ? '' : ' (rate never steady)'}`;
  const cpu = `cpu % server ${m.serverCpuPercent ?? '?'} client ${m.clientCpuPercent} other ${m.otherCpuPercent ?? '?'}`;
  return `${w.name}, ${target}: ${formatRate(m.recordsPerSec)} rec/s, p50 ${m.latencyMs.p50} ms, ${cpu}, ${warm}`;
}

interface Row {
  workload: string;
  batch: number;
  clients: number;
  echo: Measurement;
  sharelog: Measurement;
  /** Sharelog with --fsync interval:1000, the durability Redis (everysec) and NATS (no fsync per message) offer. */
  sharelogInterval: Measurement;
  ratio: number;
  target?: { minRatio: number; met: boolean };
  /** Peers on the same workload; Sharelog / peer ratios are computed by whoever shows them. */
  redisStreams: Measurement | Missing;
  natsJetStream: Measurement | Missing;
}

function peerCells(sharelog: Measurement, peer: Measurement | Missing): string[] {
  if (isMissing(peer)) return ['missing', ''];
  return [formatRate(peer.recordsPerSec), peer.recordsPerSec > 0 ? (sharelog.recordsPerSec / peer.recordsPerSec).toFixed(2) : ''];
}

export const produceSuite: Suite = {
  name: 'produce',
  description: 'Produce records/s: Sharelog (--fsync always, and interval:1000) against a bare grpc-js echo of the same RPC, Redis XADD and JetStream publish',
  async run(ctx) {
    const code = serverCode();
    if (code.ref !== null) ctx.progress(`sharelog server runs ${code.ref} (${code.sha}) from ${code.root}`);
    const rows: Row[] = [];
    for (const w of workloads()) {
      const echo = await measure('echo', w, ctx);
      ctx.progress(describe(w, 'echo', echo));
      const sharelog = await measure('sharelog', w, ctx);
      ctx.progress(describe(w, 'sharelog', sharelog));
      const sharelogInterval = await measure('sharelog-interval', w, ctx);
      ctx.progress(describe(w, 'sharelog fsync interval:1000', sharelogInterval));
      const redisStreams = await orMissing(() => measureClosedLoop(`${w.name} on redis`, () => redisProduceSetup(w.batch, w.clients), ctx));
      ctx.progress(isMissing(redisStreams) ? `redis: ${redisStreams.missing}` : describe(w, 'redis XADD', redisStreams));
      const natsJetStream = await orMissing(() => measureClosedLoop(`${w.name} on nats`, () => natsPublishSetup(w.batch, w.clients), ctx));
      ctx.progress(isMissing(natsJetStream) ? `nats: ${natsJetStream.missing}` : describe(w, 'nats publish', natsJetStream));
      const ratio = echo.recordsPerSec > 0 ? sharelog.recordsPerSec / echo.recordsPerSec : 0;
      const row: Row = {
        workload: w.name, batch: w.batch, clients: w.clients, echo, sharelog, sharelogInterval, ratio: Math.round(ratio * 1000) / 1000, redisStreams, natsJetStream,
      };
      if (w.batch === TARGET.batch && w.clients === TARGET.clients) {
        row.target = { minRatio: TARGET.minRatio, met: ratio >= TARGET.minRatio };
      }
      rows.push(row);
    }
    const otherCpu = (r: Row) =>
      Math.max(...[r.echo, r.sharelog, r.sharelogInterval, r.redisStreams, r.natsJetStream].map((m) => (isMissing(m) ? 0 : (m.otherCpuPercent ?? 0))));
    const noisy = rows.filter((r) => otherCpu(r) > NOISY_OTHER_CPU);
    let table = formatTable(
      ['workload', 'echo rec/s', 'sharelog rec/s', 'ratio', 'target', 'fsync 1s rec/s', 'redis XADD rec/s', 'sharelog/xadd', 'jetstream rec/s', 'sharelog/js'],
      rows.map((r) => [
        `${r.workload}${noisy.includes(r) ? ' *' : ''}`,
        formatRate(r.echo.recordsPerSec),
        formatRate(r.sharelog.recordsPerSec),
        r.ratio.toFixed(2),
        r.target ? `>= ${r.target.minRatio.toFixed(2)} ${r.target.met ? 'met' : 'MISSED'}` : '',
        formatRate(r.sharelogInterval.recordsPerSec),
        ...peerCells(r.sharelog, r.redisStreams),
        ...peerCells(r.sharelog, r.natsJetStream),
      ]),
    );
    if (noisy.length > 0) {
      const worst = Math.max(...noisy.map(otherCpu));
      table += `\n* other processes used > ${NOISY_OTHER_CPU}% of a core during the measurement (up to ${worst}%): noisy`;
    }
    return {
      table,
      results: {
        serverCode: code.ref === null ? 'working tree' : { ref: code.ref, sha: code.sha },
        valueBytes: VALUE_BYTES,
        fsync: { sharelog: 'always', sharelogInterval: 'interval:1000' },
        peers: { redisStreams: 'XADD pipelined per batch, appendfsync everysec', natsJetStream: 'async publish, batch awaited, file storage' },
        loop: 'closed, one request in flight per client, own HTTP/2 connection per client',
        rows,
      },
    };
  },
};
