/**
 * ShareConsumerService.Subscribe end to end: joined first, records pushed against credits (never more), stream
 * acknowledgements answered with their correlation id, and the end of the stream ending the membership.
 */
import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  OK,
  ack,
  eventually,
  fetchRecords,
  join,
  offsetsOf,
  setupGroup,
  sleep,
  subscribe,
  toAckResults,
} from '../helpers/share-helpers.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

const memberIds = async (group: string): Promise<string[]> =>
  (await t.clients.admin.DescribeShareGroup({ groupId: group })).members.map((m: { memberId: string }) => m.memberId);

describe('Subscribe', () => {
  it('joins, pushes records against credits, answers acknowledgements, and leaves on cancel', async () => {
    const topic = 'sub';
    const group = 'g-sub';
    await setupGroup(t.clients, { topic, group, records: 15 });
    const stream = subscribe(t.clients);
    stream.call.write({ start: { groupId: group, topics: [topic] } });
    const joined = await stream.waitFor((m) => m.response === 'joined');
    expect(joined.joined.memberEpoch).toBeGreaterThanOrEqual(1);
    expect(joined.joined.assignment).toEqual([{ topic, partitions: [0] }]);
    const memberId: string = joined.joined.memberId;
    expect(memberId).not.toBe('');
    expect(await memberIds(group)).toEqual([memberId]);

    // No credit, no records.
    await sleep(200);
    expect(stream.records()).toEqual([]);

    stream.call.write({ credits: 10 });
    await eventually(async () => stream.records().length >= 10);
    await sleep(300); // anything beyond the credit would show up now
    const pushed = stream.records();
    expect(offsetsOf(pushed)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const r of pushed) expect(r).toMatchObject({ topic, partition: 0, deliveryCount: 1, previousFailure: null });
    expect(pushed[0].value).toBe('v0');

    stream.call.write({ acknowledgements: { correlationId: 42, acknowledgements: [ack(topic, 0, 4, 'ACCEPT'), ack(topic, 20, 20, 'ACCEPT')] } });
    const answer = await stream.waitFor((m) => m.response === 'acknowledgementResults');
    expect(answer.acknowledgementResults.correlationId).toBe(42);
    expect(toAckResults(answer.acknowledgementResults.results).map((r) => [r.firstOffset, r.lastOffset, r.error])).toEqual([
      [0, 4, OK],
      [20, 20, 'ACKNOWLEDGE_ERROR_INVALID_RECORD_STATE'],
    ]);
    // The stream's member id is valid for the unary Acknowledge too.
    const unary = await t.clients.share.Acknowledge({ groupId: group, memberId, acknowledgements: [ack(topic, 5, 5, 'RENEW')] });
    expect(unary.results[0].error).toBe(OK);

    const described = await t.clients.admin.DescribeShareGroup({ groupId: group });
    expect(described.members).toHaveLength(1);
    expect(described.members[0]).toMatchObject({ memberId, acquired: 5, subscribedTopics: [topic] });

    // Cancel: the member leaves and the 5 records it held are available to another member.
    stream.call.cancel();
    const ended = await stream.endedWithin();
    expect(ended?.code).toBe(status.CANCELLED);
    await eventually(async () => (await memberIds(group)).length === 0);
    const other = await join(t.clients, group, [topic]);
    const got = await fetchRecords(t.clients, group, other.memberId, 100);
    expect(got.map((r) => [r.offset, r.deliveryCount, r.previousFailure?.outcome ?? null])).toEqual([
      ...[5, 6, 7, 8, 9].map((o) => [o, 2, 'ATTEMPT_OUTCOME_MEMBER_LEFT']),
      ...[10, 11, 12, 13, 14].map((o) => [o, 1, null]),
    ]);
    expect(got[0].previousFailure?.memberId).toBe(memberId);
  });

  it('keeps pushing as credits add up and records arrive', async () => {
    const topic = 'sub-live';
    const group = 'g-sub-live';
    await setupGroup(t.clients, { topic, group });
    const stream = subscribe(t.clients);
    stream.call.write({ start: { groupId: group, topics: [topic] } });
    await stream.waitFor((m) => m.response === 'joined');
    stream.call.write({ credits: 2 });
    stream.call.write({ credits: 1 });
    await t.clients.producer.Produce({ topic, records: [1, 2, 3, 4].map((i) => ({ value: Buffer.from(`x${i}`) })) });
    await eventually(async () => stream.records().length >= 3);
    await sleep(300);
    expect(stream.records().map((r) => r.value)).toEqual(['x1', 'x2', 'x3']);
    stream.call.write({ credits: 5 });
    await eventually(async () => stream.records().length >= 4);
    expect(stream.records().map((r) => r.value)).toEqual(['x1', 'x2', 'x3', 'x4']);
    stream.call.cancel();
    await stream.endedWithin();
    await eventually(async () => (await memberIds(group)).length === 0);
  });

  // Regression guard (a fixed bug in src/api/share-consumer-service.ts, Subscribe `start` case): the join's own reassignment calls
  // onAssignment, which writes `assignment_changed` before `joined` is sent; share_consumer.proto says `joined`
  // comes before anything else. Fix: only forward assignment changes once `joined` has been written.
  it('sends joined as the very first message', async () => {
    const topic = 'sub-first';
    await setupGroup(t.clients, { topic, group: 'g-sub-first' });
    const stream = subscribe(t.clients);
    try {
      stream.call.write({ start: { groupId: 'g-sub-first', topics: [topic] } });
      const first = await stream.waitFor(() => true);
      expect(first.response).toBe('joined');
    } finally {
      stream.call.cancel();
    }
  });

  // Regression guard (a fixed bug in src/api/share-consumer-service.ts, Subscribe): on the client's half-close, finish() runs at once: it
  // marks the stream finished (so `send` drops the pending acknowledgement_results) and leaves the group while the
  // acknowledgements may still be in flight (they then fail with UNKNOWN_MEMBER, or the released records lose the
  // ACCEPT). share_consumer.proto: "On a client half-close, the server answers the acknowledgements already
  // received, removes the member and ends the stream with OK." Fix: on 'end', await the in-flight handle() calls,
  // then leave and call.end().
  it('answers acknowledgements received before a half-close, then ends with OK', async () => {
    const topic = 'sub-halfclose';
    const group = 'g-sub-halfclose';
    await setupGroup(t.clients, { topic, group, records: 4 });
    const stream = subscribe(t.clients);
    stream.call.write({ start: { groupId: group, topics: [topic] } });
    await stream.waitFor((m) => m.response === 'joined');
    stream.call.write({ credits: 4 });
    await eventually(async () => stream.records().length >= 4);
    stream.call.write({ acknowledgements: { correlationId: 7, acknowledgements: [ack(topic, 0, 3, 'ACCEPT')] } });
    stream.call.end();
    expect(await stream.endedWithin()).toBeNull();
    const answer = await stream.waitFor((m) => m.response === 'acknowledgementResults', 1000);
    expect(answer.acknowledgementResults).toMatchObject({ correlationId: 7, results: [{ error: OK }] });
    expect(await memberIds(group)).toEqual([]);
    const d = await t.clients.admin.DescribeShareGroup({ groupId: group });
    expect(d.partitions[0]).toMatchObject({ startOffset: 4, lag: 0 });
  });

  it('ends the stream with INVALID_ARGUMENT when start comes twice or acknowledgements come first', async () => {
    const twice = subscribe(t.clients);
    twice.call.write({ start: { groupId: 'g-sub-bad', topics: ['sub'] } });
    await twice.waitFor((m) => m.response === 'joined');
    twice.call.write({ start: { groupId: 'g-sub-bad', topics: ['sub'] } });
    expect((await twice.endedWithin())?.code).toBe(status.INVALID_ARGUMENT);
    await eventually(async () => (await memberIds('g-sub-bad')).length === 0);

    const acksFirst = subscribe(t.clients);
    acksFirst.call.write({ acknowledgements: { correlationId: 1, acknowledgements: [] } });
    expect((await acksFirst.endedWithin())?.code).toBe(status.INVALID_ARGUMENT);
    expect(acksFirst.messages).toEqual([]);
  });

  // Regression guard (a fixed bug in src/api/share-consumer-service.ts, Subscribe `credits` case): credits are accepted before `start`, so the
  // stream stays open without a membership; share_consumer.proto requires INVALID_ARGUMENT when the first message
  // is not `start`.
  it('ends the stream with INVALID_ARGUMENT when the first message is credits', async () => {
    const stream = subscribe(t.clients);
    try {
      stream.call.write({ credits: 5 });
      const err = await stream.endedWithin(3000);
      expect(err?.code).toBe(status.INVALID_ARGUMENT);
    } finally {
      stream.call.cancel();
    }
  });

  // Regression guard (a fixed bug in src/api/share-consumer-service.ts, Subscribe `credits` case): int32(message.credits, 'credits', 0, ...)
  // accepts 0; share_consumer.proto says credits <= 0 end the stream with INVALID_ARGUMENT. Fix: minimum 1.
  it('ends the stream with INVALID_ARGUMENT on zero credits', async () => {
    await setupGroup(t.clients, { topic: 'sub-zero', group: 'g-sub-zero' });
    const stream = subscribe(t.clients);
    try {
      stream.call.write({ start: { groupId: 'g-sub-zero', topics: ['sub-zero'] } });
      await stream.waitFor((m) => m.response === 'joined');
      stream.call.write({ credits: 0 });
      expect((await stream.endedWithin(3000))?.code).toBe(status.INVALID_ARGUMENT);
    } finally {
      stream.call.cancel();
    }
  });
});
