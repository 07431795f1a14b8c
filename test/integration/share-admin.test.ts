/**
 * Share-group administration through gRPC: ListGroups, DescribeShareGroup, UpdateShareGroupConfig bounds,
 * ResetShareGroupOffsets, DeleteGroup, InspectShareRecords, the statuses of bad membership calls, and what a
 * topic's deletion does to the share groups reading it.
 */
import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OK, ack, acknowledge, describePartition, expectError, fetchRecords, inspect, join, offsetsOf, produce, setupGroup } from '../helpers/share-helpers.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

const topic = 'adm';
const group = 'g-adm';
let a: string;
let b: string;

const listing = async (type = 'GROUP_TYPE_UNSPECIFIED') =>
  (await t.clients.admin.ListGroups({ type })).groups.find((g: { groupId: string }) => g.groupId === group);

describe('share group administration', () => {
  beforeAll(async () => {
    // Timestamps 1000, 2000, ..., 6000 for the timestamp reset.
    const records = Array.from({ length: 6 }, (_, i) => ({ value: Buffer.from(`v${i}`), timestampMs: 1000 * (i + 1) }));
    await setupGroup(t.clients, { topic, group, records });
    a = (await join(t.clients, group, [topic])).memberId;
    b = (await join(t.clients, group, [topic])).memberId;
  });

  it('lists the group with its type, state and member count', async () => {
    expect(await listing()).toEqual({ groupId: group, type: 'GROUP_TYPE_SHARE', state: 'GROUP_STATE_STABLE', memberCount: 2 });
    expect(await listing('GROUP_TYPE_SHARE')).toBeDefined();
    expect(await listing('GROUP_TYPE_CONSUMER')).toBeUndefined();
  });

  it('describes members, config and counts by state; inspects each record with its attempts', async () => {
    expect(offsetsOf(await fetchRecords(t.clients, group, a, 4))).toEqual([0, 1, 2, 3]);
    const results = await acknowledge(t.clients, group, a, [
      ack(topic, 1, 1, 'ACCEPT'),
      ack(topic, 2, 2, 'REJECT', { reason: 'bad' }),
      ack(topic, 3, 3, 'RELEASE', { reason: 'later' }),
    ]);
    expect(results.map((r) => r.error)).toEqual([OK, OK, OK]);

    const d = await t.clients.admin.DescribeShareGroup({ groupId: group });
    expect(d.groupId).toBe(group);
    expect(d.state).toBe('GROUP_STATE_STABLE');
    expect(d.config).toMatchObject({
      recordLockDurationMs: 30_000,
      deliveryCountLimit: 5,
      maxInFlightRecords: 2000,
      autoOffsetReset: 'OFFSET_RESET_EARLIEST',
      deadLetterTopic: '',
      perKeyOrdering: false,
      sessionTimeoutMs: 45_000,
      heartbeatIntervalMs: 5_000,
      maxMembers: 200,
    });
    expect(d.members.map((m: { memberId: string }) => m.memberId).sort()).toEqual([a, b].sort());
    const byId = new Map(d.members.map((m: any) => [m.memberId, m]));
    expect(byId.get(a)).toMatchObject({ acquired: 1, subscribedTopics: [topic], assignment: [{ topic, partitions: [0] }] });
    expect(byId.get(b)).toMatchObject({ acquired: 0 });
    expect(d.partitions).toEqual([
      { topic, partition: 0, startOffset: 0, endOffset: 4, available: 1, acquired: 1, acknowledged: 1, archived: 1, lag: 4, delayed: 0 },
    ]);

    const view = await inspect(t.clients, group, topic, 0, 5);
    expect([view.startOffset, view.endOffset]).toEqual([0, 4]);
    const summary = view.records.map((r) => [r.offset, r.state, r.deliveryCount, r.memberId]);
    expect(summary).toEqual([
      [0, 'RECORD_STATE_ACQUIRED', 1, a],
      [1, 'RECORD_STATE_ACKNOWLEDGED', 1, ''],
      [2, 'RECORD_STATE_ARCHIVED', 1, ''],
      [3, 'RECORD_STATE_AVAILABLE', 1, ''],
      [4, 'RECORD_STATE_AVAILABLE', 0, ''],
      [5, 'RECORD_STATE_AVAILABLE', 0, ''],
    ]);
    const attempts = view.records.map((r) => r.attempts.map((x) => [x.memberId, x.outcome, x.reason]));
    expect(attempts).toEqual([
      [[a, 'ATTEMPT_OUTCOME_IN_PROGRESS', '']],
      [[a, 'ATTEMPT_OUTCOME_ACCEPTED', '']],
      [[a, 'ATTEMPT_OUTCOME_REJECTED', 'bad']],
      [[a, 'ATTEMPT_OUTCOME_RELEASED', 'later']],
      [],
      [],
    ]);
    expect(view.records[0].lockExpiresAtMs).toBeGreaterThan(0);
    expect(view.records[0].leaseToken).toBeGreaterThan(0);
    expect(view.records[0].attempts[0].finishedAtMs).toBe(0);
    expect(view.records[3].attempts[0].finishedAtMs).toBeGreaterThanOrEqual(view.records[3].attempts[0].acquiredAtMs);
    expect(view.records[3].lockExpiresAtMs).toBe(0);
  });

  it('refuses out-of-range config values with INVALID_ARGUMENT naming the bounds, changing nothing', async () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ recordLockDurationMs: 500 }, /record_lock_duration_ms.*1000.*3600000/],
      [{ deliveryCountLimit: 11 }, /delivery_count_limit.*2.*10/],
      [{ maxInFlightRecords: 0 }, /max_in_flight_records.*1.*10000/],
      [{ recordLockDurationMs: 2000, deliveryCountLimit: 1 }, /delivery_count_limit.*2.*10/],
      [{ heartbeatIntervalMs: 50_000 }, /heartbeat_interval_ms/],
    ];
    for (const [change, message] of cases) {
      await expectError(t.clients.admin.UpdateShareGroupConfig({ groupId: group, ...change }), status.INVALID_ARGUMENT, 'INVALID_ARGUMENT', message);
    }
    const d = await t.clients.admin.DescribeShareGroup({ groupId: group });
    expect(d.config).toMatchObject({ recordLockDurationMs: 30_000, deliveryCountLimit: 5, maxInFlightRecords: 2000, heartbeatIntervalMs: 5000 });
    const updated = await t.clients.admin.UpdateShareGroupConfig({ groupId: group, deliveryCountLimit: 10, recordLockDurationMs: 1000 });
    expect(updated.config).toMatchObject({ deliveryCountLimit: 10, recordLockDurationMs: 1000, maxInFlightRecords: 2000 });
    await t.clients.admin.UpdateShareGroupConfig({ groupId: group, deliveryCountLimit: 5, recordLockDurationMs: 30_000 });
  });

  it('refuses reset and delete while the group has members', async () => {
    await expectError(t.clients.admin.ResetShareGroupOffsets({ groupId: group, topic, earliest: true }), status.FAILED_PRECONDITION, 'GROUP_NOT_EMPTY');
    await expectError(t.clients.admin.DeleteGroup({ groupId: group }), status.FAILED_PRECONDITION, 'GROUP_NOT_EMPTY');
    expect(await describePartition(t.clients, group, topic)).toMatchObject({ startOffset: 0, endOffset: 4, acquired: 1 });
  });

  it('resets an empty group to latest, an offset, a timestamp and earliest; dry_run changes nothing', async () => {
    await t.clients.share.LeaveGroup({ groupId: group, memberId: a });
    await t.clients.share.LeaveGroup({ groupId: group, memberId: b });
    expect(await listing()).toEqual({ groupId: group, type: 'GROUP_TYPE_SHARE', state: 'GROUP_STATE_EMPTY', memberCount: 0 });
    const before = await describePartition(t.clients, group, topic);
    expect(before).toMatchObject({ startOffset: 0, endOffset: 4, available: 2, acquired: 0 }); // a's record went back

    const reset = async (spec: Record<string, unknown>, dryRun = false) =>
      (await t.clients.admin.ResetShareGroupOffsets({ groupId: group, topic, ...spec, dryRun })).partitions;
    expect(await reset({ latest: true }, true)).toEqual([{ partition: 0, previousStartOffset: 0, newStartOffset: 6 }]);
    expect(await describePartition(t.clients, group, topic)).toEqual(before);

    expect(await reset({ offset: 3 })).toEqual([{ partition: 0, previousStartOffset: 0, newStartOffset: 3 }]);
    expect(await describePartition(t.clients, group, topic)).toMatchObject({ startOffset: 3, endOffset: 3, available: 0, lag: 3 });
    // In-flight state is dropped: offset 3 (released once before) is a never-delivered record now.
    expect((await inspect(t.clients, group, topic, 0, 5)).records.map((r) => [r.offset, r.state, r.deliveryCount])).toEqual([
      [3, 'RECORD_STATE_AVAILABLE', 0],
      [4, 'RECORD_STATE_AVAILABLE', 0],
      [5, 'RECORD_STATE_AVAILABLE', 0],
    ]);
    expect(await reset({ latest: true })).toEqual([{ partition: 0, previousStartOffset: 3, newStartOffset: 6 }]);
    expect(await describePartition(t.clients, group, topic)).toMatchObject({ startOffset: 6, lag: 0 });
    expect(await reset({ offset: 999 })).toEqual([{ partition: 0, previousStartOffset: 6, newStartOffset: 6 }]); // clamped
    expect(await reset({ timestampMs: 3500 })).toEqual([{ partition: 0, previousStartOffset: 6, newStartOffset: 3 }]);
    expect(await reset({ timestampMs: 99_999 })).toEqual([{ partition: 0, previousStartOffset: 3, newStartOffset: 6 }]);
    expect(await reset({ earliest: true }, true)).toEqual([{ partition: 0, previousStartOffset: 6, newStartOffset: 0 }]);
    expect(await describePartition(t.clients, group, topic)).toMatchObject({ startOffset: 6 });
    expect(await reset({ earliest: true })).toEqual([{ partition: 0, previousStartOffset: 6, newStartOffset: 0 }]);

    // A new member now gets every record again, as first deliveries.
    const c = (await join(t.clients, group, [topic])).memberId;
    const got = await fetchRecords(t.clients, group, c, 10);
    expect(got.map((r) => [r.offset, r.deliveryCount])).toEqual([0, 1, 2, 3, 4, 5].map((o) => [o, 1]));
    await t.clients.share.LeaveGroup({ groupId: group, memberId: c });
  });

  it('deletes the group once it is empty', async () => {
    await t.clients.admin.DeleteGroup({ groupId: group });
    expect(await listing()).toBeUndefined();
    await expectError(t.clients.admin.DescribeShareGroup({ groupId: group }), status.NOT_FOUND, 'GROUP_NOT_FOUND');
    await expectError(t.clients.admin.DeleteGroup({ groupId: group }), status.NOT_FOUND, 'GROUP_NOT_FOUND');
  });
});

