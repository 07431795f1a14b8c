/** ShareConsumer across server restarts, and the unary fallback when Subscribe is not implemented. */
import * as grpc from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import type { Delivery, ShareConsumer } from '../../src/index.js';
import { shareGroup, startEnv, unique, values } from './helpers.js';

async function pollValues(consumer: ShareConsumer, n: number): Promise<string[]> {
  const out: Delivery[] = [];
  const deadline = Date.now() + 30_000;
  while (out.length < n && Date.now() < deadline) {
    const batch = await consumer.poll({ maxRecords: n - out.length, maxWaitMs: 500 });
    for (const d of batch) await d.accept();
    out.push(...batch);
  }
  return out.map((d) => d.record.value.toString());
}

describe.each(['stream', 'unary'] as const)('ShareConsumer across a server restart (%s transport)', (transport) => {
  it('joins again by itself and keeps receiving', async () => {
    const env = await startEnv();
    try {
      const topic = unique('t');
      const group = unique('g');
      await env.client.admin.createTopic(topic);
      await shareGroup(env.client, group);
      const producer = env.client.producer();
      await Promise.all(values(3, 'a').map((v) => producer.send(topic, v)));
      const errors: Error[] = [];
      const consumer = env.client.shareConsumer({
        transport,
        acknowledgementMode: 'explicit',
        heartbeatIntervalMs: 200,
        onError: (e) => errors.push(e),
      });
      await consumer.subscribe(group, [topic]);
      const memberId = consumer.memberId;
      expect(await pollValues(consumer, 3)).toEqual(values(3, 'a'));

      await env.t.restart();
      await Promise.all(values(3, 'b').map((v) => producer.send(topic, v)));
      expect(await pollValues(consumer, 3)).toEqual(values(3, 'b'));
      expect(consumer.memberId).toBe(memberId); // same identity after rejoining
      expect(errors.length).toBeGreaterThan(0); // the break was reported, not thrown
      await consumer.close();
      await producer.close();
      const described = await env.client.admin.describeShareGroup(group);
      expect(described.members).toHaveLength(0);
      expect(described.partitions[0].startOffset).toBe(6);
    } finally {
      await env.teardown();
    }
  });
});

describe('ShareConsumer transport fallback', () => {
  it('falls back to unary polling when the server answers Subscribe with UNIMPLEMENTED', async () => {
    const noSubscribe: grpc.ServerInterceptor = (method, call) => {
      if (method.path !== '/sharelog.v1.ShareConsumerService/Subscribe') return new grpc.ServerInterceptingCall(call);
      return new grpc.ServerInterceptingCall(call, {
        start: (next) => {
          next({ onReceiveMessage: () => undefined }); // the handler never sees a message
          call.sendStatus({ code: grpc.status.UNIMPLEMENTED, details: 'no Subscribe here (test)', metadata: new grpc.Metadata() });
        },
      });
    };
    const env = await startEnv({ interceptors: [noSubscribe] });
    try {
      const topic = unique('t');
      const group = unique('g');
      await env.client.admin.createTopic(topic);
      await shareGroup(env.client, group);
      const producer = env.client.producer();
      await Promise.all(values(4).map((v) => producer.send(topic, v)));
      const consumer = env.client.shareConsumer({ acknowledgementMode: 'explicit' });
      await consumer.subscribe(group, [topic]);
      expect(consumer.transportKind).toBe('unary');
      expect(await pollValues(consumer, 4)).toEqual(values(4));
      await consumer.close();
      await producer.close();
    } finally {
      await env.teardown();
    }
  });
});
