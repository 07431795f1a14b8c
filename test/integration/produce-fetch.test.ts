import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partitionForKey } from '../../src/log/partitioner.js';
import { errorCode } from '../helpers/grpc-clients.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

const value = (s: string) => Buffer.from(s);

describe('produce and fetch through gRPC', () => {
  it('round-trips keys, headers and timestamps with dense offsets', async () => {
    await t.clients.admin.CreateTopic({ name: 'orders', partitions: 1 });
    const before = Date.now();
    const produced = await t.clients.producer.Produce({
      topic: 'orders',
      records: [
        { key: value('k1'), value: value('v1'), headers: [{ key: 'h', value: value('x') }], timestampMs: 1234 },
        { value: value('v2'), headers: [] },
        { key: Buffer.alloc(0), value: Buffer.alloc(0), headers: [{ key: 'a', value: value('1') }, { key: 'a', value: value('2') }] },
      ],
    });
    expect(produced.positions.map((p: { offset: number }) => Number(p.offset))).toEqual([0, 1, 2]);

    const fetched = await t.clients.consumer.Fetch({ topic: 'orders', partition: 0, offset: 0 });
    expect(fetched.highWatermark).toBe(3);
    expect(fetched.logStartOffset).toBe(0);
    const [r0, r1, r2] = fetched.records;
    expect(r0).toMatchObject({ topic: 'orders', partition: 0, offset: 0, timestampMs: 1234 });
    expect(r0.key.toString()).toBe('k1');
    expect(r0.value.toString()).toBe('v1');
    expect(r0.headers.map((h: { key: string; value: Buffer }) => [h.key, h.value.toString()])).toEqual([['h', 'x']]);
    expect(r1.key).toBeUndefined();
    expect(Number(r1.timestampMs)).toBeGreaterThanOrEqual(before);
    expect(r2.key).toEqual(Buffer.alloc(0));
    expect(r2.headers.map((h: { key: string; value: Buffer }) => h.value.toString())).toEqual(['1', '2']);

    const fromMiddle = await t.clients.consumer.Fetch({ topic: 'orders', partition: 0, offset: 1, maxRecords: 1 });
    expect(fromMiddle.records.map((r: { offset: number }) => r.offset)).toEqual([1]);
  });

  it('routes keyed records by murmur2 like Kafka and honours an explicit partition', async () => {
    await t.clients.admin.CreateTopic({ name: 'keyed', partitions: 6 });
    const keys = ['alpha', 'beta', 'gamma', 'delta', 'epsilon'];
    const produced = await t.clients.producer.Produce({
      topic: 'keyed',
      records: keys.map((k) => ({ key: value(k), value: value(k) })),
    });
    produced.positions.forEach((p: { partition: number }, i: number) => {
      expect(p.partition).toBe(partitionForKey(value(keys[i]), 6));
    });
    const pinned = await t.clients.producer.Produce({ topic: 'keyed', partition: 5, records: [{ key: value('alpha'), value: value('x') }] });
    expect(pinned.positions[0].partition).toBe(5);
  });

  it('long-poll returns as soon as a record arrives', async () => {
    await t.clients.admin.CreateTopic({ name: 'poll', partitions: 1 });
    const started = Date.now();
    const pending = t.clients.consumer.Fetch({ topic: 'poll', partition: 0, offset: 0, maxWaitMs: 20_000 });
    setTimeout(() => void t.clients.producer.Produce({ topic: 'poll', records: [{ value: value('wake') }] }), 100);
    const fetched = await pending;
    expect(fetched.records.map((r: { value: Buffer }) => r.value.toString())).toEqual(['wake']);
    // Far below the 20 s wait: the produce woke it (a generous bound, not a timing threshold on the server).
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('long-poll ends empty at max_wait_ms', async () => {
    const fetched = await t.clients.consumer.Fetch({ topic: 'poll', partition: 0, offset: 1, maxWaitMs: 100 });
    expect(fetched.records).toEqual([]);
    expect(fetched.highWatermark).toBe(1);
  });

  it('appends an idempotent retry once and returns the original positions', async () => {
    await t.clients.admin.CreateTopic({ name: 'idem', partitions: 3 });
    const request = { topic: 'idem', producerId: 'p-1', sequence: 7, records: [{ value: value('a') }, { value: value('b') }] };
    const first = await t.clients.producer.Produce(request);
    const retry = await t.clients.producer.Produce(request);
    expect(first.duplicate).toBe(false);
    expect(retry.duplicate).toBe(true);
    expect(retry.positions).toEqual(first.positions);
    const partition = first.positions[0].partition;
    const fetched = await t.clients.consumer.Fetch({ topic: 'idem', partition, offset: 0 });
    expect(fetched.records).toHaveLength(2);
    const next = await t.clients.producer.Produce({ ...request, sequence: 8 });
    expect(next.duplicate).toBe(false);
    await expect(t.clients.producer.Produce({ ...request, sequence: 1 })).rejects.toMatchObject({ code: status.FAILED_PRECONDITION });
  });

  it('describes topics with offsets and sizes, grows partitions, deletes', async () => {
    await t.clients.admin.CreateTopic({ name: 'admin-t', partitions: 2, retentionMs: 60_000 });
    await t.clients.producer.Produce({ topic: 'admin-t', partition: 1, records: [{ value: value('x') }] });
    const described = await t.clients.admin.DescribeTopic({ name: 'admin-t' });
    expect(described.topic.config.retentionMs).toBe(60000);
    expect(described.topic.partitions[1]).toMatchObject({ partition: 1, startOffset: 0, endOffset: 1 });
    expect(Number(described.topic.partitions[1].sizeBytes)).toBeGreaterThan(0);
    const grown = await t.clients.admin.CreatePartitions({ name: 'admin-t', partitions: 4 });
    expect(grown.topic.partitions).toHaveLength(4);
    const listed = await t.clients.admin.ListTopics({});
    expect(listed.topics.map((x: { name: string }) => x.name)).toContain('admin-t');
    await t.clients.admin.DeleteTopic({ name: 'admin-t' });
    await expect(t.clients.admin.DescribeTopic({ name: 'admin-t' })).rejects.toMatchObject({ code: status.NOT_FOUND });
  });

  it('deletes a topic whose name has the longest length allowed', async () => {
    const name = 'x'.repeat(249);
    await t.clients.admin.CreateTopic({ name, partitions: 1 });
    await t.clients.producer.Produce({ topic: name, partition: 0, records: [{ value: value('x') }] });
    await t.clients.admin.DeleteTopic({ name });
    await expect(t.clients.admin.DescribeTopic({ name })).rejects.toMatchObject({ code: status.NOT_FOUND });
    await t.clients.admin.CreateTopic({ name, partitions: 1 });
    expect((await t.clients.admin.DescribeTopic({ name })).topic.partitions[0]).toMatchObject({ startOffset: 0, endOffset: 0 });
  });
});

describe('bad input gets a precise status and the server stays healthy', () => {
  const cases: Array<[string, () => Promise<unknown>, status, string]> = [
    ['topic name with a slash', () => t.clients.admin.CreateTopic({ name: 'a/b', partitions: 1 }), status.INVALID_ARGUMENT, 'INVALID_ARGUMENT'],
    ['topic name ".."', () => t.clients.admin.CreateTopic({ name: '..', partitions: 1 }), status.INVALID_ARGUMENT, 'INVALID_ARGUMENT'],
    ['topic name of 250 chars', () => t.clients.admin.CreateTopic({ name: 'x'.repeat(250), partitions: 1 }), status.INVALID_ARGUMENT, 'INVALID_ARGUMENT'],
    ['zero partitions', () => t.clients.admin.CreateTopic({ name: 'zero', partitions: 0 }), status.INVALID_ARGUMENT, 'INVALID_ARGUMENT'],
    ['10001 partitions', () => t.clients.admin.CreateTopic({ name: 'huge', partitions: 10_001 }), status.INVALID_ARGUMENT, 'INVALID_ARGUMENT'],
    ['duplicate topic', () => t.clients.admin.CreateTopic({ name: 'orders', partitions: 1 }), status.ALREADY_EXISTS, 'TOPIC_EXISTS'],
    ['shrinking partitions', () => t.clients.admin.CreatePartitions({ name: 'keyed', partitions: 2 }), status.INVALID_ARGUMENT, 'INVALID_ARGUMENT'],
    ['produce to unknown topic', () => t.clients.producer.Produce({ topic: 'nope', records: [{ value: value('x') }] }), status.NOT_FOUND, 'TOPIC_NOT_FOUND'],
    ['produce without records', () => t.clients.producer.Produce({ topic: 'orders', records: [] }), status.INVALID_ARGUMENT, 'INVALID_ARGUMENT'],
    ['produce without topic', () => t.clients.producer.Produce({ records: [{ value: value('x') }] }), status.INVALID_ARGUMENT, 'INVALID_ARGUMENT'],
    ['produce to a missing partition', () => t.clients.producer.Produce({ topic: 'orders', partition: 3, records: [{ value: value('x') }] }), status.INVALID_ARGUMENT, 'INVALID_ARGUMENT'],
    ['negative timestamp', () => t.clients.producer.Produce({ topic: 'orders', records: [{ value: value('x'), timestampMs: -5 }] }), status.INVALID_ARGUMENT, 'INVALID_ARGUMENT'],
    ['producer id of 65 bytes', () => t.clients.producer.Produce({ topic: 'orders', producerId: 'p'.repeat(65), records: [{ value: value('x') }] }), status.INVALID_ARGUMENT, 'INVALID_ARGUMENT'],
    ['negative sequence', () => t.clients.producer.Produce({ topic: 'orders', producerId: 'p', sequence: -1, records: [{ value: value('x') }] }), status.INVALID_ARGUMENT, 'INVALID_ARGUMENT'],
    ['fetch beyond the high watermark', () => t.clients.consumer.Fetch({ topic: 'orders', partition: 0, offset: 99 }), status.OUT_OF_RANGE, 'OFFSET_OUT_OF_RANGE'],
    ['fetch a negative offset', () => t.clients.consumer.Fetch({ topic: 'orders', partition: 0, offset: -1 }), status.INVALID_ARGUMENT, 'INVALID_ARGUMENT'],
    ['fetch an offset above 2^53', () => t.clients.consumer.Fetch({ topic: 'orders', partition: 0, offset: '9007199254740993' }), status.INVALID_ARGUMENT, 'INVALID_ARGUMENT'],
    ['fetch a missing partition', () => t.clients.consumer.Fetch({ topic: 'orders', partition: 9, offset: 0 }), status.NOT_FOUND, 'PARTITION_NOT_FOUND'],
    ['fetch a missing topic', () => t.clients.consumer.Fetch({ topic: 'nope', partition: 0, offset: 0 }), status.NOT_FOUND, 'TOPIC_NOT_FOUND'],
    ['negative max_wait_ms', () => t.clients.consumer.Fetch({ topic: 'orders', partition: 0, offset: 0, maxWaitMs: -1 }), status.INVALID_ARGUMENT, 'INVALID_ARGUMENT'],
    ['delete a missing topic', () => t.clients.admin.DeleteTopic({ name: 'nope' }), status.NOT_FOUND, 'TOPIC_NOT_FOUND'],
  ];

  it.each(cases)('%s', async (_name, call, expectedStatus, expectedCode) => {
    const err = await call().then(
      () => null,
      (e: unknown) => e,
    );
    expect(err, 'the call should have failed').not.toBeNull();
    expect(err).toMatchObject({ code: expectedStatus });
    expect((err as { details: string }).details.length).toBeGreaterThan(5);
    expect(errorCode(err)).toBe(expectedCode);
    // Still serving.
    const listed = await t.clients.admin.ListTopics({});
    expect(listed.topics.length).toBeGreaterThan(0);
  });
});