describe('errors', () => {
  it('answers bad membership and admin calls with precise statuses', async () => {
    await setupGroup(t.clients, { topic: 'adm2', group: 'g-adm2', partitions: 2, records: 1 });
    const first = await join(t.clients, 'g-adm2', ['adm2']);
    expect(first.assignment).toEqual([{ topic: 'adm2', partitions: [0, 1] }]);
    await join(t.clients, 'g-adm2', ['adm2']); // takes one partition from the first member: its epoch moves on
    const hb = (epoch: number, memberId = first.memberId) => t.clients.share.Heartbeat({ groupId: 'g-adm2', memberId, memberEpoch: epoch });
    const now = await hb(first.memberEpoch); // the epoch before the current one is still accepted
    expect(now.memberEpoch).toBeGreaterThan(first.memberEpoch);
    expect(now.assignment).toHaveLength(1);
    expect(now.assignment[0].partitions).toHaveLength(1);
    expect((await hb(now.memberEpoch)).memberEpoch).toBe(now.memberEpoch);
    await expectError(hb(first.memberEpoch - 1), status.ABORTED, 'FENCED_EPOCH');
    await expectError(hb(now.memberEpoch + 5), status.ABORTED, 'FENCED_EPOCH');
    await expectError(hb(3, 'nobody'), status.NOT_FOUND, 'UNKNOWN_MEMBER');
    await expectError(hb(-2), status.INVALID_ARGUMENT, 'INVALID_ARGUMENT');
    await expectError(join(t.clients, 'g-adm2', []), status.INVALID_ARGUMENT, 'INVALID_ARGUMENT');
    await expectError(join(t.clients, 'g-adm2', ['adm2'], { sessionTimeoutMs: 500 }), status.INVALID_ARGUMENT, 'INVALID_ARGUMENT', /1000/);

    await expectError(fetchRecords(t.clients, 'g-adm2', 'nobody', 1), status.NOT_FOUND, 'UNKNOWN_MEMBER');
    await expectError(fetchRecords(t.clients, 'no-such-group', 'nobody', 1), status.NOT_FOUND, 'GROUP_NOT_FOUND');
    await expectError(fetchRecords(t.clients, 'g-adm2', first.memberId, 1, -1), status.INVALID_ARGUMENT, 'INVALID_ARGUMENT');
    await expectError(t.clients.admin.DescribeShareGroup({ groupId: 'no-such-group' }), status.NOT_FOUND, 'GROUP_NOT_FOUND');
    await expectError(t.clients.admin.DescribeShareGroup({ groupId: '' }), status.INVALID_ARGUMENT, 'INVALID_ARGUMENT');
    const insp = (req: Record<string, unknown>) =>
      t.clients.admin.InspectShareRecords({ groupId: 'g-adm2', topic: 'adm2', partition: 0, firstOffset: 0, lastOffset: 0, ...req });
    await expectError(insp({ groupId: 'no-such-group' }), status.NOT_FOUND, 'GROUP_NOT_FOUND');
    await expectError(insp({ topic: 'no-such-topic' }), status.NOT_FOUND, 'TOPIC_NOT_FOUND');
    await expectError(insp({ firstOffset: 5, lastOffset: 4 }), status.INVALID_ARGUMENT, 'INVALID_ARGUMENT');
    await expectError(insp({ lastOffset: 1000 }), status.INVALID_ARGUMENT, 'INVALID_ARGUMENT', /1000/);
    await expectError(t.clients.admin.ResetShareGroupOffsets({ groupId: 'g-x', topic: 'no-such-topic', earliest: true }), status.NOT_FOUND, 'TOPIC_NOT_FOUND');
    await expectError(t.clients.admin.ResetShareGroupOffsets({ groupId: 'g-x', topic: 'adm2' }), status.INVALID_ARGUMENT, 'INVALID_ARGUMENT');
  });

  // Regression guard (a fixed bug in src/share-group/share-admin.ts, describe): members come in join order; admin.proto says "Members, ordered
  // by member id".
  it('DescribeShareGroup lists members ordered by member id', async () => {
    await setupGroup(t.clients, { topic: 'adm4', group: 'g-adm4' });
    for (const memberId of ['m-b', 'm-c', 'm-a']) await join(t.clients, 'g-adm4', ['adm4'], { memberId });
    const d = await t.clients.admin.DescribeShareGroup({ groupId: 'g-adm4' });
    expect(d.members.map((m: { memberId: string }) => m.memberId)).toEqual(['m-a', 'm-b', 'm-c']);
  });

  // Regression guard (a fixed bug in src/api/share-admin-handlers.ts DescribeShareGroup / src/share-group/share-group.ts): client_host is never
  // filled in, though the server knows the peer of every Heartbeat (call.getPeer()); admin.proto: "Address of the
  // client as the server saw it on the member's latest heartbeat or Subscribe stream".
  it('DescribeShareGroup shows each member’s client host', async () => {
    await setupGroup(t.clients, { topic: 'adm5', group: 'g-adm5' });
    await join(t.clients, 'g-adm5', ['adm5']);
    const d = await t.clients.admin.DescribeShareGroup({ groupId: 'g-adm5' });
    expect(d.members[0].clientHost).toMatch(/127\.0\.0\.1/);
  });

  // Regression guard (a fixed bug in src/share-group/share-coordinator.ts heartbeat -> groupForJoin): the group is created (and persisted)
  // before the join is validated, so a refused join (here: no topics) leaves a new empty group behind.
  it('a refused join does not create the group', async () => {
    await expectError(join(t.clients, 'g-ghost', []), status.INVALID_ARGUMENT, 'INVALID_ARGUMENT');
    await expectError(t.clients.admin.DescribeShareGroup({ groupId: 'g-ghost' }), status.NOT_FOUND, 'GROUP_NOT_FOUND');
  });

  // Regression guard (a fixed bug in src/share-group/share-admin.ts resetOffsets): groupForJoin runs before the dry_run check, so a dry run on
  // a group that does not exist creates it; admin.proto: "With dry_run, nothing is changed".
  it('a dry-run reset does not create the group', async () => {
    await setupGroup(t.clients, { topic: 'adm6', group: 'g-adm6-config-only' });
    await t.clients.admin.ResetShareGroupOffsets({ groupId: 'g-dry', topic: 'adm6', earliest: true, dryRun: true });
    await expectError(t.clients.admin.DescribeShareGroup({ groupId: 'g-dry' }), status.NOT_FOUND, 'GROUP_NOT_FOUND');
  });

  // Regression guard (a fixed bug in src/share-group/share-coordinator.ts, leave): LeaveGroup on a group that does not exist returns OK;
  // share_consumer.proto lists NOT_FOUND (GROUP_NOT_FOUND) for "no such group".
  it('LeaveGroup on an unknown group is NOT_FOUND', async () => {
    await expectError(t.clients.share.LeaveGroup({ groupId: 'never-created', memberId: 'm' }), status.NOT_FOUND, 'GROUP_NOT_FOUND');
  });

  // Regression guard (a fixed bug in src/share-group/share-admin.ts, updateConfig): a dead_letter_topic that does not exist is refused with
  // INVALID_ARGUMENT; admin.proto says NOT_FOUND (TOPIC_NOT_FOUND).
  it('UpdateShareGroupConfig with a missing dead-letter topic is NOT_FOUND', async () => {
    await expectError(
      t.clients.admin.UpdateShareGroupConfig({ groupId: 'g-dlt-missing', deadLetterTopic: 'no-such-dlt' }),
      status.NOT_FOUND,
      'TOPIC_NOT_FOUND',
    );
  });

  // Regression guard (a fixed bug in src/share-group/share-admin.ts, inspect): a partition the group has no state for fails with
  // FAILED_PRECONDITION (NOT_ASSIGNED); admin.proto says the response then has start_offset = end_offset = -1 and
  // no records.
  it('InspectShareRecords of a partition without state answers -1 and no records', async () => {
    await setupGroup(t.clients, { topic: 'adm3', group: 'g-adm3', records: 2 });
    const res = await t.clients.admin.InspectShareRecords({ groupId: 'g-adm3', topic: 'adm3', partition: 0, firstOffset: 0, lastOffset: 1 });
    expect(res).toMatchObject({ startOffset: -1, endOffset: -1, records: [] });
  });

  // Regression guard (a fixed bug in src/api/share-admin-handlers.ts, ResetShareGroupOffsets): `earliest: false` / `latest: false` are taken as
  // set; admin.proto says they are INVALID_ARGUMENT.
  it('ResetShareGroupOffsets with earliest = false is INVALID_ARGUMENT', async () => {
    await expectError(
      t.clients.admin.ResetShareGroupOffsets({ groupId: 'g-adm3', topic: 'adm3', earliest: false }),
      status.INVALID_ARGUMENT,
      'INVALID_ARGUMENT',
    );
  });
});

