/**
 * The fixed-rate producer of the latency suite, in a worker thread of its own: its timer must not wait behind the
 * 16 members' work on the main thread (a late send would still be counted, since records carry the intended
 * send time, but it would be the benchmark's lateness, not the system's). Protocol: workerData = ProducerJob;
 * the worker posts 'ready' once connected, gets { t0 } (ms of the shared monotonic clock), sends batches due at
 * t0 + k * intervalMs until `endMs` after t0, and posts a ProducerReport.
 */
import { parentPort, workerData, Worker } from 'node:worker_threads';
import { Redis } from 'ioredis';
import { RawUnaryClient, produceMethod } from './lib/grpc.js';

export interface ProducerJob {
  kind: 'sharelog' | 'redis';
  /** host:port (sharelog) or redis:// URL. */
  address: string;
  topic: string;
  intervalMs: number;
  batch: number;
  valueBytes: number;
  /** Schedule length after t0, ms. */
  endMs: number;
  /** Requests unanswered at once before the run is called overloaded. */
  maxInFlight: number;
}

export interface ProducerReport {
  produced: number;
  requests: number;
  /** Sends that left more than one interval after their due time (timer or event loop late). */
  lateSends: number;
  /** Intended send time -> answer, ms, over every request. */
  ackMs: { p50: number; p99: number; max: number };
}

/** Milliseconds of CLOCK_MONOTONIC: one clock for every thread and process of the machine. */
export const monoMs = () => Number(process.hrtime.bigint()) / 1e6;

/** Value bytes 0..7: intended send time (monoMs); 8..15: sequence; the rest padding. */
export function stampedValue(stamp: number, seq: number, bytes: number): Buffer {
  const value = Buffer.alloc(bytes, 'v');
  value.writeDoubleLE(stamp, 0);
  value.writeDoubleLE(seq, 8);
  return value;
}

/** Starts the worker (under tsx's loader, which worker threads do not inherit). */
export function startProducerWorker(job: ProducerJob): Worker {
  const file = new URL('./latency-producer.ts', import.meta.url).href;
  const code = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(file)}); })`;
  return new Worker(code, { eval: true, workerData: job });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function run(job: ProducerJob): Promise<void> {
  let send: (stamp: number, firstSeq: number) => Promise<void>;
  let close: () => void;
  if (job.kind === 'sharelog') {
    const client = new RawUnaryClient(job.address);
    await client.ready();
    const method = produceMethod();
    send = async (stamp, firstSeq) => {
      const records = Array.from({ length: job.batch }, (_, i) => ({ value: stampedValue(stamp, firstSeq + i, job.valueBytes), headers: [], timestampMs: Date.now() }));
      await client.call(method.path, method.requestSerialize({ topic: job.topic, partition: 0, records, producerId: '', sequence: 0 }));
    };
    close = () => client.close();
  } else {
    const redis = new Redis(job.address, { lazyConnect: true, maxRetriesPerRequest: 1, enableAutoPipelining: false });
    await redis.connect();
    send = async (stamp, firstSeq) => {
      const pipeline = redis.pipeline();
      for (let i = 0; i < job.batch; i++) pipeline.xadd(job.topic, '*', 'v', stampedValue(stamp, firstSeq + i, job.valueBytes));
      for (const [err] of (await pipeline.exec()) ?? []) if (err) throw err;
    };
    close = () => redis.disconnect();
  }
  const t0 = await new Promise<number>((resolve) => {
    parentPort!.once('message', (m: { t0: number }) => resolve(m.t0));
    parentPort!.postMessage('ready');
  });
  const acks: number[] = [];
  let produced = 0;
  let inFlight = 0;
  let lateSends = 0;
  let failure: unknown;
  let k = 0;
  for (; t0 + k * job.intervalMs < t0 + job.endMs; k++) {
    const due = t0 + k * job.intervalMs;
    const wait = due - monoMs();
    if (wait > 1) await sleep(wait - 1);
    while (monoMs() < due) { /* the last millisecond: timers are coarse */ }
    if (monoMs() - due > job.intervalMs) lateSends++;
    if (failure) throw failure;
    if (inFlight >= job.maxInFlight) throw new Error(`overloaded: ${inFlight} produce requests unanswered`);
    inFlight++;
    send(due, k * job.batch).then(
      () => ((produced += job.batch), inFlight--, acks.push(monoMs() - due)),
      (err: unknown) => (failure ??= err),
    );
  }
  const deadline = monoMs() + 30_000;
  while (inFlight > 0 && !failure && monoMs() < deadline) await sleep(5);
  close();
  if (failure) throw failure;
  if (inFlight > 0) throw new Error(`${inFlight} produce requests unanswered 30 s after the schedule`);
  acks.sort((a, b) => a - b);
  const at = (q: number) => Math.round(acks[Math.min(acks.length - 1, Math.floor(q * acks.length))] * 100) / 100;
  const report: ProducerReport = { produced, requests: k, lateSends, ackMs: { p50: at(0.5), p99: at(0.99), max: at(1) } };
  parentPort!.postMessage(report);
}

if (parentPort && (workerData as ProducerJob | undefined)?.kind) {
  // An error thrown here becomes the Worker's 'error' event in the suite.
  await run(workerData as ProducerJob);
}
