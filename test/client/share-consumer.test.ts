/** ShareConsumer over both transports: explicit and implicit acknowledgement, release/reject/renew, iteration. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AcknowledgementError, type Delivery, type ShareConsumer, type SharelogClient } from '../../src/index.js';
import { shareGroup, sleep, startEnv, unique, values, type ClientEnv } from './helpers.js';

async function pollUntil(consumer: ShareConsumer, n: number, maxWaitMs = 2_000): Promise<Delivery[]> {
  const out: Delivery[] = [];
  const deadline = Date.now() + 20_000;
  while (out.length < n && Date.now() < deadline) out.push(...(await consumer.poll({ maxRecords: n - out.length, maxWaitMs })));
  return out;
}

async function states(client: SharelogClient, group: string, topic: string, first: number, last: number) {
  const res = await client.admin.inspectShareRecords(group, topic, 0, first, last);
  return res.records.map((r) => r.state.replace('RECORD_STATE_', ''));
}

describe.each(['stream', 'unary'] as const)('ShareConsumer (%s transport)', (transport) => {
  let env: ClientEnv;
  let producer: ReturnType<SharelogClient['producer']>;
  beforeAll(async () => {
    env = await startEnv();
    producer = env.client.producer();
  });
  afterAll(async () => {
    await env.teardown();
  });

  async function setup(n: number, config: Record<string, unknown> = {}) {
    const topic = unique('t');
    const group = unique('g');
    await env.client.admin.createTopic(topic);
    await shareGroup(env.client, group, config);
    await Promise.all(values(n).map((v) => producer.send(topic, v)));
    return { topic, group };
  }

  it('explicit mode: accepted records are confirmed and never delivered again', async () => {
    const { topic, group } = await setup(10);
    const consumer = env.client.shareConsumer({ transport, acknowledgementMode: 'explicit', maxWaitMs: 500 });
    await consumer.subscribe(group, [topic]);
    expect(consumer.transportKind).toBe(transport);
    expect(consumer.assignment()).toEqual([{ topic, partition: 0 }]);
    const deliveries = await pollUntil(consumer, 10);
    expect(deliveries.map((d) => d.record.value.toString())).toEqual(values(10));
    expect(deliveries.every((d) => d.deliveryCount === 1 && d.previousFailure === null && d.leaseToken > 0n)).toBe(true);
    expect(deliveries.every((d) => d.lockExpiresAt > Date.now())).toBe(true);
    await Promise.all(deliveries.map((d) => d.accept()));
    expect(await states(env.client, group, topic, 0, 9)).toEqual([]); // all done: below the start offset
    expect((await env.client.admin.describeShareGroup(group)).partitions[0].startOffset).toBe(10);
    expect(await consumer.poll({ maxWaitMs: 200 })).toEqual([]);
    await expect(deliveries[0].accept()).rejects.toThrow(/already acknowledged/);
    await consumer.close();
  });

  it('implicit mode: records of poll N are accepted by poll N+1 and never redelivered', async () => {
    const { topic, group } = await setup(10);
    const consumer = env.client.shareConsumer({ transport, acknowledgementMode: 'implicit', maxWaitMs: 500 });
    await consumer.subscribe(group, [topic]);
    const first = await pollUntil(consumer, 4);
    expect(first.map((d) => d.record.offset)).toEqual([0n, 1n, 2n, 3n]);
    expect(await states(env.client, group, topic, 0, 3)).toEqual(['ACQUIRED', 'ACQUIRED', 'ACQUIRED', 'ACQUIRED']);
    const second = await consumer.poll({ maxRecords: 3, maxWaitMs: 2_000 });
    expect(second.map((d) => d.record.offset)).toEqual([4n, 5n, 6n]);
    await consumer.commit(); // waits for the implicit acceptances sent with poll N+1 (and accepts poll N+1)
    expect(first.every((d) => d.outcome === 'ACCEPT')).toBe(true);
    expect((await env.client.admin.describeShareGroup(group)).partitions[0].startOffset).toBe(7);
    await consumer.close();

    // A new member sees only what was never delivered.
    const next = env.client.shareConsumer({ transport, maxWaitMs: 500 });
    await next.subscribe(group, [topic]);
    expect((await pollUntil(next, 3)).map((d) => d.record.offset)).toEqual([7n, 8n, 9n]);
    await next.close(); // implicit mode: accepted on close
    expect((await env.client.admin.describeShareGroup(group)).partitions[0].startOffset).toBe(10);
  });

  it('release gives a record back with its reason; the next delivery counts 2 and says why', async () => {
    const { topic, group } = await setup(1);
    const consumer = env.client.shareConsumer({ transport, acknowledgementMode: 'explicit', maxWaitMs: 500 });
    await consumer.subscribe(group, [topic]);
    const [d1] = await pollUntil(consumer, 1);
    await d1.release(0, 'database down');
    const [d2] = await pollUntil(consumer, 1);
    expect(d2.record.offset).toBe(0n);
    expect(d2.deliveryCount).toBe(2);
    expect(d2.leaseToken).toBeGreaterThan(d1.leaseToken);
    expect(d2.previousFailure).toMatchObject({ reason: 'database down', outcome: 'RELEASED', memberId: consumer.memberId });
    await d2.release(60_000, 'later'); // delayed: not delivered again meanwhile
    expect(await consumer.poll({ maxWaitMs: 300 })).toEqual([]);
    expect(await states(env.client, group, topic, 0, 0)).toEqual(['AVAILABLE']);
    await consumer.close();
  });

  it('reject archives a record for good', async () => {
    const { topic, group } = await setup(2);
    const consumer = env.client.shareConsumer({ transport, acknowledgementMode: 'explicit', maxWaitMs: 500 });
    await consumer.subscribe(group, [topic]);
    const [kept, bad] = await pollUntil(consumer, 2);
    await bad.reject('cannot parse');
    const inspected = await env.client.admin.inspectShareRecords(group, topic, 0, 1);
    expect(inspected.records[0]).toMatchObject({ offset: 1, state: 'RECORD_STATE_ARCHIVED' });
    expect(inspected.records[0].attempts.at(-1)).toMatchObject({ outcome: 'ATTEMPT_OUTCOME_REJECTED', reason: 'cannot parse' });
    await kept.release();
    const again = await pollUntil(consumer, 1);
    expect(again.map((d) => d.record.offset)).toEqual([0n]);
    await again[0].accept();
    expect(await consumer.poll({ maxWaitMs: 200 })).toEqual([]);
    expect((await env.client.admin.describeShareGroup(group)).partitions[0].startOffset).toBe(2);
    await consumer.close();
  });

  it('renew extends the lock; after the lock expires, an acknowledgement fails with INVALID_RECORD_STATE', async () => {
    const { topic, group } = await setup(2, { recordLockDurationMs: 1_000 });
    // A window of 2: no credit is left after the first poll, so the expired record is not pushed to us again.
    const consumer = env.client.shareConsumer({ transport, acknowledgementMode: 'explicit', maxWaitMs: 500, maxRecords: 2, window: 2 });
    await consumer.subscribe(group, [topic]);
    const [kept, lost] = await pollUntil(consumer, 2);
    const before = kept.lockExpiresAt;
    await sleep(20);
    const renewed = await kept.renew();
    expect(renewed).toBeGreaterThan(before);
    expect(kept.lockExpiresAt).toBe(renewed);
    // Keep one record alive by renewing while the other's lock runs out.
    const timer = setInterval(() => void kept.renew().catch(() => undefined), 300);
    try {
      await vi.waitFor(async () => expect(await states(env.client, group, topic, 1, 1)).toEqual(['AVAILABLE']), { timeout: 10_000, interval: 100 });
    } finally {
      clearInterval(timer);
    }
    const err = await lost.accept().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AcknowledgementError);
    expect(err).toMatchObject({ error: 'ACKNOWLEDGE_ERROR_INVALID_RECORD_STATE', offset: 1n });
    await kept.accept(); // still held thanks to the renewals
    await consumer.close();
  });

  it('iterates deliveries; leaving the loop gives back what it never yielded', async () => {
    const { topic, group } = await setup(6);
    const consumer = env.client.shareConsumer({ transport, maxRecords: 6, maxWaitMs: 500 });
    await consumer.subscribe(group, [topic]);
    const seen: bigint[] = [];
    for await (const d of consumer) {
      seen.push(d.record.offset);
      if (seen.length === 2) break;
    }
    await consumer.close(); // implicit: the two yielded records are accepted
    expect(seen).toEqual([0n, 1n]);
    const d = await env.client.admin.describeShareGroup(group);
    expect(d.partitions[0]).toMatchObject({ startOffset: 2, acquired: 0 });
    expect(d.members).toHaveLength(0);
  });

  it('two members share one partition: each record goes to one of them', async () => {
    const { topic, group } = await setup(40);
    const a = env.client.shareConsumer({ transport, acknowledgementMode: 'explicit', maxRecords: 5, maxWaitMs: 300 });
    const b = env.client.shareConsumer({ transport, acknowledgementMode: 'explicit', maxRecords: 5, maxWaitMs: 300 });
    await a.subscribe(group, [topic]);
    await b.subscribe(group, [topic]);
    const seen: string[] = [];
    const drain = async (c: ShareConsumer) => {
      while (seen.length < 40) {
        for (const d of await c.poll()) {
          seen.push(d.record.value.toString());
          await d.accept();
        }
      }
    };
    await Promise.all([drain(a), drain(b)]);
    expect(seen.sort()).toEqual(values(40).sort());
    await Promise.all([a.close(), b.close()]);
  });
});
