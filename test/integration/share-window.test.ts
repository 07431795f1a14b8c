/**
 * A stuck record does not stall a share-partition (DESIGN.md section 3: unlike Kafka, the in-flight window is not
 * capped): one record at offset 0 stays ACQUIRED (renewed) while 200,000 later records flow through and are accepted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OK, ack, acknowledge, describePartition, fetchRecords, inspect, join, offsetsOf, ranges, sleep } from '../helpers/share-helpers.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

describe('stuck record at the window start', () => {
  it('keeps working while offset 0 is held: 200,000 later records are all accepted', { timeout: 90_000 }, async () => {
    const topic = 'window';
    const group = 'g-window';
    const total = 200_000;
    const deadline = Date.now() + 60_000;
    await t.clients.admin.CreateTopic({ name: topic, partitions: 1 });
    await t.clients.admin.UpdateShareGroupConfig({ groupId: group, autoOffsetReset: 'OFFSET_RESET_EARLIEST', recordLockDurationMs: 10_000 });
    await t.clients.producer.Produce({ topic, partition: 0, records: [{ value: Buffer.from('stuck') }] });
    const holder = (await join(t.clients, group, [topic])).memberId;
    const [stuck] = await fetchRecords(t.clients, group, holder, 1);
    expect(stuck).toMatchObject({ offset: 0, value: 'stuck', deliveryCount: 1 });

    // The holder renews its lock every 2 s (lock 10 s) until the others are done.
    let finished = false;
    const renewErrors: string[] = [];
    const renewer = (async () => {
      while (!finished && Date.now() < deadline) {
        for (let i = 0; i < 20 && !finished; i++) await sleep(100);
        const [res] = await acknowledge(t.clients, group, holder, [ack(topic, 0, 0, 'RENEW', { leaseToken: stuck.leaseToken })]);
        if (res.error !== OK) renewErrors.push(`${res.error} ${res.message}`);
      }
    })();

    // Producers: 199,999 records in batches of 1000, four batches in flight.
    let nextBatch = 0;
    const batches = Math.ceil((total - 1) / 1000);
    const producers = Array.from({ length: 4 }, async () => {
      for (let b = nextBatch++; b < batches; b = nextBatch++) {
        const count = Math.min(1000, total - 1 - b * 1000);
        const records = Array.from({ length: count }, (_, i) => ({ value: Buffer.from(`r${b * 1000 + i}`) }));
        await t.clients.producer.Produce({ topic, partition: 0, records });
      }
    });

    // Consumers: three members fetch up to 2000 records and accept them in ranges.
    const accepted = new Uint8Array(total);
    let acceptedTotal = 0;
    const problems: string[] = [];
    const workers = await Promise.all(Array.from({ length: 3 }, () => join(t.clients, group, [topic])));
    const consumers = workers.map(async ({ memberId }) => {
      while (acceptedTotal < total - 1 && Date.now() < deadline) {
        const records = await fetchRecords(t.clients, group, memberId, 2000, 200);
        if (records.length === 0) continue;
        const offsets = offsetsOf(records);
        if (offsets.includes(0)) problems.push(`offset 0 delivered to ${memberId} while held`);
        const acks = ranges(offsets).map(([a, b]) => ack(topic, a, b, 'ACCEPT'));
        const results = await acknowledge(t.clients, group, memberId, acks);
        results.forEach((r) => {
          if (r.error !== OK) problems.push(`${r.firstOffset}..${r.lastOffset}: ${r.error} ${r.message}`);
          else
            for (let o = r.firstOffset; o <= r.lastOffset; o++) {
              accepted[o]++;
              acceptedTotal++;
            }
        });
      }
    });
    await Promise.all(producers);
    await Promise.all(consumers);
    finished = true;
    await renewer;

    expect(problems).toEqual([]);
    expect(renewErrors).toEqual([]);
    expect(acceptedTotal).toBe(total - 1);
    let wrong = 0;
    for (let o = 1; o < total; o++) if (accepted[o] !== 1) wrong++;
    expect(wrong).toBe(0);

    const info = (await inspect(t.clients, group, topic, 0, 1)).records;
    expect(info.map((r) => [r.offset, r.state, r.deliveryCount, r.memberId])).toEqual([
      [0, 'RECORD_STATE_ACQUIRED', 1, holder],
      [1, 'RECORD_STATE_ACKNOWLEDGED', 1, ''],
    ]);
    expect(await describePartition(t.clients, group, topic)).toMatchObject({
      startOffset: 0,
      endOffset: total,
      acquired: 1,
      acknowledged: total - 1,
      available: 0,
      archived: 0,
      lag: 1,
    });

    // Finishing the stuck record moves the start offset over the whole window at once.
    expect(await acknowledge(t.clients, group, holder, [ack(topic, 0, 0, 'ACCEPT')])).toMatchObject([{ error: OK }]);
    expect(await describePartition(t.clients, group, topic)).toMatchObject({ startOffset: total, endOffset: total, lag: 0 });
  });
});
