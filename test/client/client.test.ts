/** SharelogClient: errors, deadlines, cancellation, retries, Admin, closing, and the acknowledgement batcher. */
import * as grpc from '@grpc/grpc-js';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AckBatcher, failBatch, settleBatch, type PendingAck } from '../../src/client/ack-batcher.js';
import { backoffMs, withRetry } from '../../src/client/retry.js';
import { AcknowledgementError, connect, SharelogClientError } from '../../src/index.js';
import { shareGroup, startEnv, unique, type ClientEnv } from './helpers.js';

describe('SharelogClient against a server', () => {
  let env: ClientEnv;
  beforeAll(async () => {
    env = await startEnv();
  });
  afterAll(async () => {
    await env.teardown();
  });

  it('surfaces failures as SharelogClientError with status, trailer code and retriable', async () => {
    const err = await env.client.admin.describeTopic(unique('nope')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SharelogClientError);
    expect(err).toMatchObject({ status: grpc.status.NOT_FOUND, code: 'TOPIC_NOT_FOUND', retriable: false });
    const bad = await env.client.admin.createTopic('bad/name').catch((e: unknown) => e);
    expect(bad).toMatchObject({ status: grpc.status.INVALID_ARGUMENT, code: 'INVALID_ARGUMENT', retriable: false });
  });

  it('applies the per-call deadline (long-polls add their wait) and marks DEADLINE_EXCEEDED retriable', async () => {
    const topic = unique('dl');
    await env.client.admin.createTopic(topic);
    const err = await env.client
      .call('consumer', 'Fetch', { topic, partition: 0, offset: 0, maxWaitMs: 5_000 }, { deadlineMs: 100 })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ status: grpc.status.DEADLINE_EXCEEDED, code: undefined, retriable: true });
  });

  it('cancels a call when its signal aborts', async () => {
    const topic = unique('cancel');
    await env.client.admin.createTopic(topic);
    const controller = new AbortController();
    const call = env.client.call('consumer', 'Fetch', { topic, partition: 0, offset: 0, maxWaitMs: 10_000 }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(call).rejects.toMatchObject({ status: grpc.status.CANCELLED });
  });

  it('Admin wraps topics, groups and share-group configuration', async () => {
    const topic = unique('adm');
    const created = await env.client.admin.createTopic(topic, { partitions: 2, retentionMs: -1 });
    expect(created).toMatchObject({ name: topic, config: { retentionMs: -1 } });
    expect(created.partitions).toHaveLength(2);
    expect((await env.client.admin.listTopics()).find((t) => t.name === topic)).toEqual({ name: topic, partitions: 2 });
    expect((await env.client.admin.createPartitions(topic, 3)).partitions).toHaveLength(3);
    expect((await env.client.admin.describeTopic(topic)).partitions.map((p) => p.endOffset)).toEqual([0, 0, 0]);

    const group = unique('g');
    const config = await env.client.admin.updateShareGroupConfig(group, { autoOffsetReset: 'earliest', recordLockDurationMs: 5_000 });
    expect(config).toMatchObject({ autoOffsetReset: 'OFFSET_RESET_EARLIEST', recordLockDurationMs: 5_000 });
    await expect(env.client.admin.updateShareGroupConfig(group, { deliveryCountLimit: 99 })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    expect((await env.client.admin.listGroups('share')).map((g) => g.groupId)).toContain(group);
    const reset = await env.client.admin.resetShareGroupOffsets(group, topic, { latest: true }, { dryRun: true });
    expect(reset.partitions).toHaveLength(3);
    expect((await env.client.admin.inspectShareRecords(group, topic, 0, 0, 10)).records).toEqual([]);
    await env.client.admin.deleteGroup(group);
    await env.client.admin.deleteTopic(topic);
    await expect(env.client.admin.describeTopic(topic)).rejects.toMatchObject({ code: 'TOPIC_NOT_FOUND' });
  });

  it('close() flushes producers, makes consumers leave, then refuses calls', async () => {
    const client = env.newClient();
    const topic = unique('close');
    const group = unique('g');
    await client.admin.createTopic(topic);
    await shareGroup(client, group);
    const producer = client.producer({ lingerMs: 60_000 });
    const sent = producer.send(topic, 'flushed by close');
    const share = client.shareConsumer();
    await share.subscribe(group, [topic]);
    expect((await env.client.admin.describeShareGroup(group)).members).toHaveLength(1);
    await client.close();
    expect((await sent).offset).toBe(0n);
    expect((await env.client.admin.describeShareGroup(group)).members).toHaveLength(0);
    await expect(client.admin.listTopics()).rejects.toMatchObject({ status: grpc.status.CANCELLED });
  });
});

