/** Consumer groups through the SDK: reading, splitting partitions, commits, resuming, seeking. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Consumer, ConsumerRecord, AssignmentChange } from '../../src/index.js';
import { readPartition, startEnv, unique, values, type ClientEnv } from './helpers.js';

/** Runs `for await` over a consumer in the background, collecting values. */
function collect(consumer: Consumer) {
  const seen: ConsumerRecord[] = [];
  const done = (async () => {
    for await (const r of consumer) seen.push(r);
  })();
  return { seen, done, values: () => seen.map((r) => r.value.toString()) };
}

describe('Consumer', () => {
  let env: ClientEnv;
  beforeAll(async () => {
    env = await startEnv();
  });
  afterAll(async () => {
    await env.teardown();
  });

  it('joins a group, gets every partition, and reads all records from the earliest offset', async () => {
    const topic = unique('read');
    const group = unique('g');
    await env.client.admin.createTopic(topic, { partitions: 3 });
    const producer = env.client.producer();
    await Promise.all(values(30).map((v, i) => producer.send(topic, v, { partition: i % 3 })));
    const consumer = env.client.consumer({ autoOffsetReset: 'earliest', maxWaitMs: 200 });
    await consumer.subscribe(group, [topic]);
    expect(consumer.assignment().map((tp) => tp.partition).sort()).toEqual([0, 1, 2]);
    const c = collect(consumer);
    await vi.waitFor(() => expect(c.seen.length).toBe(30), { timeout: 10_000 });
    expect(c.values().sort()).toEqual(values(30).sort());
    // Within a partition, records come in offset order.
    for (const p of [0, 1, 2]) {
      const offsets = c.seen.filter((r) => r.partition === p).map((r) => r.offset);
      expect(offsets).toEqual([...offsets].sort((a, b) => (a < b ? -1 : 1)));
    }
    await consumer.close();
    await c.done;
    // Auto-commit on close stored the end of each partition.
    const described = await env.client.admin.describeConsumerGroup(group);
    expect(described.members).toHaveLength(0);
    expect(described.partitions.map((p) => p.committedOffset)).toEqual([10, 10, 10]);
    await producer.close();
  });

  it('starts at the end with autoOffsetReset latest and long-polls for new records', async () => {
    const topic = unique('latest');
    await env.client.admin.createTopic(topic);
    const producer = env.client.producer();
    await producer.send(topic, 'old');
    const consumer = env.client.consumer({ maxWaitMs: 5_000 });
    await consumer.subscribe(unique('g'), [topic]);
    await vi.waitFor(() => expect(consumer.position(topic, 0)).toBe(1n), { timeout: 10_000 });
    const polled = consumer.poll({ maxWaitMs: 10_000 });
    await producer.send(topic, 'new');
    expect((await polled).map((r) => r.value.toString())).toEqual(['new']);
    await consumer.close();
    await producer.close();
  });

  it('splits partitions between two members; after the rebalance every record is consumed exactly once', async () => {
    const topic = unique('split');
    const group = unique('g');
    await env.client.admin.createTopic(topic, { partitions: 4 });
    const producer = env.client.producer();
    const changes: AssignmentChange[] = [];
    const c1 = env.client.consumer({ autoOffsetReset: 'earliest', heartbeatIntervalMs: 100, maxWaitMs: 200, onAssignment: (c) => void changes.push(c) });
    await c1.subscribe(group, [topic]);
    const r1 = collect(c1);
    await Promise.all(values(40, 'a').map((v, i) => producer.send(topic, v, { partition: i % 4 })));
    await vi.waitFor(() => expect(r1.seen.length).toBe(40), { timeout: 10_000 });

    const c2 = env.client.consumer({ autoOffsetReset: 'earliest', heartbeatIntervalMs: 100, maxWaitMs: 200 });
    await c2.subscribe(group, [topic]);
    const r2 = collect(c2);
    await vi.waitFor(
      () => {
        const a1 = c1.assignment().map((tp) => tp.partition);
        const a2 = c2.assignment().map((tp) => tp.partition);
        expect(a1).toHaveLength(2);
        expect(a2).toHaveLength(2);
        expect([...a1, ...a2].sort()).toEqual([0, 1, 2, 3]);
      },
      { timeout: 20_000, interval: 50 },
    );
    expect(changes.some((c) => c.revoked.length === 2)).toBe(true);

    await Promise.all(values(40, 'b').map((v, i) => producer.send(topic, v, { partition: i % 4 })));
    await vi.waitFor(() => expect(r1.seen.length + r2.seen.length).toBe(80), { timeout: 10_000 });
    const all = [...r1.values(), ...r2.values()];
    expect(all.sort()).toEqual([...values(40, 'a'), ...values(40, 'b')].sort());
    // The second member read only from its own partitions, and only records after the first member's commits.
    const own = new Set(c2.assignment().map((tp) => tp.partition));
    expect(r2.seen.every((r) => own.has(r.partition) && r.value.toString().startsWith('b'))).toBe(true);
    await Promise.all([c1.close(), c2.close()]);
    await Promise.all([r1.done, r2.done]);
    await producer.close();
  });

  it('commits manually; a new consumer of the group resumes from the committed offset', async () => {
    const topic = unique('resume');
    const group = unique('g');
    await env.client.admin.createTopic(topic);
    const producer = env.client.producer();
    await Promise.all(values(20).map((v) => producer.send(topic, v)));

    const first = env.client.consumer({ autoCommit: false, autoOffsetReset: 'earliest', maxWaitMs: 200 });
    await first.subscribe(group, [topic]);
    const got: string[] = [];
    for await (const r of first) {
      got.push(r.value.toString());
      if (got.length === 7) {
        await first.commit(); // includes the record being processed
        break;
      }
    }
    // Read further without committing: not stored.
    const more = await first.poll({ maxRecords: 3, maxWaitMs: 5_000 });
    expect(more.map((r) => r.value.toString())).toEqual(['v7', 'v8', 'v9']);
    await first.close();
    expect((await env.client.admin.describeConsumerGroup(group)).partitions[0].committedOffset).toBe(7);

    const second = env.client.consumer({ autoCommit: false, autoOffsetReset: 'earliest', maxWaitMs: 200 });
    await second.subscribe(group, [topic]);
    const next = await second.poll({ maxRecords: 1, maxWaitMs: 10_000 });
    expect(next.map((r) => r.offset)).toEqual([7n]);
    await second.close();
    await producer.close();
  });

  it('auto-commits consumed positions on close; leaving a for-await loop counts the last record as consumed', async () => {
    const topic = unique('auto');
    const group = unique('g');
    await env.client.admin.createTopic(topic);
    const producer = env.client.producer();
    await Promise.all(values(10).map((v) => producer.send(topic, v)));
    const consumer = env.client.consumer({ autoOffsetReset: 'earliest', maxWaitMs: 200 });
    await consumer.subscribe(group, [topic]);
    let n = 0;
    for await (const r of consumer) {
      expect(r.offset).toBe(BigInt(n));
      if (++n === 4) break;
    }
    await consumer.close();
    expect((await env.client.admin.describeConsumerGroup(group)).partitions[0].committedOffset).toBe(4);
    await producer.close();
  });

  it('seeks to an offset; the fetch position and the next commit follow', async () => {
    const topic = unique('seek');
    const group = unique('g');
    await env.client.admin.createTopic(topic);
    const producer = env.client.producer();
    await Promise.all(values(10).map((v) => producer.send(topic, v)));
    const consumer = env.client.consumer({ autoCommit: false, autoOffsetReset: 'earliest', maxWaitMs: 200 });
    await consumer.subscribe(group, [topic]);
    const firstPoll = await consumer.poll({ maxRecords: 10, maxWaitMs: 10_000 });
    expect(firstPoll[0].offset).toBe(0n);
    consumer.seek(topic, 0, 2n);
    const again = await consumer.poll({ maxRecords: 2, maxWaitMs: 10_000 });
    expect(again.map((r) => r.offset)).toEqual([2n, 3n]);
    await consumer.commit();
    expect((await env.client.admin.describeConsumerGroup(group)).partitions[0].committedOffset).toBe(4);
    expect(() => consumer.seek(topic, 5, 0)).toThrow(/not assigned/);
    await consumer.close();
    await producer.close();
  });
});

