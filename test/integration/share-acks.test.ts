/**
 * Acknowledgements and lock expiry through gRPC: expiry and RELEASE redeliver with a higher delivery count and the
 * previous failure; delayed RELEASE; REJECT; RENEW; the delivery limit with a dead-letter topic; per-range errors.
 */
import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  OK,
  ack,
  acknowledge,
  describePartition,
  expectError,
  fetch,
  fetchRecords,
  inspect,
  join,
  offsetsOf,
  setupGroup,
  sleep,
} from '../helpers/share-helpers.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

/** A fresh topic + group with `records` records and two members. */
async function twoMembers(name: string, records: number, config: Record<string, unknown> = {}) {
  const topic = name;
  const group = `g-${name}`;
  await setupGroup(t.clients, { topic, group, records, config });
  const a = (await join(t.clients, group, [topic])).memberId;
  const b = (await join(t.clients, group, [topic])).memberId;
  return { topic, group, a, b };
}

describe('lock expiry', () => {
  it('makes the record available again; the next delivery has count 2 and previous failure EXPIRED', async () => {
    const { topic, group, a, b } = await twoMembers('expiry', 1, { recordLockDurationMs: 1000 });
    const before = Date.now();
    const [first] = await fetchRecords(t.clients, group, a, 10);
    const after = Date.now();
    expect(first).toMatchObject({ offset: 0, deliveryCount: 1, previousFailure: null, value: 'v0' });
    expect(first.lockExpiresAtMs).toBeGreaterThanOrEqual(before + 1000);
    expect(first.lockExpiresAtMs).toBeLessThanOrEqual(after + 1000);
    expect(await fetchRecords(t.clients, group, b, 10)).toEqual([]); // held by A

    await sleep(1500);
    const [again] = await fetchRecords(t.clients, group, b, 10, 5000);
    expect(Date.now()).toBeGreaterThanOrEqual(first.lockExpiresAtMs); // not before the deadline
    expect(again).toMatchObject({ offset: 0, deliveryCount: 2 });
    expect(again.previousFailure).toMatchObject({ memberId: a, reason: '', outcome: 'ATTEMPT_OUTCOME_EXPIRED' });
    expect(again.leaseToken).toBeGreaterThan(first.leaseToken);

    // A's late acknowledgement is refused; B's goes through.
    const [late] = await acknowledge(t.clients, group, a, [ack(topic, 0, 0, 'ACCEPT')]);
    expect(late.error).toBe('ACKNOWLEDGE_ERROR_INVALID_RECORD_STATE');
    const info = (await inspect(t.clients, group, topic, 0)).records[0];
    expect(info).toMatchObject({ state: 'RECORD_STATE_ACQUIRED', deliveryCount: 2, memberId: b });
    expect(info.attempts.map((x) => [x.memberId, x.outcome])).toEqual([
      [a, 'ATTEMPT_OUTCOME_EXPIRED'],
      [b, 'ATTEMPT_OUTCOME_IN_PROGRESS'],
    ]);
    expect(await acknowledge(t.clients, group, b, [ack(topic, 0, 0, 'ACCEPT')])).toMatchObject([{ error: OK }]);
    expect(await describePartition(t.clients, group, topic)).toMatchObject({ startOffset: 1, lag: 0 });
  });
});