describe('retries', () => {
  it('retries UNAVAILABLE up to maxAttempts, then gives up with a retriable error', async () => {
    // A port nobody listens on.
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const client = connect(`127.0.0.1:${port}`, { retry: { maxAttempts: 3, initialBackoffMs: 10, maxBackoffMs: 20 }, deadlineMs: 2_000 });
    try {
      const err = await client.admin.listTopics().catch((e: unknown) => e);
      expect(err).toMatchObject({ status: grpc.status.UNAVAILABLE, retriable: true });
    } finally {
      await client.close();
    }
  });

  it('withRetry stops at the first non-retriable error and counts retries of retriable ones', async () => {
    const policy = { maxAttempts: 5, initialBackoffMs: 1, maxBackoffMs: 2, jitter: 0.2 };
    let calls = 0;
    const retriable = new SharelogClientError('down', { status: grpc.status.UNAVAILABLE });
    const fatal = new SharelogClientError('bad', { status: grpc.status.INVALID_ARGUMENT, code: 'INVALID_ARGUMENT' });
    const result = await withRetry(async () => {
      if (++calls < 3) throw retriable;
      return 'ok';
    }, policy);
    expect([result, calls]).toEqual(['ok', 3]);
    calls = 0;
    await expect(withRetry(async () => (calls++, Promise.reject(fatal)), policy)).rejects.toBe(fatal);
    expect(calls).toBe(1);
    calls = 0;
    await expect(withRetry(async () => (calls++, Promise.reject(retriable)), policy)).rejects.toBe(retriable);
    expect(calls).toBe(5);
  });

  it('backs off exponentially within the jitter and the cap', () => {
    const policy = { maxAttempts: 10, initialBackoffMs: 100, maxBackoffMs: 1_000, jitter: 0.2 };
    for (let i = 0; i < 50; i++) {
      expect(backoffMs(policy, 1)).toBeGreaterThanOrEqual(80);
      expect(backoffMs(policy, 1)).toBeLessThanOrEqual(120);
      expect(backoffMs(policy, 3)).toBeGreaterThanOrEqual(320);
      expect(backoffMs(policy, 3)).toBeLessThanOrEqual(480);
      expect(backoffMs(policy, 20)).toBeLessThanOrEqual(1_200);
    }
  });
});

