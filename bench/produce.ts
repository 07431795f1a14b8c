/**
 * Produce throughput, Sharelog against the echo ceiling, closed loop.
 *
 * Workloads: batch sizes 1, 100, 1000 of 100-byte keyless values, with 1 client (1-partition topic, partition 0)
 * and 4 clients (4-partition topic, client i on partition i, each with its own HTTP/2 connection). Every
 * measurement gets a fresh server process; Sharelog also a fresh data dir with --fsync always. Echo and
 * Sharelog alternate per workload so slow drift of the machine hits both alike.
 */
import { loadSharelogProto } from '../src/api/proto.js';
import type { ProduceRequest } from '../src/generated/sharelog/v1/ProduceRequest.js';
import { startChildServer, type ChildServer } from './lib/child.js';
import { makeTempDir } from './lib/cleanup.js';
import { machineBusyMs, waitForQuiet, type Quiet } from './lib/cpu.js';
import { RawUnaryClient, createTopic } from './lib/grpc.js';
import { closedLoop, type LoadClient, type LoadResult } from './lib/load.js';
import { serverCode } from './lib/server-code.js';
import type { Suite, SuiteContext } from './lib/suite.js';
import { formatRate, formatTable } from './lib/table.js';

const BATCH_SIZES = [1, 100, 1000];
const CLIENT_COUNTS = [1, 4];
const VALUE_BYTES = 100;
const TOPIC = 'bench';
/** Rows where other processes used more CPU than this (% of one core) are marked noisy. */
const NOISY_OTHER_CPU = 25;
/** From the issue: Sharelog should reach 60% of the ceiling for batches of 1000 from one client. */
const TARGET = { batch: 1000, clients: 1, minRatio: 0.6 };

export interface Workload {
  name: string;
  batch: number;
  clients: number;
}

export type Target = 'echo' | 'sharelog';

function workloads(): Workload[] {
  const out: Workload[] = [];
  for (const batch of BATCH_SIZES) {
    for (const clients of CLIENT_COUNTS) {
      out.push({ name: `batch ${batch}, ${clients} client${clients > 1 ? 's' : ''}`, batch, clients });
    }
  }
  return out;
}

const produceMethod = () => loadSharelogProto().proto.sharelog.v1.ProducerService.service.Produce;