describe('RELEASE, REJECT, RENEW', () => {
  it('RELEASE redelivers at once with count 2 and the reason', async () => {
    const { topic, group, a, b } = await twoMembers('release', 2);
    expect(offsetsOf(await fetchRecords(t.clients, group, a, 1))).toEqual([0]);
    const results = await acknowledge(t.clients, group, a, [ack(topic, 0, 0, 'RELEASE', { reason: 'db down' })]);
    expect(results).toEqual([{ topic, partition: 0, firstOffset: 0, lastOffset: 0, error: OK, message: '', lockExpiresAtMs: 0 }]);
    // Redeliveries go first (offset 0 before the new offset 1).
    const got = await fetchRecords(t.clients, group, b, 2);
    expect(got.map((r) => [r.offset, r.deliveryCount])).toEqual([
      [0, 2],
      [1, 1],
    ]);
    expect(got[0].previousFailure).toMatchObject({ memberId: a, reason: 'db down', outcome: 'ATTEMPT_OUTCOME_RELEASED' });
    expect(got[0].previousFailure!.failedAtMs).toBeGreaterThan(0);
    expect(got[1].previousFailure).toBeNull();
  });

  it('RELEASE with release_delay_ms keeps the record out until the delay has passed', async () => {
    const { topic, group, a, b } = await twoMembers('delay', 1);
    await fetchRecords(t.clients, group, a, 1);
    const releasedAt = Date.now();
    expect(await acknowledge(t.clients, group, a, [ack(topic, 0, 0, 'RELEASE', { releaseDelayMs: 2000 })])).toMatchObject([
      { error: OK },
    ]);
    expect(await fetchRecords(t.clients, group, b, 10)).toEqual([]);
    const info = (await inspect(t.clients, group, topic, 0)).records[0];
    expect(info).toMatchObject({ state: 'RECORD_STATE_AVAILABLE', deliveryCount: 1, memberId: '' });
    expect(info.availableAtMs).toBeGreaterThanOrEqual(releasedAt + 2000);
    expect(await describePartition(t.clients, group, topic)).toMatchObject({ available: 1, delayed: 1, acquired: 0 });

    const got = await fetchRecords(t.clients, group, b, 10, 8000);
    expect(Date.now()).toBeGreaterThanOrEqual(info.availableAtMs);
    expect(got.map((r) => [r.offset, r.deliveryCount])).toEqual([[0, 2]]);
    expect(await describePartition(t.clients, group, topic)).toMatchObject({ delayed: 0, acquired: 1 });
  });

  it('REJECT archives the record: never delivered again, counted archived', async () => {
    const { topic, group, a, b } = await twoMembers('reject', 2);
    expect(offsetsOf(await fetchRecords(t.clients, group, a, 2))).toEqual([0, 1]);
    expect(await acknowledge(t.clients, group, a, [ack(topic, 1, 1, 'REJECT', { reason: 'poison' })])).toMatchObject([{ error: OK }]);
    // 0 stays held so the window keeps 1 in view.
    expect(await describePartition(t.clients, group, topic)).toMatchObject({
      startOffset: 0,
      endOffset: 2,
      acquired: 1,
      archived: 1,
      available: 0,
      acknowledged: 0,
      lag: 1,
    });
    const info = (await inspect(t.clients, group, topic, 1)).records[0];
    expect(info).toMatchObject({ offset: 1, state: 'RECORD_STATE_ARCHIVED', deliveryCount: 1, memberId: '' });
    expect(info.attempts.map((x) => [x.memberId, x.outcome, x.reason])).toEqual([[a, 'ATTEMPT_OUTCOME_REJECTED', 'poison']]);
    expect(await fetchRecords(t.clients, group, b, 10, 300)).toEqual([]);
    // Releasing 0 brings back only 0, never 1.
    await acknowledge(t.clients, group, a, [ack(topic, 0, 0, 'RELEASE')]);
    expect(offsetsOf(await fetchRecords(t.clients, group, b, 10))).toEqual([0]);
    await acknowledge(t.clients, group, b, [ack(topic, 0, 0, 'ACCEPT')]);
    expect(await describePartition(t.clients, group, topic)).toMatchObject({ startOffset: 2, lag: 0 });
  });

  it('RENEW moves the lock deadline later and keeps the record from other members', async () => {
    const { topic, group, a, b } = await twoMembers('renew', 1, { recordLockDurationMs: 1000 });
    const [r] = await fetchRecords(t.clients, group, a, 1);
    // B waits 2.5 s, well past the 1 s lock, while A renews every 100 ms.
    const waiting = fetchRecords(t.clients, group, b, 10, 2500);
    let deadline = r.lockExpiresAtMs;
    let renewals = 0;
    let done = false;
    void waiting.finally(() => (done = true));
    while (!done && renewals < 100) {
      await sleep(100);
      const [res] = await acknowledge(t.clients, group, a, [ack(topic, 0, 0, 'RENEW', { leaseToken: r.leaseToken })]);
      expect(res.error).toBe(OK);
      expect(res.lockExpiresAtMs).toBeGreaterThan(deadline);
      deadline = res.lockExpiresAtMs;
      renewals++;
    }
    expect(await waiting).toEqual([]);
    expect(renewals).toBeGreaterThanOrEqual(2);
    const info = (await inspect(t.clients, group, topic, 0)).records[0];
    expect(info).toMatchObject({ state: 'RECORD_STATE_ACQUIRED', memberId: a, deliveryCount: 1, leaseToken: r.leaseToken });
    expect(info.lockExpiresAtMs).toBeGreaterThan(r.lockExpiresAtMs);
    expect(await acknowledge(t.clients, group, a, [ack(topic, 0, 0, 'ACCEPT', { leaseToken: r.leaseToken })])).toMatchObject([
      { error: OK },
    ]);
  });
});