describe('topic deletion', () => {
  it('forgets the topic in every share group: a topic created again under the name is consumed from its first record', async () => {
    const name = 'adm-recreated';
    const groupOf = 'g-adm-recreated';
    await setupGroup(t.clients, { topic: name, group: groupOf, records: 5 });
    const m = (await join(t.clients, groupOf, [name])).memberId;
    expect(offsetsOf(await fetchRecords(t.clients, groupOf, m, 5))).toEqual([0, 1, 2, 3, 4]);
    expect((await acknowledge(t.clients, groupOf, m, [ack(name, 0, 4, 'ACCEPT')])).map((r) => r.error)).toEqual([OK]);
    expect((await describePartition(t.clients, groupOf, name)).startOffset).toBe(5);

    await t.clients.admin.DeleteTopic({ name });
    const after = await t.clients.admin.DescribeShareGroup({ groupId: groupOf });
    expect(after.partitions.filter((p: { topic: string }) => p.topic === name)).toEqual([]);

    // Before the fix the old start offset (5) stayed, and the new topic's offsets 0..4 were never delivered.
    await t.clients.admin.CreateTopic({ name, partitions: 1 });
    await produce(t.clients, name, ['n0', 'n1', 'n2'].map((v) => ({ value: Buffer.from(v) })));
    const again = await fetchRecords(t.clients, groupOf, m, 10, 2_000);
    expect(again.map((r) => [r.offset, r.value, r.deliveryCount])).toEqual([
      [0, 'n0', 1],
      [1, 'n1', 1],
      [2, 'n2', 1],
    ]);
  });
});
