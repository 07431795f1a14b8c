/**
 * The Prometheus endpoint through a real server: a known workload over gRPC (produce, a share group with a
 * redelivery, a rejection into a dead-letter topic, releases, a consumer group commit and fetch, a failing RPC),
 * then exact values scraped from /metrics. Also: metrics off opens no port; a taken metrics port stops start-up.
 */
import fs from 'node:fs';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as grpc from '@grpc/grpc-js';
import { status } from '@grpc/grpc-js';
import { loadSharelogProto } from '../../src/api/proto.js';
import { loadConfig } from '../../src/config.js';
import { startServer } from '../../src/server.js';
import { OK, ack, acknowledge, eventually, expectError, fetchRecords, join, offsetsOf } from '../helpers/share-helpers.js';
import { startTestServer, tempDir, type TestServer } from '../helpers/test-server.js';

type Labels = Record<string, string>;
interface Sample {
  name: string;
  labels: Labels;
  value: number;
}

/** Parses the Prometheus text format (enough of it for these tests). */
function parse(text: string): Sample[] {
  const out: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) throw new Error(`unparsable metrics line: ${line}`);
    const labels: Labels = {};
    for (const l of (m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]] = l[2];
    out.push({ name: m[1], labels, value: Number(m[3]) });
  }
  return out;
}

/** The value of the one sample with exactly these labels (undefined when there is none). */
function value(samples: Sample[], name: string, labels: Labels = {}): number | undefined {
  const keys = Object.keys(labels);
  const found = samples.filter(
    (s) => s.name === name && Object.keys(s.labels).length === keys.length && keys.every((k) => s.labels[k] === labels[k]),
  );
  if (found.length > 1) throw new Error(`${name} ${JSON.stringify(labels)} matches ${found.length} samples`);
  return found[0]?.value;
}

