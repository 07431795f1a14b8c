/** ShareWorker: success, retry with backoff, non-retriable rejection, lock auto-renewal, and drain on stop. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { NonRetriableError, ShareWorker, type Delivery, type SharelogClient } from '../../src/index.js';
import { shareGroup, sleep, startEnv, unique, values, type ClientEnv } from './helpers.js';

describe('ShareWorker', () => {
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

  const startOffset = async (group: string) => (await env.client.admin.describeShareGroup(group)).partitions[0]?.startOffset;

  it.each(['stream', 'unary'] as const)('handles every record once and accepts it (%s transport)', async (transport) => {
    const { topic, group } = await setup(30);
    const handled: string[] = [];
    let running = 0;
    let maxRunning = 0;
    const worker = new ShareWorker({
      client: env.client,
      group,
      topics: [topic],
      concurrency: 4,
      transport,
      maxWaitMs: 300,
      handler: async (d) => {
        running++;
        maxRunning = Math.max(maxRunning, running);
        await sleep(5);
        handled.push(d.record.value.toString());
        running--;
      },
    });
    await worker.start();
    await vi.waitFor(() => expect(worker.stats.processed).toBe(30), { timeout: 20_000 });
    await worker.stop();
    expect(handled.sort()).toEqual(values(30).sort());
    expect(maxRunning).toBeLessThanOrEqual(4);
    expect(worker.stats).toMatchObject({ processed: 30, failed: 0, rejected: 0, ackErrors: 0, running: 0 });
    expect(await startOffset(group)).toBe(30);
  });

  it('releases a failed record with backoff and the error as reason; the retry succeeds on delivery 2', async () => {
    const { topic, group } = await setup(5);
    const attempts: Array<{ value: string; count: number; reason: string | undefined }> = [];
    const worker = env.client.shareWorker({
      group,
      topics: [topic],
      concurrency: 2,
      backoff: { initialMs: 50, maxMs: 1_000 },
      maxWaitMs: 300,
      handler: (d: Delivery) => {
        attempts.push({ value: d.record.value.toString(), count: d.deliveryCount, reason: d.previousFailure?.reason });
        if (d.deliveryCount === 1) throw new Error(`flaky ${d.record.value}`);
      },
    });
    await worker.start();
    await vi.waitFor(() => expect(worker.stats.processed).toBe(5), { timeout: 20_000 });
    await worker.stop();
    expect(worker.stats).toMatchObject({ processed: 5, failed: 5, rejected: 0 });
    for (const v of values(5)) {
      expect(attempts.filter((a) => a.value === v)).toEqual([
        { value: v, count: 1, reason: undefined },
        { value: v, count: 2, reason: `flaky ${v}` },
      ]);
    }
    expect(await startOffset(group)).toBe(5);
  });

  it('rejects a record whose handler throws NonRetriableError; it is never delivered again', async () => {
    const { topic, group } = await setup(4);
    const calls = new Map<string, number>();
    const worker = env.client.shareWorker({
      group,
      topics: [topic],
      backoff: { initialMs: 10 },
      maxWaitMs: 300,
      handler: (d: Delivery) => {
        const v = d.record.value.toString();
        calls.set(v, (calls.get(v) ?? 0) + 1);
        if (v === 'v2') throw new NonRetriableError('poison pill');
      },
    });
    await worker.start();
    await vi.waitFor(() => expect(worker.stats.processed + worker.stats.rejected).toBe(4), { timeout: 20_000 });
    // Give a redelivery every chance to show up before stopping.
    await sleep(300);
    await worker.stop();
    expect(worker.stats).toMatchObject({ processed: 3, rejected: 1, failed: 0 });
    expect(Object.fromEntries(calls)).toEqual({ v0: 1, v1: 1, v2: 1, v3: 1 });
    const inspected = await env.client.admin.inspectShareRecords(group, topic, 0, 0, 3);
    expect(inspected.records).toEqual([]); // all done (accepted or archived): below the start offset
    expect(await startOffset(group)).toBe(4);
  });

  it('renews the lock of a handler that runs longer than the lock duration, so no other worker gets the record', async () => {
    const { topic, group } = await setup(1, { recordLockDurationMs: 1_000 });
    const seenBy: string[] = [];
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const slow = env.client.shareWorker({
      group,
      topics: [topic],
      maxWaitMs: 300,
      handler: async (d: Delivery, { signal }) => {
        seenBy.push(`slow:${d.record.value}`);
        started();
        await sleep(2_500); // 2.5 lock durations
        expect(signal.aborted).toBe(false);
      },
    });
    await slow.start();
    await running;
    const other = env.client.shareWorker({
      group,
      topics: [topic],
      maxWaitMs: 300,
      handler: (d: Delivery) => void seenBy.push(`other:${d.record.value}`),
    });
    await other.start();
    await vi.waitFor(() => expect(slow.stats.processed).toBe(1), { timeout: 20_000 });
    await Promise.all([slow.stop(), other.stop()]);
    expect(seenBy).toEqual(['slow:v0']);
    expect(slow.stats.renewed).toBeGreaterThanOrEqual(2);
    expect(slow.stats.ackErrors).toBe(0);
    expect(await startOffset(group)).toBe(1);
  });

  it('drains on stop: takes nothing new, lets running handlers finish and acknowledges them, then leaves', async () => {
    const { topic, group } = await setup(10);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const started: string[] = [];
    const worker = env.client.shareWorker({
      group,
      topics: [topic],
      concurrency: 2,
      maxWaitMs: 300,
      handler: async (d: Delivery) => {
        started.push(d.record.value.toString());
        await gate;
      },
    });
    await worker.start();
    await vi.waitFor(() => expect(started).toHaveLength(2), { timeout: 10_000 });
    let stopped = false;
    const stopping = worker.stop().then(() => (stopped = true));
    await sleep(200);
    expect(stopped).toBe(false); // handlers still running
    release();
    await stopping;
    expect(started).toHaveLength(2);
    expect(worker.stats).toMatchObject({ processed: 2, running: 0 });
    const described = await env.client.admin.describeShareGroup(group);
    expect(described.members).toHaveLength(0);
    expect(described.partitions[0]).toMatchObject({ startOffset: 2, acquired: 0 });
  });
});