describe('delivery limit and dead-letter topic', () => {
  it('archives a record released at the limit and copies it to the dead-letter topic with origin headers', async () => {
    await t.clients.admin.CreateTopic({ name: 'dlt', partitions: 1 });
    const topic = 'limited';
    const group = 'g-limited';
    await setupGroup(t.clients, {
      topic,
      group,
      records: [
        { value: Buffer.from('other') },
        { key: Buffer.from('k1'), value: Buffer.from('payload'), headers: [{ key: 'orig', value: Buffer.from('h') }], timestampMs: 1234 },
        { value: Buffer.from('rejected') },
      ],
      config: { deliveryCountLimit: 2, deadLetterTopic: 'dlt' },
    });
    const a = (await join(t.clients, group, [topic])).memberId;
    const b = (await join(t.clients, group, [topic])).memberId;
    expect(offsetsOf(await fetchRecords(t.clients, group, b, 1))).toEqual([0]); // keeps the window start at 0

    const [d1] = await fetchRecords(t.clients, group, a, 1);
    expect([d1.offset, d1.deliveryCount]).toEqual([1, 1]);
    await acknowledge(t.clients, group, a, [ack(topic, 1, 1, 'RELEASE', { reason: 'first try' })]);
    const [d2] = await fetchRecords(t.clients, group, a, 1);
    expect([d2.offset, d2.deliveryCount]).toEqual([1, 2]);
    expect(await acknowledge(t.clients, group, a, [ack(topic, 1, 1, 'RELEASE', { reason: 'second try' })])).toMatchObject([{ error: OK }]);

    // Archived, not redelivered: the next fetch goes on to offset 2.
    const [d3] = await fetchRecords(t.clients, group, a, 10);
    expect([d3.offset, d3.deliveryCount]).toEqual([2, 1]);
    const info = (await inspect(t.clients, group, topic, 1)).records[0];
    expect(info).toMatchObject({ state: 'RECORD_STATE_ARCHIVED', deliveryCount: 2 });
    expect(info.attempts.map((x) => [x.outcome, x.reason])).toEqual([
      ['ATTEMPT_OUTCOME_RELEASED', 'first try'],
      ['ATTEMPT_OUTCOME_RELEASED', 'second try'],
    ]);
    expect(await describePartition(t.clients, group, topic)).toMatchObject({ startOffset: 0, archived: 1, acquired: 2 });

    // REJECT dead-letters too.
    await acknowledge(t.clients, group, a, [ack(topic, 2, 2, 'REJECT', { reason: 'bad json' })]);

    const dead = await t.clients.consumer.Fetch({ topic: 'dlt', partition: 0, offset: 0, maxRecords: 10 });
    expect(dead.records).toHaveLength(2);
    const headers = (r: any) => Object.fromEntries(r.headers.map((h: any) => [h.key, h.value.toString()]));
    const [copy, rejected] = dead.records;
    expect(copy.key.toString()).toBe('k1');
    expect(copy.value.toString()).toBe('payload');
    expect(headers(copy)).toMatchObject({
      orig: 'h',
      'sharelog.dlt.topic': topic,
      'sharelog.dlt.partition': '0',
      'sharelog.dlt.offset': '1',
      'sharelog.dlt.group': group,
      'sharelog.dlt.delivery-count': '2',
      'sharelog.dlt.reason': 'delivery limit reached',
    });
    expect(rejected.value.toString()).toBe('rejected');
    expect(headers(rejected)).toMatchObject({
      'sharelog.dlt.offset': '2',
      'sharelog.dlt.delivery-count': '1',
      'sharelog.dlt.reason': 'rejected',
    });
    // The last failure message travels too (DESIGN.md: "... reason and the last failure message").
    expect(Object.values(headers(copy))).toContain('second try');
    expect(Object.values(headers(rejected))).toContain('bad json');
  });
});

