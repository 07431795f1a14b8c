/**
 * The chaos soak: a server child process under load from idempotent producers, share-group workers that fail a
 * share of their records, and a consumer group, while a fault loop SIGKILLs and restarts the server (the kills
 * tear writes wherever they land; nothing is truncated by hand). At the end it proves:
 *  - every record whose produce was acknowledged is in the log, at the offset it was given;
 *  - every record was finally accepted or archived (dead-lettered), and none was accepted twice or delivered
 *    after its accept was confirmed;
 *  - delivery counts never went backwards (each delivery of a record has a higher count than the one before);
 *  - committed consumer-group offsets never went backwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { connect, type SharelogClient } from '../client/client.js';
import { packageRoot } from '../paths.js';

export interface SoakOptions {
  durationMs: number;
  /** Kill the server every this many ms (jittered ±50%). */
  killEveryMs: number;
  producers: number;
  workers: number;
  partitions: number;
  /** Share of deliveries the workers release instead of accepting. */
  failureRate: number;
  /** Leave the server's data directory for a look afterwards. */
  keepData?: boolean;
  log?: (line: string) => void;
}

export interface SoakReport {
  kills: number;
  produced: number;
  acknowledgedProduces: number;
  missingFromLog: string[];
  accepted: number;
  acceptedTwice: number[];
  deliveredAfterAccept: number[];
  deadLettered: number;
  unfinished: number[];
  deliveries: number;
  redeliveries: number;
  countWentBack: number[];
  consumerRecords: number;
  commitsWentBack: string[];
  ok: boolean;
}

const TOPIC = 'soak';
const DLT = 'soak.dlt';
const SHARE_GROUP = 'soak-workers';
const CONSUMER_GROUP = 'soak-readers';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A port that was free on the loopback a moment ago (for servers that must keep one port across restarts). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** The server under test: `sharelog serve` in a child process, on a fixed port so clients reconnect to it. */
class ServerProcess {
  private child: ChildProcess | undefined;

  constructor(
    private readonly address: string,
    private readonly dataDir: string,
  ) {}

  async start(): Promise<void> {
    const root = packageRoot();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), 'serve', '--listen', this.address, '--data-dir', this.dataDir, '--fsync', 'always'],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('server did not start within 30 s')), 30_000);
      readline.createInterface({ input: child.stdout! }).on('line', (line) => {
        if (line.includes('"sharelog serving"')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => reject(new Error(`server exited with ${code} while starting`)));
    });
  }

  async kill(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }
}