async function scrape(address: string): Promise<{ text: string; samples: Sample[] }> {
  const res = await fetch(`http://${address}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const text = await res.text();
  return { text, samples: parse(text) };
}

const records = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => ({ value: Buffer.from(`v${from + i}`) }));

describe('metrics endpoint with a known workload', () => {
  let t: TestServer;
  let samples: Sample[];
  let text: string;
  const topic = 'orders';
  const dlt = 'orders-dlt';
  const group = 'workers';
  const readers = 'readers';

  beforeAll(async () => {
    t = await startTestServer({ metricsListen: '127.0.0.1:0' });
    const c = t.clients;
    await c.admin.CreateTopic({ name: topic, partitions: 1 });
    await c.admin.CreateTopic({ name: dlt, partitions: 1 });
    // 12 records ("v0".."v11": 26 value bytes) in 3 Produce requests; one more Produce fails with NOT_FOUND.
    for (const [from, to] of [
      [0, 5],
      [5, 9],
      [9, 12],
    ]) {
      await c.producer.Produce({ topic, partition: 0, records: records(from, to) });
    }
    await expectError(c.producer.Produce({ topic: 'missing', records: records(0, 1) }), status.NOT_FOUND);

    // Share group: 10 acquired; 1..5 accepted, 6 released and redelivered (count 2), 7 rejected into the
    // dead-letter topic, 9 released (available), 8 released with a long delay (delayed); 0 stays held.
    await c.admin.UpdateShareGroupConfig({ groupId: group, autoOffsetReset: 'OFFSET_RESET_EARLIEST', deadLetterTopic: dlt });
    const member = (await join(c, group, [topic])).memberId;
    expect(offsetsOf(await fetchRecords(c, group, member, 10))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(
      await acknowledge(c, group, member, [ack(topic, 1, 5, 'ACCEPT'), ack(topic, 6, 6, 'RELEASE'), ack(topic, 7, 7, 'REJECT', { reason: 'bad' })]),
    ).toMatchObject([{ error: OK }, { error: OK }, { error: OK }]);
    const again = await fetchRecords(c, group, member, 1);
    expect(again.map((r) => [r.offset, r.deliveryCount])).toEqual([[6, 2]]);
    expect(
      await acknowledge(c, group, member, [ack(topic, 9, 9, 'RELEASE'), ack(topic, 8, 8, 'RELEASE', { releaseDelayMs: 600_000 })]),
    ).toMatchObject([{ error: OK }, { error: OK }]);

    // Consumer group: one member commits offset 4; a Fetch by offset reads 4..6 ("v4".."v6": 6 bytes).
    let m = await c.consumer.Heartbeat({ groupId: readers, memberEpoch: 0, topics: [topic] });
    for (let i = 0; i < 5 && m.assignment.length === 0; i++) {
      m = await c.consumer.Heartbeat({ groupId: readers, memberId: m.memberId, memberEpoch: m.memberEpoch, topics: [] });
    }
    await c.consumer.CommitOffsets({ groupId: readers, memberId: m.memberId, memberEpoch: m.memberEpoch, offsets: [{ topic, partition: 0, offset: 4 }] });
    const fetched = await c.consumer.Fetch({ topic, partition: 0, offset: 4, maxRecords: 3 });
    expect(fetched.records).toHaveLength(3);

    ({ text, samples } = await scrape(t.server.metricsAddress!));
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('binds the configured address and reports it', () => {
    expect(t.server.metricsAddress).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(t.server.metricsAddress).not.toBe('127.0.0.1:0');
  });

  it('counts produced records and bytes per topic (dead-letter copies are not Produce requests)', () => {
    expect(value(samples, 'sharelog_produced_records_total', { topic })).toBe(12);
    expect(value(samples, 'sharelog_produced_bytes_total', { topic })).toBe(26);
    expect(value(samples, 'sharelog_produced_records_total', { topic: dlt })).toBeUndefined();
    expect(value(samples, 'sharelog_produced_records_total', { topic: 'missing' })).toBeUndefined();
  });

  it('counts consumer fetches', () => {
    expect(value(samples, 'sharelog_fetched_records_total', { topic })).toBe(3);
    expect(value(samples, 'sharelog_fetched_bytes_total', { topic })).toBe(6);
  });

  it('counts RPCs by service, method and status code, with a latency histogram', () => {
    const produce = { service: 'sharelog.v1.ProducerService', method: 'Produce' };
    expect(value(samples, 'sharelog_rpc_requests_total', { ...produce, code: 'OK' })).toBe(3);
    expect(value(samples, 'sharelog_rpc_requests_total', { ...produce, code: 'NOT_FOUND' })).toBe(1);
    expect(value(samples, 'sharelog_rpc_duration_seconds_count', { ...produce, code: 'OK' })).toBe(3);
    expect(value(samples, 'sharelog_rpc_duration_seconds_bucket', { ...produce, code: 'OK', le: '+Inf' })).toBe(3);
    expect(value(samples, 'sharelog_rpc_duration_seconds_sum', { ...produce, code: 'OK' })).toBeGreaterThan(0);
    const share = { service: 'sharelog.v1.ShareConsumerService' };
    expect(value(samples, 'sharelog_rpc_requests_total', { ...share, method: 'Fetch', code: 'OK' })).toBe(2);
    expect(value(samples, 'sharelog_rpc_requests_total', { ...share, method: 'Acknowledge', code: 'OK' })).toBe(2);
    expect(value(samples, 'sharelog_rpc_requests_total', { service: 'sharelog.v1.AdminService', method: 'CreateTopic', code: 'OK' })).toBe(2);
  });

  it('exports partition offsets and sizes at scrape time', () => {
    expect(value(samples, 'sharelog_partition_end_offset', { topic, partition: '0' })).toBe(12);
    expect(value(samples, 'sharelog_partition_start_offset', { topic, partition: '0' })).toBe(0);
    expect(value(samples, 'sharelog_partition_size_bytes', { topic, partition: '0' })).toBeGreaterThan(26);
    expect(value(samples, 'sharelog_partition_end_offset', { topic: dlt, partition: '0' })).toBe(1); // the dead letter
  });

  it('exports share-partition records by state and lag', () => {
    const sp = { group, topic, partition: '0' };
    const byState = Object.fromEntries(
      ['available', 'delayed', 'acquired', 'acknowledged', 'archived'].map((state) => [state, value(samples, 'sharelog_share_partition_records', { ...sp, state })]),
    );
    // Window [0, 10): 0 and 6 acquired, 1..5 acknowledged, 7 archived, 8 delayed, 9 available.
    expect(byState).toEqual({ available: 1, delayed: 1, acquired: 2, acknowledged: 5, archived: 1 });
    // Not finished: 12 - 5 acknowledged - 1 archived.
    expect(value(samples, 'sharelog_share_group_lag', sp)).toBe(6);
  });

  it('counts share-group acquisitions, redeliveries, acknowledgements, archives and dead letters', () => {
    expect(value(samples, 'sharelog_share_acquired_records_total', { group })).toBe(11);
    expect(value(samples, 'sharelog_share_redeliveries_total', { group })).toBe(1);
    expect(value(samples, 'sharelog_share_acknowledgements_total', { group, type: 'accept' })).toBe(5);
    expect(value(samples, 'sharelog_share_acknowledgements_total', { group, type: 'release' })).toBe(3);
    expect(value(samples, 'sharelog_share_acknowledgements_total', { group, type: 'reject' })).toBe(1);
    expect(value(samples, 'sharelog_share_archived_records_total', { group, cause: 'rejected' })).toBe(1);
    expect(value(samples, 'sharelog_share_archived_records_total', { group, cause: 'delivery_limit' })).toBeUndefined();
    expect(value(samples, 'sharelog_share_dead_lettered_records_total', { group })).toBe(1);
    expect(value(samples, 'sharelog_share_lock_expiries_total', { group })).toBeUndefined();
  });

  it('exports consumer-group lag and group sizes', () => {
    expect(value(samples, 'sharelog_consumer_group_lag', { group: readers, topic, partition: '0' })).toBe(8);
    expect(value(samples, 'sharelog_group_members', { group, type: 'share' })).toBe(1);
    expect(value(samples, 'sharelog_group_members', { group: readers, type: 'consumer' })).toBe(1);
  });

  it('times fsyncs and journal syncs', () => {
    expect(value(samples, 'sharelog_log_fsync_duration_seconds_count')).toBeGreaterThan(0);
    expect(value(samples, 'sharelog_journal_sync_duration_seconds_count', { journal: 'share_group' })).toBeGreaterThan(0);
    expect(value(samples, 'sharelog_journal_sync_duration_seconds_count', { journal: 'consumer_group' })).toBeGreaterThan(0);
  });

  it('includes Node process metrics and reports nothing truncated', () => {
    expect(value(samples, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
    for (const s of samples.filter((x) => x.name === 'sharelog_metrics_truncated')) expect(s.value).toBe(0);
  });

  it('follows naming conventions: sharelog_ prefix, units and _total suffixes', () => {
    const families = [...text.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map((m) => ({ name: m[1], type: m[2] }));
    const own = families.filter((f) => f.name.startsWith('sharelog_'));
    expect(own.map((f) => `${f.name} ${f.type}`).sort()).toEqual(
      [
        'sharelog_rpc_duration_seconds histogram',
        'sharelog_rpc_requests_total counter',
        'sharelog_produced_records_total counter',
        'sharelog_produced_bytes_total counter',
        'sharelog_fetched_records_total counter',
        'sharelog_fetched_bytes_total counter',
        'sharelog_log_fsync_duration_seconds histogram',
        'sharelog_journal_sync_duration_seconds histogram',
        'sharelog_share_acquired_records_total counter',
        'sharelog_share_redeliveries_total counter',
        'sharelog_share_lock_expiries_total counter',
        'sharelog_share_archived_records_total counter',
        'sharelog_share_dead_lettered_records_total counter',
        'sharelog_share_acknowledgements_total counter',
        'sharelog_partition_start_offset gauge',
        'sharelog_partition_end_offset gauge',
        'sharelog_partition_size_bytes gauge',
        'sharelog_consumer_group_lag gauge',
        'sharelog_share_partition_records gauge',
        'sharelog_share_group_lag gauge',
        'sharelog_group_members gauge',
        'sharelog_metrics_truncated gauge',
      ].sort(),
    );
    for (const f of own) {
      if (f.type === 'counter') expect(f.name).toMatch(/_total$/);
      if (f.type === 'histogram') expect(f.name).toMatch(/_seconds$/);
      if (f.type === 'gauge') expect(f.name).not.toMatch(/_total$/);
    }
  });

  it('serves /healthz, 404 elsewhere, 405 for other methods', async () => {
    const base = `http://${t.server.metricsAddress}`;
    const health = await fetch(`${base}/healthz`);
    expect([health.status, await health.text()]).toEqual([200, 'ok\n']);
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    const post = await fetch(`${base}/metrics`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('counts lock expiries, and archives by expiry at the delivery limit', async () => {
    const c = t.clients;
    const slow = 'slow';
    await c.admin.CreateTopic({ name: 'expiring', partitions: 1 });
    await c.producer.Produce({ topic: 'expiring', partition: 0, records: records(0, 2) });
    await c.admin.UpdateShareGroupConfig({
      groupId: slow,
      autoOffsetReset: 'OFFSET_RESET_EARLIEST',
      recordLockDurationMs: 1000,
      deliveryCountLimit: 2,
    });
    const member = (await join(c, slow, ['expiring'])).memberId;
    const counters = async () => {
      const { samples: now } = await scrape(t.server.metricsAddress!);
      return {
        expiries: value(now, 'sharelog_share_lock_expiries_total', { group: slow }) ?? 0,
        limit: value(now, 'sharelog_share_archived_records_total', { group: slow, cause: 'delivery_limit' }) ?? 0,
        redeliveries: value(now, 'sharelog_share_redeliveries_total', { group: slow }) ?? 0,
      };
    };
    expect(offsetsOf(await fetchRecords(c, slow, member, 10))).toEqual([0, 1]);
    // The locks run out: both records become available again (count 1 < limit 2).
    await eventually(async () => (await counters()).expiries === 2);
    expect((await fetchRecords(c, slow, member, 10)).map((r) => r.deliveryCount)).toEqual([2, 2]);
    // Run out again, now at the limit: archived, and counted as expiries too.
    await eventually(async () => (await counters()).limit === 2);
    expect(await counters()).toEqual({ expiries: 4, limit: 2, redeliveries: 2 });
  });

  it('labels a call the server ended at its deadline DEADLINE_EXCEEDED', async () => {
    await t.clients.admin.CreateTopic({ name: 'quiet', partitions: 1 });
    const { proto } = loadSharelogProto();
    const client = new proto.sharelog.v1.ConsumerService(t.server.address, grpc.credentials.createInsecure());
    try {
      // A long-poll on an empty partition outlives the client's 300 ms deadline.
      const err = await new Promise<grpc.ServiceError | null>((resolve) =>
        client.Fetch({ topic: 'quiet', partition: 0, offset: 0, maxWaitMs: 5000 }, { deadline: Date.now() + 300 }, (e: grpc.ServiceError | null) =>
          resolve(e),
        ),
      );
      expect(err?.code).toBe(grpc.status.DEADLINE_EXCEEDED);
    } finally {
      client.close();
    }
    const fetchCalls = { service: 'sharelog.v1.ConsumerService', method: 'Fetch' };
    await eventually(async () => {
      const { samples: now } = await scrape(t.server.metricsAddress!);
      return value(now, 'sharelog_rpc_requests_total', { ...fetchCalls, code: 'DEADLINE_EXCEEDED' }) === 1;
    });
    const { samples: now } = await scrape(t.server.metricsAddress!);
    expect(value(now, 'sharelog_rpc_requests_total', { ...fetchCalls, code: 'OK' })).toBe(1);
    expect(value(now, 'sharelog_rpc_requests_total', { ...fetchCalls, code: 'CANCELLED' })).toBeUndefined();
  });

  it('reads gauges afresh on every scrape', async () => {
    await t.clients.producer.Produce({ topic, partition: 0, records: records(12, 14) });
    const { samples: next } = await scrape(t.server.metricsAddress!);
    expect(value(next, 'sharelog_partition_end_offset', { topic, partition: '0' })).toBe(14);
    expect(value(next, 'sharelog_produced_records_total', { topic })).toBe(14);
  });
});

describe('metrics endpoint lifecycle', () => {
  it('opens no port when metrics are off (the default)', async () => {
    const listen = vi.spyOn(net.Server.prototype, 'listen');
    let t: TestServer | undefined;
    try {
      t = await startTestServer();
      expect(t.config.metricsListen).toBe('');
      expect(t.server.metricsAddress).toBeUndefined();
      expect(listen).toHaveBeenCalledTimes(1); // the gRPC server only
    } finally {
      listen.mockRestore();
      await t?.stop();
    }
  });

  it('opens a second port when on, and closes it on shutdown', async () => {
    const listen = vi.spyOn(net.Server.prototype, 'listen');
    let t: TestServer | undefined;
    try {
      t = await startTestServer({ metricsListen: '127.0.0.1:0' });
      expect(listen).toHaveBeenCalledTimes(2);
    } finally {
      listen.mockRestore();
    }
    const address = t.server.metricsAddress!;
    expect((await fetch(`http://${address}/healthz`)).status).toBe(200);
    await t.stop();
    await expect(fetch(`http://${address}/healthz`)).rejects.toThrow();
  });

  it('refuses to start when the metrics address is taken, and names the setting', async () => {
    const first = await startTestServer({ metricsListen: '127.0.0.1:0' });
    const dataDir = tempDir();
    try {
      const config = loadConfig({ flags: { listen: '127.0.0.1:0', logLevel: 'silent', dataDir, metricsListen: first.server.metricsAddress } });
      await expect(startServer(config)).rejects.toThrow(/cannot listen on 127\.0\.0\.1:\d+ \(metricsListen\)/);
    } finally {
      await first.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('validates the setting', () => {
    expect(() => loadConfig({ flags: { metricsListen: 'nope' } })).toThrow(/metricsListen from flag --metrics-listen is invalid/);
    expect(loadConfig({ env: { SHARELOG_METRICS_LISTEN: '0.0.0.0:9464' } }).metricsListen).toBe('0.0.0.0:9464');
    expect(loadConfig({}).metricsListen).toBe('');
  });
});
