/** Producer: batching, per-record positions, backpressure, errors, and idempotent retries (server restart, lost response). */
import * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SharelogClientError } from '../../src/index.js';
import { readPartition, startEnv, unique, values, type ClientEnv } from './helpers.js';

describe('Producer', () => {
  let env: ClientEnv;
  beforeAll(async () => {
    env = await startEnv();
  });
  afterAll(async () => {
    await env.teardown();
  });

  it('batches concurrent sends into few Produce calls and resolves each record with its own offset', async () => {
    const topic = unique('batch');
    await env.client.admin.createTopic(topic);
    const producer = env.client.producer({ lingerMs: 20, maxBatchRecords: 50 });
    const positions = await Promise.all(values(200).map((v) => producer.send(topic, v, { partition: 0 })));
    expect(positions.map((p) => p.offset)).toEqual(values(200).map((_, i) => BigInt(i)));
    expect(positions.every((p) => p.partition === 0)).toBe(true);
    // 200 records sent in one tick fill exactly four batches of 50.
    expect(producer.stats).toMatchObject({ batches: 4, requests: 4, records: 200, retries: 0 });
    const log = await readPartition(env.client, topic);
    expect(log.map((r) => r.value)).toEqual(values(200));
    await producer.close();
  });

  it('splits batches at maxBatchBytes', async () => {
    const topic = unique('bytes');
    await env.client.admin.createTopic(topic);
    const producer = env.client.producer({ lingerMs: 20, maxBatchBytes: 4096 });
    const big = 'x'.repeat(1000);
    await Promise.all(Array.from({ length: 20 }, () => producer.send(topic, big)));
    // About 1 KiB each: four fit in 4 KiB, so 20 records take five requests.
    expect(producer.stats.batches).toBe(5);
    await producer.close();
  });

  it('routes by explicit partition and by key, and keeps keys, headers and timestamps', async () => {
    const topic = unique('route');
    await env.client.admin.createTopic(topic, { partitions: 4 });
    const producer = env.client.producer();
    const explicit = await producer.send(topic, 'p3', { partition: 3 });
    expect(explicit.partition).toBe(3);
    const keyed = await Promise.all([1, 2, 3].map((i) => producer.send(topic, { value: `k${i}`, key: 'same-key' })));
    expect(new Set(keyed.map((p) => p.partition)).size).toBe(1);
    const withHeaders = await producer.send(topic, { value: 'h', headers: { a: '1', b: Buffer.from('2') }, timestampMs: 1234 }, { partition: 1 });
    const res = await env.client.call('consumer', 'Fetch', { topic, partition: 1, offset: withHeaders.offset.toString(), maxRecords: 1 });
    expect(res.records[0].headers.map((h) => [h.key, h.value.toString()])).toEqual([
      ['a', '1'],
      ['b', '2'],
    ]);
    expect(res.records[0].timestampMs).toBe(1234);
    await producer.close();
  });

  it('applies backpressure: no more than maxQueuedRecords wait at a time, and every send still resolves in order', async () => {
    const topic = unique('bp');
    await env.client.admin.createTopic(topic);
    const producer = env.client.producer({ maxQueuedRecords: 10, maxBatchRecords: 4, lingerMs: 1 });
    let maxQueued = 0;
    const sends = values(100).map((v) =>
      producer.send(topic, v, { partition: 0 }).then((p) => {
        maxQueued = Math.max(maxQueued, producer.queued.records);
        return p;
      }),
    );
    maxQueued = Math.max(maxQueued, producer.queued.records);
    expect(producer.queued.records).toBeLessThanOrEqual(10);
    const positions = await Promise.all(sends);
    expect(maxQueued).toBeLessThanOrEqual(10);
    expect(positions.map((p) => p.offset)).toEqual(values(100).map((_, i) => BigInt(i)));
    expect(producer.queued.records).toBe(0);
    await producer.close();
  });

  it('rejects records of a missing topic with a coded, non-retriable error', async () => {
    const producer = env.client.producer();
    const err = await producer.send(unique('missing'), 'x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SharelogClientError);
    expect(err).toMatchObject({ status: grpc.status.NOT_FOUND, code: 'TOPIC_NOT_FOUND', retriable: false });
    expect(producer.stats).toMatchObject({ requests: 1, failedRecords: 1 });
    await producer.close();
  });

  it('flushes on close and refuses sends afterwards', async () => {
    const topic = unique('close');
    await env.client.admin.createTopic(topic);
    const producer = env.client.producer({ lingerMs: 60_000 });
    const pending = producer.send(topic, 'late');
    await producer.close();
    expect((await pending).offset).toBe(0n);
    await expect(producer.send(topic, 'after')).rejects.toMatchObject({ status: grpc.status.CANCELLED });
  });
});

describe('Producer retries', () => {
  it('retries across a server restart; every record is in the log exactly once', async () => {
    const env = await startEnv();
    try {
      const topic = unique('restart');
      await env.client.admin.createTopic(topic, { partitions: 2 });
      const producer = env.client.producer({ lingerMs: 2, maxBatchRecords: 10 });
      const before = values(50, 'a').map((v, i) => producer.send(topic, v, { partition: i % 2 }));
      const restart = env.t.restart();
      const during = values(50, 'b').map((v, i) => producer.send(topic, v, { partition: i % 2 }));
      await restart;
      const after = values(50, 'c').map((v, i) => producer.send(topic, v, { partition: i % 2 }));
      const positions = await Promise.all([...before, ...during, ...after]);
      const all = [...values(50, 'a'), ...values(50, 'b'), ...values(50, 'c')];
      const logs = [await readPartition(env.client, topic, 0), await readPartition(env.client, topic, 1)];
      expect(logs.flat().map((r) => r.value).sort()).toEqual([...all].sort());
      // Each promise resolved with the position its record really has.
      const at = logs.map((log) => new Map(log.map((r) => [r.offset, r.value])));
      positions.forEach((p, i) => expect(at[p.partition].get(p.offset)).toBe(all[i]));
      await producer.close();
    } finally {
      await env.teardown();
    }
  });

  it('resends the same sequence when a response is lost, so the batch is appended once', async () => {
    let dropped = 0;
    // A real server whose first Produce response is lost on the way back: the append happened, the client sees
    // UNAVAILABLE and must retry without duplicating.
    const loseFirstResponse: grpc.ServerInterceptor = (method, call) => {
      if (method.path !== '/sharelog.v1.ProducerService/Produce' || dropped > 0) return new grpc.ServerInterceptingCall(call);
      return new grpc.ServerInterceptingCall(call, {
        sendMessage: (message, next) => {
          if (dropped > 0) return next(message);
          dropped++;
          call.sendStatus({ code: grpc.status.UNAVAILABLE, details: 'response lost (test)', metadata: new grpc.Metadata() });
        },
      });
    };
    const env = await startEnv({ interceptors: [loseFirstResponse] });
    try {
      const topic = unique('lost');
      await env.client.admin.createTopic(topic);
      const producer = env.client.producer({ lingerMs: 5 });
      const positions = await Promise.all(values(5).map((v) => producer.send(topic, v)));
      expect(dropped).toBe(1);
      expect(producer.stats).toMatchObject({ batches: 1, requests: 2, retries: 1, duplicates: 1 });
      expect(positions.map((p) => p.offset)).toEqual([0n, 1n, 2n, 3n, 4n]);
      expect((await readPartition(env.client, topic)).map((r) => r.value)).toEqual(values(5));
      await producer.close();
    } finally {
      await env.teardown();
    }
  });

  it('does not retry when idempotence is off', async () => {
    let dropped = 0;
    const loseFirstResponse: grpc.ServerInterceptor = (method, call) => {
      if (method.path !== '/sharelog.v1.ProducerService/Produce' || dropped > 0) return new grpc.ServerInterceptingCall(call);
      return new grpc.ServerInterceptingCall(call, {
        sendMessage: () => {
          dropped++;
          call.sendStatus({ code: grpc.status.UNAVAILABLE, details: 'response lost (test)', metadata: new grpc.Metadata() });
        },
      });
    };
    const env = await startEnv({ interceptors: [loseFirstResponse] });
    try {
      const topic = unique('nonidem');
      await env.client.admin.createTopic(topic);
      const producer = env.client.producer({ idempotent: false });
      const err = await producer.send(topic, 'x').catch((e: unknown) => e);
      expect(err).toMatchObject({ status: grpc.status.UNAVAILABLE, retriable: true });
      expect(producer.stats).toMatchObject({ requests: 1, retries: 0 });
      await producer.close();
    } finally {
      await env.teardown();
    }
  });
});