describe('AckBatcher', () => {
  function ack(offset: number, extra: Partial<PendingAck> = {}) {
    const settled: { value?: number; error?: AcknowledgementError } = {};
    const pending: PendingAck = {
      topic: 't',
      partition: 0,
      offset,
      leaseToken: 7,
      type: 'ACCEPT',
      releaseDelayMs: 0,
      reason: '',
      resolve: (v) => (settled.value = v),
      reject: (e) => (settled.error = e),
      ...extra,
    };
    return { pending, settled };
  }

  it('coalesces contiguous offsets with the same type, token, delay and reason into ranges, in first-seen order', () => {
    const batcher = new AckBatcher();
    for (const o of [5, 3, 4, 9]) batcher.add(ack(o).pending);
    batcher.add(ack(6, { type: 'RELEASE', releaseDelayMs: 100, reason: 'x' }).pending);
    batcher.add(ack(10, { leaseToken: 8 }).pending);
    batcher.add(ack(1, { partition: 1 }).pending);
    const batch = batcher.drain()!;
    expect(batcher.size).toBe(0);
    expect(batch.acknowledgements).toEqual([
      { topic: 't', partition: 0, firstOffset: 3, lastOffset: 5, type: 'ACKNOWLEDGE_TYPE_ACCEPT', leaseToken: 7 },
      { topic: 't', partition: 0, firstOffset: 9, lastOffset: 9, type: 'ACKNOWLEDGE_TYPE_ACCEPT', leaseToken: 7 },
      { topic: 't', partition: 0, firstOffset: 6, lastOffset: 6, type: 'ACKNOWLEDGE_TYPE_RELEASE', leaseToken: 7, releaseDelayMs: 100, reason: 'x' },
      { topic: 't', partition: 0, firstOffset: 10, lastOffset: 10, type: 'ACKNOWLEDGE_TYPE_ACCEPT', leaseToken: 8 },
      { topic: 't', partition: 1, firstOffset: 1, lastOffset: 1, type: 'ACKNOWLEDGE_TYPE_ACCEPT', leaseToken: 7 },
    ]);
    expect(new AckBatcher().drain()).toBeUndefined();
  });

  it('keeps runs of one kind together and still splits them where offsets are not contiguous', () => {
    const batcher = new AckBatcher();
    for (const o of [1, 2, 3, 7, 8]) batcher.add(ack(o).pending);
    batcher.add(ack(20, { type: 'REJECT' }).pending);
    for (const o of [4, 5]) batcher.add(ack(o).pending);
    const batch = batcher.drain()!;
    expect(batch.acknowledgements.map((a) => [a.type, a.firstOffset, a.lastOffset])).toEqual([
      ['ACKNOWLEDGE_TYPE_ACCEPT', 1, 5],
      ['ACKNOWLEDGE_TYPE_ACCEPT', 7, 8],
      ['ACKNOWLEDGE_TYPE_REJECT', 20, 20],
    ]);
    expect(batch.ranges.map((r) => r.length)).toEqual([5, 2, 1]);
  });

  it('marks a batch settled once its results or its failure arrive', async () => {
    const batcher = new AckBatcher();
    batcher.add(ack(1).pending);
    const first = batcher.drain()!;
    batcher.add(ack(2).pending);
    const second = batcher.drain()!;
    let done = 0;
    void first.settled.then(() => done++);
    void second.settled.then(() => done++);
    await Promise.resolve();
    expect(done).toBe(0);
    settleBatch(first, [{ topic: 't', partition: 0, firstOffset: 1, lastOffset: 1, error: 'ACKNOWLEDGE_ERROR_UNSPECIFIED', message: '', lockExpiresAtMs: 0 }]);
    failBatch(second, new Error('stream down'));
    await Promise.all([first.settled, second.settled]);
    expect(done).toBe(2);
  });

  it('settles every delivery of a range from its result', () => {
    const batcher = new AckBatcher();
    const ok = [ack(1), ack(2)];
    const failed = ack(4, { type: 'RENEW' });
    for (const a of [...ok, failed]) batcher.add(a.pending);
    const batch = batcher.drain()!;
    const result = (error: string, lockExpiresAtMs = '0') => ({ topic: 't', partition: 0, firstOffset: 0, lastOffset: 0, error, message: 'm', lockExpiresAtMs });
    settleBatch(batch, [result('ACKNOWLEDGE_ERROR_UNSPECIFIED'), result('ACKNOWLEDGE_ERROR_STALE_LEASE_TOKEN')] as never);
    expect(ok.map((a) => a.settled.value)).toEqual([0, 0]);
    expect(failed.settled.error).toBeInstanceOf(AcknowledgementError);
    expect(failed.settled.error).toMatchObject({ error: 'ACKNOWLEDGE_ERROR_STALE_LEASE_TOKEN', offset: 4n, partition: 0 });
  });
});