/** One pre-encoded request per client; values are a fixed pattern so every run sends the same bytes. */
function encodeRequest(batch: number, partition: number): Buffer {
  const value = Buffer.alloc(VALUE_BYTES);
  for (let i = 0; i < VALUE_BYTES; i++) value[i] = (i * 31 + partition) & 0xff;
  const timestampMs = Date.now();
  const request: ProduceRequest = {
    topic: TOPIC,
    partition,
    records: Array.from({ length: batch }, () => ({ value, headers: [], timestampMs })),
    producerId: '',
    sequence: 0,
  };
  return produceMethod().requestSerialize(request);
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
    args: ['src/cli/main.ts', 'serve', '--listen', '127.0.0.1:0', '--data-dir', data.dir, '--fsync', 'always', '--log-level', 'info'],
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

export interface Measurement extends LoadResult {
  /** CPU used during the window, in % of one core (100 = one core busy). */
  serverCpuPercent: number | null;
  clientCpuPercent: number;
  /** Machine CPU used by everything else (other tenants, the kernel's own threads), same unit. */
  otherCpuPercent: number | null;
  /** What waiting for a quiet machine before the measurement found. */
  quietBefore: Quiet;
}

export async function measure(target: Target, w: Workload, ctx: SuiteContext): Promise<Measurement> {
  const quietBefore = await waitForQuiet(NOISY_OTHER_CPU, ctx.quietMaxWaitMs);
  if (quietBefore.waitedMs > 1500) {
    ctx.progress(`waited ${(quietBefore.waitedMs / 1000).toFixed(0)} s for other processes' load to drop (now ${quietBefore.otherCpuPercent}% of a core)`);
  }
  const { server, done } = await startServer(target, ctx);
  const clients: RawUnaryClient[] = [];
  try {
    if (target === 'sharelog') await createTopic(server.address, TOPIC, w.clients);
    const method = produceMethod();
    const load: LoadClient[] = [];
    for (let i = 0; i < w.clients; i++) {
      const client = new RawUnaryClient(server.address);
      clients.push(client);
      await client.ready();
      const payload = encodeRequest(w.batch, i);
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
    let [server0, server1, busy0, busy1] = [null, null, null, null] as (number | null)[];
    let client0 = process.cpuUsage();
    let client1 = client0;
    const result = await closedLoop(load, {
      warmupMs: ctx.warmupMs,
      maxWarmupMs: ctx.maxWarmupMs,
      durationMs: ctx.durationMs,
      onWindow: (edge) => {
        if (edge === 'start') [server0, busy0, client0] = [server.cpuMs(), machineBusyMs(), process.cpuUsage()];
        else [server1, busy1, client1] = [server.cpuMs(), machineBusyMs(), process.cpuUsage(client0)];
      },
    });
    const percent = (ms: number) => Math.round((ms / ctx.durationMs) * 100);
    const serverMs = server0 !== null && server1 !== null ? server1 - server0 : null;
    const clientMs = (client1.user + client1.system) / 1000;
    const busyMs = busy0 !== null && busy1 !== null ? busy1 - busy0 : null;
    return {
      ...result,
      serverCpuPercent: serverMs === null ? null : percent(serverMs),
      clientCpuPercent: percent(clientMs),
      otherCpuPercent: busyMs === null || serverMs === null ? null : Math.max(0, percent(busyMs - serverMs - clientMs)),
      quietBefore,
    };
  } catch (err) {
    const exit = server.exitStatus();
    const detail = exit === null ? '' : `\n${server.name} exited (${exit}); its last output:\n${server.tail()}`;
    throw new Error(`${w.name} on ${target}: ${(err as Error).message}${detail}`, { cause: err });
  } finally {
    for (const c of clients) c.close();
    await done();
  }
}

function describe(w: Workload, target: Target, m: Measurement): string {
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
  ratio: number;
  target?: { minRatio: number; met: boolean };
}

export const produceSuite: Suite = {
  name: 'produce',
  description: 'Produce records/s: Sharelog (--fsync always) against a bare grpc-js echo of the same RPC',
  async run(ctx) {
    const code = serverCode();
    if (code.ref !== null) ctx.progress(`sharelog server runs ${code.ref} (${code.sha}) from ${code.root}`);
    const rows: Row[] = [];
    for (const w of workloads()) {
      const echo = await measure('echo', w, ctx);
      ctx.progress(describe(w, 'echo', echo));
      const sharelog = await measure('sharelog', w, ctx);
      ctx.progress(describe(w, 'sharelog', sharelog));
      const ratio = echo.recordsPerSec > 0 ? sharelog.recordsPerSec / echo.recordsPerSec : 0;
      const row: Row = { workload: w.name, batch: w.batch, clients: w.clients, echo, sharelog, ratio: Math.round(ratio * 1000) / 1000 };
      if (w.batch === TARGET.batch && w.clients === TARGET.clients) {
        row.target = { minRatio: TARGET.minRatio, met: ratio >= TARGET.minRatio };
      }
      rows.push(row);
    }
    const otherCpu = (r: Row) => Math.max(r.echo.otherCpuPercent ?? 0, r.sharelog.otherCpuPercent ?? 0);
    const noisy = rows.filter((r) => otherCpu(r) > NOISY_OTHER_CPU);
    let table = formatTable(
      ['workload', 'echo rec/s', 'sharelog rec/s', 'ratio', 'target'],
      rows.map((r) => [
        `${r.workload}${noisy.includes(r) ? ' *' : ''}`,
        formatRate(r.echo.recordsPerSec),
        formatRate(r.sharelog.recordsPerSec),
        r.ratio.toFixed(2),
        r.target ? `>= ${r.target.minRatio.toFixed(2)} ${r.target.met ? 'met' : 'MISSED'}` : '',
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
        fsync: 'always',
        loop: 'closed, one request in flight per client, own HTTP/2 connection per client',
        rows,
      },
    };
  },
};
