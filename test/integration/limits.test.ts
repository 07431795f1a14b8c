/**
 * Limits (issue 8 part 3): each one answers RESOURCE_EXHAUSTED with sharelog code LIMIT_EXCEEDED and a message
 * naming the limit and its value. Through gRPC with the default limits where that is cheap; the store, the quota
 * and the fetch handler directly where a small limit is needed.
 */
import * as grpc from '@grpc/grpc-js';
import { status } from '@grpc/grpc-js';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchRecords as consumerFetch } from '../../src/api/fetch-handler.js';
import { producerService } from '../../src/api/producer-service.js';
import { ManualClock } from '../../src/clock.js';
import { ErrorCode, SharelogError } from '../../src/errors.js';
import { DEFAULT_LIMITS, Quota, principalOf, resolveLimits } from '../../src/limits.js';
import { createLogger } from '../../src/logger.js';
import { FileLogStore } from '../../src/storage/embedded/file-log-store.js';
import { ack, acknowledge, expectError, fetchRecords, join, produce, setupGroup, sleep, subscribe } from '../helpers/share-helpers.js';
import { startTestServer, tempDir, type TestServer } from '../helpers/test-server.js';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

function catchSync(fn: () => unknown): SharelogError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(SharelogError);
    return err as SharelogError;
  }
  throw new Error('expected a SharelogError');
}

describe('request and record size', () => {
  it('refuses a record above max_record_bytes (key + value + headers), naming the limit', async () => {
    await t.clients.admin.CreateTopic({ name: 'big', partitions: 1 });
    const limit = DEFAULT_LIMITS.maxRecordBytes;
    const err = await expectError(
      t.clients.producer.Produce({
        topic: 'big',
        records: [{ value: Buffer.alloc(10) }, { key: Buffer.alloc(10), value: Buffer.alloc(limit - 20), headers: [{ key: 'h', value: Buffer.alloc(10) }] }],
      }),
      status.RESOURCE_EXHAUSTED,
      'LIMIT_EXCEEDED',
    );
    expect(err.details).toContain('max_record_bytes');
    expect(err.details).toContain(String(limit));
    expect(err.details).toContain('records[1]');
    // Exactly at the limit is fine.
    const ok = await t.clients.producer.Produce({ topic: 'big', records: [{ key: Buffer.alloc(10), value: Buffer.alloc(limit - 10) }] });
    expect(ok.positions).toHaveLength(1);
    // Nothing of the refused request was appended.
    expect(Number(ok.positions[0].offset)).toBe(0);
  });

  it('refuses more than max_records_per_produce records in one request', async () => {
    await t.clients.admin.CreateTopic({ name: 'many', partitions: 1 });
    const n = DEFAULT_LIMITS.maxRecordsPerProduce + 1;
    const records = Array.from({ length: n }, () => ({ value: Buffer.alloc(0) }));
    const err = await expectError(t.clients.producer.Produce({ topic: 'many', records }), status.RESOURCE_EXHAUSTED, 'LIMIT_EXCEEDED');
    expect(err.details).toContain('max_records_per_produce');
    expect(err.details).toContain(String(DEFAULT_LIMITS.maxRecordsPerProduce));
  });

  it('grpc-js answers RESOURCE_EXHAUSTED for a message above the server max message size', async () => {
    const small = await startTestServer({ maxMessageBytes: String(64 * 1024) });
    try {
      await small.clients.admin.CreateTopic({ name: 't', partitions: 1 });
      const err = await expectError(
        small.clients.producer.Produce({ topic: 't', records: [{ value: Buffer.alloc(100 * 1024) }] }),
        status.RESOURCE_EXHAUSTED,
      );
      expect(err.details).toMatch(/larger than max|message/i);
      // The server is fine afterwards.
      const ok = await small.clients.producer.Produce({ topic: 't', records: [{ value: Buffer.alloc(1000) }] });
      expect(ok.positions).toHaveLength(1);
    } finally {
      await small.stop();
    }
  });
});