describe('Consumer across a server restart', () => {
  it('joins again and continues from its committed offsets', async () => {
    const env = await startEnv();
    try {
      const topic = unique('restart');
      const group = unique('g');
      await env.client.admin.createTopic(topic);
      const producer = env.client.producer();
      await Promise.all(values(5, 'a').map((v) => producer.send(topic, v)));
      const consumer = env.client.consumer({ autoOffsetReset: 'earliest', autoCommitIntervalMs: 50, heartbeatIntervalMs: 100, maxWaitMs: 200 });
      await consumer.subscribe(group, [topic]);
      const r = collect(consumer);
      await vi.waitFor(() => expect(r.seen.length).toBe(5), { timeout: 10_000 });
      // The auto-commit has stored the position before the restart.
      await vi.waitFor(async () => expect((await env.client.admin.describeConsumerGroup(group)).partitions[0].committedOffset).toBe(5), {
        timeout: 10_000,
      });
      await env.t.restart();
      // Fetching needs no membership: records read before a heartbeat finds the membership gone are never
      // committed and come again after the rejoin (the next test). So produce once the member owns the partition.
      await vi.waitFor(async () => expect((await env.client.admin.describeConsumerGroup(group)).partitions[0].ownerMemberId).toBe(consumer.memberId), {
        timeout: 20_000,
      });
      await Promise.all(values(5, 'b').map((v) => producer.send(topic, v)));
      await vi.waitFor(() => expect(r.seen.length).toBe(10), { timeout: 20_000 });
      expect(r.values()).toEqual([...values(5, 'a'), ...values(5, 'b')]);
      await consumer.close();
      await r.done;
      await producer.close();
    } finally {
      await env.teardown();
    }
  });

  it('reads again from the committed offset what it consumed before learning the restart dropped its membership', async () => {
    const env = await startEnv();
    try {
      const topic = unique('restart-lost');
      const group = unique('g');
      await env.client.admin.createTopic(topic);
      const producer = env.client.producer();
      await Promise.all(values(5, 'a').map((v) => producer.send(topic, v)));
      // Manual commits only: an auto-commit in flight at the rejoin could land or not, this test wants one outcome.
      const consumer = env.client.consumer({ autoCommit: false, autoOffsetReset: 'earliest', heartbeatIntervalMs: 100, maxWaitMs: 200 });
      await consumer.subscribe(group, [topic]);
      const r = collect(consumer);
      await vi.waitFor(() => expect(r.seen.length).toBe(5), { timeout: 10_000 });
      await consumer.commit();
      // Heartbeats are held back after the restart, as a slow one under load would be, while the fetches go on.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const call = env.client.call.bind(env.client);
      vi.spyOn(env.client, 'call').mockImplementation(((...args: Parameters<typeof call>) =>
        args[1] === 'Heartbeat' ? held.then(() => call(...args)) : call(...args)) as typeof call);
      await env.t.restart();
      await Promise.all(values(5, 'b').map((v) => producer.send(topic, v)));
      await vi.waitFor(() => expect(r.seen.length).toBe(10), { timeout: 20_000 });
      release();
      await vi.waitFor(() => expect(r.seen.length).toBe(15), { timeout: 20_000 });
      // At-least-once: the committed a records are not read again, the b records consumed without membership are
      // (the same offsets: appended once), and nothing is skipped.
      expect(r.values()).toEqual([...values(5, 'a'), ...values(5, 'b'), ...values(5, 'b')]);
      expect(r.seen.map((rec) => Number(rec.offset))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 5, 6, 7, 8, 9]);
      expect((await readPartition(env.client, topic)).map((rec) => rec.value)).toEqual([...values(5, 'a'), ...values(5, 'b')]);
      await consumer.commit();
      expect((await env.client.admin.describeConsumerGroup(group)).partitions[0].committedOffset).toBe(10);
      await consumer.close();
      await r.done;
      await producer.close();
    } finally {
      vi.restoreAllMocks();
      await env.teardown();
    }
  });
});