describe('per-range acknowledgement errors', () => {
  it('refuses a range the caller does not hold, a stale lease token and a malformed range, without failing the others', async () => {
    const { topic, group, a, b } = await twoMembers('ackerr', 4);
    const heldA = await fetchRecords(t.clients, group, a, 2);
    const heldB = await fetchRecords(t.clients, group, b, 2);
    expect(offsetsOf(heldA)).toEqual([0, 1]);
    expect(offsetsOf(heldB)).toEqual([2, 3]);

    const results = await acknowledge(t.clients, group, a, [
      ack(topic, 0, 0, 'ACCEPT'),
      ack(topic, 2, 2, 'ACCEPT'), // B's
      ack(topic, 5, 4, 'ACCEPT'), // last < first
      ack(topic, 1, 1, 'ACCEPT'),
    ]);
    expect(results.map((r) => [r.firstOffset, r.lastOffset, r.error])).toEqual([
      [0, 0, OK],
      [2, 2, 'ACKNOWLEDGE_ERROR_INVALID_RECORD_STATE'],
      [5, 4, 'ACKNOWLEDGE_ERROR_INVALID_ARGUMENT'],
      [1, 1, OK],
    ]);
    expect(results[1].message).toMatch(/2/);
    expect(results[2].message).not.toBe('');
    expect((await inspect(t.clients, group, topic, 2)).records[0]).toMatchObject({ state: 'RECORD_STATE_ACQUIRED', memberId: b });

    // B releases 3 and acquires it again: the old token is stale for 3 but still good for 2.
    const oldToken = heldB[0].leaseToken;
    await acknowledge(t.clients, group, b, [ack(topic, 3, 3, 'RELEASE', { leaseToken: oldToken })]);
    const [again] = await fetchRecords(t.clients, group, b, 10);
    expect(again).toMatchObject({ offset: 3, deliveryCount: 2 });
    expect(again.leaseToken).toBeGreaterThan(oldToken);
    const second = await acknowledge(t.clients, group, b, [
      ack(topic, 3, 3, 'ACCEPT', { leaseToken: oldToken }),
      ack(topic, 2, 2, 'ACCEPT', { leaseToken: oldToken }),
      ack(topic, 0, 0, 'RELEASE', { releaseDelayMs: 3_600_001 }), // delay out of range
      ack(topic, 3, 3, 'ACCEPT', { leaseToken: again.leaseToken }),
    ]);
    expect(second.map((r) => r.error)).toEqual([
      'ACKNOWLEDGE_ERROR_STALE_LEASE_TOKEN',
      OK,
      'ACKNOWLEDGE_ERROR_INVALID_ARGUMENT',
      OK,
    ]);
    expect(await describePartition(t.clients, group, topic)).toMatchObject({ startOffset: 4, lag: 0 });

    // Acknowledgements riding on a Fetch are answered in the Fetch response, in order.
    const viaFetch = await fetch(t.clients, group, a, 1, 0, [ack(topic, 0, 0, 'ACCEPT'), { ...ack(topic, 0, 0, 'ACCEPT'), type: 'ACKNOWLEDGE_TYPE_UNSPECIFIED' }]);
    expect(viaFetch.results.map((r) => r.error)).toEqual(['ACKNOWLEDGE_ERROR_INVALID_RECORD_STATE', 'ACKNOWLEDGE_ERROR_INVALID_ARGUMENT']);
  });

  // Regression guard (a fixed bug in src/share-group/share-coordinator.ts, acknowledge): a range on a topic or partition that does not exist
  // gets NOT_ASSIGNED, but common.proto reserves ACKNOWLEDGE_ERROR_UNKNOWN_TOPIC_OR_PARTITION for it.
  it('answers a range on an unknown topic or partition with UNKNOWN_TOPIC_OR_PARTITION', async () => {
    const { topic, group, a } = await twoMembers('ackunknown', 1);
    const results = await acknowledge(t.clients, group, a, [ack('no-such-topic', 0, 0, 'ACCEPT'), { ...ack(topic, 0, 0, 'ACCEPT'), partition: 7 }]);
    expect(results.map((r) => r.error)).toEqual(['ACKNOWLEDGE_ERROR_UNKNOWN_TOPIC_OR_PARTITION', 'ACKNOWLEDGE_ERROR_UNKNOWN_TOPIC_OR_PARTITION']);
  });

  // Regression guard (a fixed bug in src/ack-tracker/partition-core.ts REASON_MAX_LENGTH = 256): reasons are cut to 256 characters, but
  // common.proto (Acknowledgement.reason) promises "At most 1024 characters are kept" (src/api/share-codec.ts
  // MAX_REASON_LENGTH is 1024). Fix: one limit, 1024, in both places.
  it('keeps a RELEASE reason of up to 1024 characters for the next delivery', async () => {
    const { topic, group, a, b } = await twoMembers('longreason', 1);
    await fetchRecords(t.clients, group, a, 1);
    const reason = 'x'.repeat(1000);
    await acknowledge(t.clients, group, a, [ack(topic, 0, 0, 'RELEASE', { reason })]);
    const [again] = await fetchRecords(t.clients, group, b, 1);
    expect(again.previousFailure?.reason.length).toBe(1000);
  });

  // Regression guard (a fixed bug in src/api/share-codec.ts, toShareAck): release_delay_ms is accepted with any type; common.proto says a non-zero
  // value with a type other than RELEASE fails the range with ACKNOWLEDGE_ERROR_INVALID_ARGUMENT.
  it('refuses release_delay_ms on a non-RELEASE range with INVALID_ARGUMENT', async () => {
    const { topic, group, a } = await twoMembers('ackdelay', 1);
    await fetchRecords(t.clients, group, a, 1);
    const results = await acknowledge(t.clients, group, a, [ack(topic, 0, 0, 'RENEW', { releaseDelayMs: 5 })]);
    expect(results.map((r) => r.error)).toEqual(['ACKNOWLEDGE_ERROR_INVALID_ARGUMENT']);
  });

  // Regression guard (a fixed bug in src/api/share-consumer-service.ts, Acknowledge): an empty acknowledgements list is answered with OK and no
  // results; share_consumer.proto requires INVALID_ARGUMENT ("no acknowledgements").
  it('refuses an Acknowledge without acknowledgements with INVALID_ARGUMENT', async () => {
    const { group, a } = await twoMembers('ackempty', 1);
    await expectError(t.clients.share.Acknowledge({ groupId: group, memberId: a, acknowledgements: [] }), status.INVALID_ARGUMENT, 'INVALID_ARGUMENT');
  });
});