describe('topics and partitions', () => {
  it('the embedded store refuses topics beyond max_topics and partitions beyond max_total_partitions', async () => {
    const dataDir = tempDir();
    const store = FileLogStore.open({
      dataDir,
      fsync: { mode: 'never' },
      segmentBytes: 1 << 20,
      indexIntervalBytes: 4096,
      defaultTopicConfig: { retentionMs: -1, retentionBytes: -1 },
      retentionCheckMs: 60_000,
      clock: new ManualClock(0),
      limits: { maxTopics: 3, maxTotalPartitions: 10 },
    });
    try {
      await store.createTopic('a', 4);
      await store.createTopic('b', 4);
      let err = await store.createTopic('c', 3).then(() => null, (e: SharelogError) => e);
      expect(err?.code).toBe(ErrorCode.LIMIT_EXCEEDED);
      expect(err?.message).toContain('max_total_partitions is 10');
      await store.createTopic('c', 2); // exactly 10
      err = await store.createTopic('d', 1).then(() => null, (e: SharelogError) => e);
      expect(err?.code).toBe(ErrorCode.LIMIT_EXCEEDED);
      expect(err?.message).toContain('max_topics is 3');
      err = await store.createPartitions('a', 5).then(() => null, (e: SharelogError) => e);
      expect(err?.code).toBe(ErrorCode.LIMIT_EXCEEDED);
      expect(err?.message).toContain('max_total_partitions');
      await store.deleteTopic('c');
      await store.createPartitions('a', 6); // 6 + 4 = 10
      expect((await store.listTopics()).map((x) => x.partitions)).toEqual([6, 4]);
    } finally {
      await store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('CreateTopic through gRPC maps LIMIT_EXCEEDED to RESOURCE_EXHAUSTED (defaults: 10,000 topics, 100,000 partitions)', async () => {
    expect(DEFAULT_LIMITS.maxTopics).toBe(10_000);
    expect(DEFAULT_LIMITS.maxTotalPartitions).toBe(100_000);
    // 10 topics of 10,000 partitions would be slow to create; the mapping is what is checked here.
    const { statusFor } = await import('../../src/api/errors.js');
    expect(statusFor(ErrorCode.LIMIT_EXCEEDED)).toBe(status.RESOURCE_EXHAUSTED);
  });
});

describe('members per group', () => {
  it('a share group refuses a member beyond max_members with a message naming it', async () => {
    await setupGroup(t.clients, { topic: 'mm', group: 'g-mm', config: { maxMembers: 3 } });
    for (let i = 0; i < 3; i++) await join(t.clients, 'g-mm', ['mm']);
    const err = await expectError(join(t.clients, 'g-mm', ['mm']), status.RESOURCE_EXHAUSTED, 'LIMIT_EXCEEDED');
    expect(err.details).toContain('max_members is 3');
  });

  it('a consumer group refuses its 201st member', async () => {
    await t.clients.admin.CreateTopic({ name: 'cg', partitions: 1 });
    for (let i = 0; i < 200; i++) {
      await t.clients.consumer.Heartbeat({ groupId: 'g-cg', memberId: '', memberEpoch: 0, topics: ['cg'] });
    }
    const err = await expectError(
      t.clients.consumer.Heartbeat({ groupId: 'g-cg', memberId: '', memberEpoch: 0, topics: ['cg'] }),
      status.RESOURCE_EXHAUSTED,
      'LIMIT_EXCEEDED',
    );
    expect(err.details).toContain('200');
  });
});

describe('acquired records per member', () => {
  const limit = DEFAULT_LIMITS.maxInFlightRecordsPerMember;

  it('Fetch gets what fits under max_in_flight_records_per_member, then RESOURCE_EXHAUSTED until it acknowledges', async () => {
    const topic = 'inflight';
    const group = 'g-inflight';
    await setupGroup(t.clients, { topic, group, partitions: 2, config: { maxInFlightRecords: 10_000 } });
    const values = Array.from({ length: 6000 }, (_, i) => ({ value: Buffer.from(`v${i}`) }));
    await produce(t.clients, topic, values, 0);
    await produce(t.clients, topic, values, 1);
    const { memberId } = await join(t.clients, group, [topic]);
    const first = await fetchRecords(t.clients, group, memberId, 10_000);
    expect(first).toHaveLength(limit);
    const err = await expectError(fetchRecords(t.clients, group, memberId, 10), status.RESOURCE_EXHAUSTED, 'LIMIT_EXCEEDED');
    expect(err.details).toContain(`max_in_flight_records_per_member is ${limit}`);
    // Acknowledge 5 records: exactly 5 more fit.
    const p0 = first.filter((r) => r.partition === 0).map((r) => r.offset).sort((a, b) => a - b);
    await acknowledge(t.clients, group, memberId, [ack(topic, p0[0], p0[4], 'ACCEPT', { partition: 0 })]);
    const more = await fetchRecords(t.clients, group, memberId, 100);
    expect(more).toHaveLength(5);
    // Another member is not affected by the first one's holdings.
    const other = await join(t.clients, group, [topic]);
    expect((await fetchRecords(t.clients, group, other.memberId, 100)).length).toBeGreaterThan(0);
  });

  it('a Subscribe stream at the limit waits (it does not end) and goes on after acknowledging', async () => {
    const topic = 'inflight-stream';
    const group = 'g-inflight-stream';
    await setupGroup(t.clients, { topic, group, partitions: 2, config: { maxInFlightRecords: 10_000 } });
    const values = Array.from({ length: 5500 }, (_, i) => ({ value: Buffer.from(`v${i}`) }));
    await produce(t.clients, topic, values, 0);
    await produce(t.clients, topic, values, 1);
    const s = subscribe(t.clients);
    try {
      s.call.write({ start: { groupId: group, topics: [topic] } });
      s.call.write({ credits: 11_000 });
      await s.waitFor(() => s.records().length >= limit, 20_000);
      await sleep(300);
      expect(s.records()).toHaveLength(limit);
      const held = s.records().filter((r) => r.partition === 0).map((r) => r.offset).sort((a, b) => a - b);
      s.call.write({ acknowledgements: { correlationId: '1', acknowledgements: [ack(topic, held[0], held[9], 'ACCEPT', { partition: 0 })] } });
      await s.waitFor(() => s.records().length >= limit + 10, 10_000);
      await sleep(200);
      expect(s.records()).toHaveLength(limit + 10);
    } finally {
      s.call.end();
      await s.endedWithin(10_000).catch(() => undefined);
    }
  });
});

describe('per-principal byte-rate quotas', () => {
  it('a token bucket per principal: admits while not in debt, refuses with the quota named, refills with time', () => {
    const clock = new ManualClock(0);
    const q = new Quota({ name: 'produce_byte_rate', bytesPerSecond: 1000, burstBytes: 2000, clock });
    q.take('alice', 1500);
    q.take('alice', 1500); // admitted (500 left), now 1000 in debt
    expect(q.available('alice')).toBe(-1000);
    const err = catchSync(() => q.take('alice', 1));
    expect(err.code).toBe(ErrorCode.LIMIT_EXCEEDED);
    expect(err.retriable).toBe(true);
    expect(err.message).toContain('produce_byte_rate is 1000 bytes/s');
    expect(err.message).toContain('retry in 1000 ms');
    q.take('bob', 2000); // another principal has its own bucket
    clock.advance(999);
    expect(() => q.check('alice')).toThrow(SharelogError);
    clock.advance(1);
    q.take('alice', 10);
    clock.advance(60_000);
    expect(q.available('alice')).toBe(2000); // capped at the burst
  });

  it('forgets idle principals beyond maxPrincipals', () => {
    const clock = new ManualClock(0);
    const q = new Quota({ name: 'q', bytesPerSecond: 10, clock, maxPrincipals: 2 });
    q.take('a', 100);
    q.take('b', 5);
    clock.advance(1000); // b is full again, a still in debt
    q.take('c', 1);
    expect(q.available('a')).toBeLessThan(0);
  });

  it('principalOf uses the auth principal, else the peer host without the port', () => {
    expect(principalOf({ peer: 'ipv4:127.0.0.1:50123' })).toBe('127.0.0.1');
    expect(principalOf({ peer: 'ipv6:[::1]:50123' })).toBe('::1');
    expect(principalOf({ peer: 'unix:/tmp/s.sock' })).toBe('/tmp/s.sock');
    expect(principalOf({ peer: 'ipv4:10.0.0.1:1', principal: 'alice' })).toBe('alice');
  });

  it('ConsumerService.Fetch refuses a principal in debt and charges the bytes it returns', async () => {
    const clock = new ManualClock(0);
    const fetchQuota = new Quota({ name: 'fetch_byte_rate', bytesPerSecond: 100, clock });
    const limits = resolveLimits({ fetchQuota });
    const store = {
      read: async () => ({
        records: [{ offset: 0, timestampMs: 1, key: Buffer.alloc(50), value: Buffer.alloc(100), headers: [] }],
        highWatermark: 1,
        logStartOffset: 0,
      }),
      waitForData: async () => undefined,
    } as never;
    const ctx = { logger: createLogger('silent'), shutdown: new AbortController().signal, maxWaitMs: 0 };
    const call = { signal: new AbortController().signal, peer: 'ipv4:127.0.0.1:4000' };
    const request = { topic: 't', partition: 0, offset: '0', maxRecords: 0, maxBytes: 0, maxWaitMs: 0 } as never;
    const res = await consumerFetch(store, ctx, request, call, limits);
    expect(res.records).toHaveLength(1);
    expect(fetchQuota.available('127.0.0.1')).toBe(-50);
    const err = await consumerFetch(store, ctx, request, { ...call, peer: 'ipv4:127.0.0.1:4001' }, limits).then(
      () => null,
      (e: SharelogError) => e,
    );
    expect(err?.code).toBe(ErrorCode.LIMIT_EXCEEDED);
    expect(err?.message).toContain('fetch_byte_rate');
    clock.advance(500);
    expect((await consumerFetch(store, ctx, request, call, limits)).records).toHaveLength(1);
  });

  it('Produce charges the record bytes to the principal and refuses it while in debt', async () => {
    const dataDir = tempDir();
    const store = FileLogStore.open({
      dataDir,
      fsync: { mode: 'never' },
      segmentBytes: 1 << 20,
      indexIntervalBytes: 4096,
      defaultTopicConfig: { retentionMs: -1, retentionBytes: -1 },
      retentionCheckMs: 60_000,
      clock: new ManualClock(0),
    });
    try {
      await store.createTopic('q', 1);
      const clock = new ManualClock(0);
      const produceQuota = new Quota({ name: 'produce_byte_rate', bytesPerSecond: 1000, clock });
      const ctx = { logger: createLogger('silent'), shutdown: new AbortController().signal, maxWaitMs: 0 };
      const handlers = producerService(store, ctx, resolveLimits({ produceQuota }));
      const produce = (peer: string) =>
        new Promise<{ code?: number; details?: string } | null>((resolve) => {
          const call = {
            request: { topic: 'q', records: [{ key: Buffer.alloc(100), value: Buffer.alloc(1100), headers: [] , timestampMs: '0' }], producerId: '', sequence: '0' },
            getPeer: () => peer,
            on: () => undefined,
          };
          (handlers.Produce as Function)(call, (err: { code?: number; details?: string } | null) => resolve(err));
        });
      expect(await produce('ipv4:10.0.0.1:1')).toBeNull();
      expect(produceQuota.available('10.0.0.1')).toBe(-200);
      const err = await produce('ipv4:10.0.0.1:2');
      expect(err?.code).toBe(status.RESOURCE_EXHAUSTED);
      expect(err?.details).toContain('produce_byte_rate is 1000 bytes/s');
      expect(await produce('ipv4:10.0.0.2:1')).toBeNull(); // another host
      clock.advance(200);
      expect(await produce('ipv4:10.0.0.1:3')).toBeNull();
    } finally {
      await store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('quotas are off by default', () => {
    expect(DEFAULT_LIMITS.produceQuota).toBeUndefined();
    expect(DEFAULT_LIMITS.fetchQuota).toBeUndefined();
    void grpc;
  });
});