export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const log = options.log ?? (() => undefined);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sharelog-soak-'));
  const address = `127.0.0.1:${await freePort()}`;
  const server = new ServerProcess(address, dataDir);
  await server.start();
  const client: SharelogClient = connect(address, { retry: { maxAttempts: 50, maxBackoffMs: 1000 } });
  const stop = new AbortController();
  const report: SoakReport = {
    kills: 0,
    produced: 0,
    acknowledgedProduces: 0,
    missingFromLog: [],
    accepted: 0,
    acceptedTwice: [],
    deliveredAfterAccept: [],
    deadLettered: 0,
    unfinished: [],
    deliveries: 0,
    redeliveries: 0,
    countWentBack: [],
    consumerRecords: 0,
    commitsWentBack: [],
    ok: false,
  };
  const acked = new Map<number, string>(); // seq -> "partition/offset"
  const acceptedCount = new Map<number, number>();
  const lastCount = new Map<number, number>();
  try {
    await client.admin.createTopic(TOPIC, { partitions: options.partitions });
    await client.admin.createTopic(DLT, { partitions: 1 });
    await client.admin.updateShareGroupConfig(SHARE_GROUP, {
      autoOffsetReset: 'earliest',
      deadLetterTopic: DLT,
      deliveryCountLimit: 4,
      recordLockDurationMs: 5_000,
    });

    let nextSeq = 0;
    const producers = Array.from({ length: options.producers }, async () => {
      const producer = client.producer({ lingerMs: 2, deliveryTimeoutMs: 600_000 });
      const pending = new Set<Promise<void>>();
      while (!stop.signal.aborted) {
        const seq = nextSeq++;
        report.produced++;
        const sent = producer
          .send(TOPIC, { key: String(seq), value: `record ${seq}` })
          .then((p) => void acked.set(seq, `${p.partition}/${p.offset}`), () => undefined);
        pending.add(sent);
        void sent.finally(() => pending.delete(sent));
        if (pending.size >= 50) await Promise.race(pending);
      }
      await Promise.allSettled([...pending]);
      await producer.close().catch(() => undefined);
    });

    /** Takes records until `signal` aborts, checking every delivery against what was seen of its record before. */
    const shareWorker = async (signal: AbortSignal, failureRate: number) => {
      const consumer = client.shareConsumer({ acknowledgementMode: 'explicit', maxRecords: 20, onError: () => undefined });
      await consumer.subscribe(SHARE_GROUP, [TOPIC]);
      while (!signal.aborted) {
        const deliveries = await consumer.poll({ maxWaitMs: 300, signal }).catch(() => []);
        await Promise.all(
          deliveries.map(async (d) => {
            const seq = Number(d.record.key!.toString());
            report.deliveries++;
            if (d.deliveryCount > 1) report.redeliveries++;
            if ((lastCount.get(seq) ?? 0) >= d.deliveryCount) report.countWentBack.push(seq);
            lastCount.set(seq, d.deliveryCount);
            if ((acceptedCount.get(seq) ?? 0) > 0) report.deliveredAfterAccept.push(seq);
            if (Math.random() < failureRate) return d.release(0, 'soak failure').catch(() => undefined);
            return d.accept().then(
              () => void acceptedCount.set(seq, (acceptedCount.get(seq) ?? 0) + 1),
              () => undefined, // unconfirmed: the record may or may not be accepted; the final check decides
            );
          }),
        );
      }
      await consumer.close().catch(() => undefined);
    };
    const workers = Array.from({ length: options.workers }, () => shareWorker(stop.signal, options.failureRate));

    const committed = new Map<string, bigint>();
    const reader = (async () => {
      const consumer = client.consumer({ autoOffsetReset: 'earliest', autoCommitIntervalMs: 500, onError: () => undefined });
      await consumer.subscribe(CONSUMER_GROUP, [TOPIC]);
      while (!stop.signal.aborted) {
        report.consumerRecords += (await consumer.poll({ maxWaitMs: 500 }).catch(() => [])).length;
        const offsets = await client.call('consumer', 'GetCommittedOffsets', { groupId: CONSUMER_GROUP }).catch(() => undefined);
        for (const o of offsets?.offsets ?? []) {
          const key = `${o.partition}`;
          const offset = BigInt(o.offset);
          if ((committed.get(key) ?? -1n) > offset) report.commitsWentBack.push(`${key}: ${committed.get(key)} -> ${offset}`);
          committed.set(key, offset);
        }
      }
      await consumer.close().catch(() => undefined);
    })();

    // The fault loop.
    const end = Date.now() + options.durationMs;
    while (Date.now() < end) {
      await sleep(options.killEveryMs * (0.5 + Math.random()));
      if (Date.now() >= end) break;
      await server.kill('SIGKILL');
      report.kills++;
      log(`kill ${report.kills}: ${acked.size} produces acknowledged, ${acceptedCount.size} records accepted so far`);
      await sleep(200 + Math.random() * 800);
      await server.start();
      const after = await client.admin.describeShareGroup(SHARE_GROUP).catch(() => undefined);
      if (after) log(`  restarted; share-group start offsets ${after.partitions.map((p) => `${p.partition}:${p.startOffset}`).join(' ')}`);
    }
    stop.abort();
    await Promise.allSettled([...producers, reader]);
    // Drain: one worker goes on, without failures, until every record is finished.
    log('draining');
    const drain = new AbortController();
    const drainer = shareWorker(drain.signal, 0);
    await Promise.allSettled(workers);
    const drainEnd = Date.now() + 60_000;
    for (;;) {
      const d = await client.admin.describeShareGroup(SHARE_GROUP);
      const unfinished = d.partitions.reduce((n, p) => n + Number(p.lag), 0);
      if (unfinished === 0 || Date.now() > drainEnd) break;
      await sleep(200);
    }
    drain.abort();
    await drainer;

    // The log holds every acknowledged record at its offset.
    const inLog = new Map<string, number>();
    const { partitions } = await client.admin.describeTopic(TOPIC);
    for (const p of partitions) {
      for (let offset = BigInt(p.startOffset); offset < BigInt(p.endOffset); ) {
        const res = await client.call('consumer', 'Fetch', { topic: TOPIC, partition: p.partition, offset: offset.toString(), maxRecords: 10_000 });
        if (res.records.length === 0) break;
        for (const r of res.records) inLog.set(`${p.partition}/${r.offset}`, Number(r.key!.toString()));
        offset = BigInt(res.records[res.records.length - 1].offset) + 1n;
      }
    }
    report.acknowledgedProduces = acked.size;
    for (const [seq, position] of acked) if (inLog.get(position) !== seq) report.missingFromLog.push(`${seq}@${position}`);

    // Every record in the log was accepted or dead-lettered; the share group has nothing left.
    const deadLettered = new Set<number>();
    const dlt = await client.admin.describeTopic(DLT);
    for (let offset = 0n; offset < BigInt(dlt.partitions[0].endOffset); ) {
      const res = await client.call('consumer', 'Fetch', { topic: DLT, partition: 0, offset: offset.toString(), maxRecords: 10_000 });
      for (const r of res.records) deadLettered.add(Number(r.key!.toString()));
      offset = BigInt(res.records[res.records.length - 1].offset) + 1n;
    }
    report.deadLettered = deadLettered.size;
    const finished = await client.admin.describeShareGroup(SHARE_GROUP);
    const groupDone = finished.partitions.every((p) => p.lag === 0);
    for (const seq of new Set(inLog.values())) {
      const accepted = acceptedCount.get(seq) ?? 0;
      if (accepted > 1) report.acceptedTwice.push(seq);
      // A record with no confirmed accept is finished only if the group's start offset passed it (an accept whose
      // answer was lost in a kill) or it was dead-lettered.
      if (accepted === 0 && !deadLettered.has(seq) && !groupDone) report.unfinished.push(seq);
    }
    report.accepted = [...acceptedCount.values()].filter((n) => n > 0).length;
    report.ok =
      report.missingFromLog.length === 0 &&
      report.acceptedTwice.length === 0 &&
      report.deliveredAfterAccept.length === 0 &&
      report.unfinished.length === 0 &&
      report.countWentBack.length === 0 &&
      report.commitsWentBack.length === 0 &&
      groupDone;
    return report;
  } finally {
    stop.abort();
    await client.close().catch(() => undefined);
    await server.kill('SIGTERM').catch(() => undefined);
    if (options.keepData) log(`data kept in ${dataDir}`);
    else fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
