/** Consumer groups through gRPC: server-side assignment, revocation before reassignment, fenced commits, admin. */
import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode } from '../helpers/grpc-clients.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await t.clients.admin.CreateTopic({ name: 'cg', partitions: 6 });
});
afterAll(async () => {
  await t.stop();
});

interface Member {
  id: string;
  epoch: number;
  owned: Map<string, number[]>;
}

async function join(group: string, topics = ['cg'], extra: object = {}): Promise<Member> {
  const r = await t.clients.consumer.Heartbeat({ groupId: group, memberEpoch: 0, topics, ...extra });
  return { id: r.memberId, epoch: r.memberEpoch, owned: toMap(r.assignment) };
}

async function beat(group: string, m: Member): Promise<void> {
  const r = await t.clients.consumer.Heartbeat({ groupId: group, memberId: m.id, memberEpoch: m.epoch, topics: [] });
  m.epoch = r.memberEpoch;
  m.owned = toMap(r.assignment);
}

function toMap(assignment: Array<{ topic: string; partitions: number[] }>): Map<string, number[]> {
  return new Map(assignment.map((a) => [a.topic, [...a.partitions].sort((x, y) => x - y)]));
}

function owned(members: Member[]): number[][] {
  return members.map((m) => m.owned.get('cg') ?? []);
}

/** Heartbeat rounds until nothing changes; checks after every single heartbeat that no partition has two owners. */
async function settle(group: string, members: Member[]): Promise<void> {
  for (let round = 0; round < 6; round++) {
    for (const m of members) {
      await beat(group, m);
      const all = owned(members).flat();
      expect(new Set(all).size, 'a partition owned by two members').toBe(all.length);
    }
  }
}

describe('consumer group assignment', () => {
  it('gives 3 members disjoint partitions that cover all 6', async () => {
    const members = [await join('g1'), await join('g1'), await join('g1')];
    await settle('g1', members);
    const parts = owned(members);
    expect(parts.flat().sort()).toEqual([0, 1, 2, 3, 4, 5]);
    for (const p of parts) expect(p).toHaveLength(2);
  });

  it('hands a leaving member\'s partitions to the others', async () => {
    const members = [await join('g2'), await join('g2'), await join('g2')];
    await settle('g2', members);
    const [gone, ...rest] = members;
    await t.clients.consumer.LeaveGroup({ groupId: 'g2', memberId: gone.id, memberEpoch: gone.epoch });
    await settle('g2', rest);
    expect(owned(rest).flat().sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('removes a member whose session times out and reassigns its partitions', async () => {
    const quiet = await join('g3', ['cg'], { sessionTimeoutMs: 1000 });
    const active = await join('g3');
    await settle('g3', [quiet, active]);
    expect(owned([quiet])[0].length).toBe(3);
    const started = Date.now();
    // Only `active` heartbeats; the sweep runs every second.
    while ((active.owned.get('cg') ?? []).length < 6 && Date.now() - started < 15_000) {
      await new Promise((r) => setTimeout(r, 200));
      await beat('g3', active);
    }
    expect(active.owned.get('cg')).toEqual([0, 1, 2, 3, 4, 5]);
    await expect(beat('g3', quiet)).rejects.toMatchObject({ code: status.NOT_FOUND });
  });
});

describe('offset commits', () => {
  it('stores offsets of owned partitions and fences stale epochs and foreign partitions', async () => {
    const a = await join('c1');
    const b = await join('c1');
    await settle('c1', [a, b]);
    const mine = a.owned.get('cg')![0];
    const theirs = b.owned.get('cg')![0];
    await t.clients.consumer.CommitOffsets({ groupId: 'c1', memberId: a.id, memberEpoch: a.epoch, offsets: [{ topic: 'cg', partition: mine, offset: 5, metadata: 'm' }] });
    const got = await t.clients.consumer.GetCommittedOffsets({ groupId: 'c1' });
    expect(got.offsets).toEqual([{ topic: 'cg', partition: mine, offset: 5, metadata: 'm' }]);

    const stale = await t.clients.consumer
      .CommitOffsets({ groupId: 'c1', memberId: a.id, memberEpoch: a.epoch - 1, offsets: [{ topic: 'cg', partition: mine, offset: 6 }] })
      .catch((e: unknown) => e);
    expect(stale).toMatchObject({ code: status.ABORTED });
    expect(errorCode(stale)).toBe('FENCED_EPOCH');

    const foreign = await t.clients.consumer
      .CommitOffsets({ groupId: 'c1', memberId: a.id, memberEpoch: a.epoch, offsets: [{ topic: 'cg', partition: theirs, offset: 6 }] })
      .catch((e: unknown) => e);
    expect(foreign).toMatchObject({ code: status.FAILED_PRECONDITION });
    expect(errorCode(foreign)).toBe('NOT_ASSIGNED');
    // All or nothing: the foreign commit stored nothing.
    expect((await t.clients.consumer.GetCommittedOffsets({ groupId: 'c1' })).offsets).toHaveLength(1);
  });

  it('takes group ids of the longest allowed length (249) for both kinds', async () => {
    const long = 'g'.repeat(249);
    const m = await join(long);
    await t.clients.consumer.CommitOffsets({ groupId: long, memberId: m.id, memberEpoch: m.epoch, offsets: [{ topic: 'cg', partition: m.owned.get('cg')![0], offset: 1 }] });
    await t.clients.admin.UpdateShareGroupConfig({ groupId: 's'.repeat(249), deliveryCountLimit: 3 });
    await t.restart();
    expect((await t.clients.consumer.GetCommittedOffsets({ groupId: long })).offsets).toHaveLength(1);
    expect((await t.clients.admin.DescribeShareGroup({ groupId: 's'.repeat(249) })).config.deliveryCountLimit).toBe(3);
  });

  it('refuses the other kind of group', async () => {
    await t.clients.share.Heartbeat({ groupId: 'shared-one', memberEpoch: 0, topics: ['cg'] });
    const err = await join('shared-one').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: status.FAILED_PRECONDITION });
    expect(errorCode(err)).toBe('GROUP_TYPE_MISMATCH');
    await join('consumer-one');
    const err2 = await t.clients.share.Heartbeat({ groupId: 'consumer-one', memberEpoch: 0, topics: ['cg'] }).catch((e: unknown) => e);
    expect(errorCode(err2)).toBe('GROUP_TYPE_MISMATCH');
  });
});

describe('topic deletion', () => {
  it('drops the committed offsets of a deleted topic in every group, keeping the others', async () => {
    await t.clients.admin.CreateTopic({ name: 'cg-gone', partitions: 2 });
    // Standalone commits (no members): two groups, each with offsets of the doomed topic and of 'cg'.
    for (const groupId of ['cg-del-1', 'cg-del-2']) {
      await t.clients.consumer.CommitOffsets({
        groupId,
        memberId: '',
        memberEpoch: -1,
        offsets: [
          { topic: 'cg-gone', partition: 0, offset: 7 },
          { topic: 'cg-gone', partition: 1, offset: 9 },
          { topic: 'cg', partition: 3, offset: 4 },
        ],
      });
    }
    await t.clients.admin.DeleteTopic({ name: 'cg-gone' });
    await t.clients.admin.CreateTopic({ name: 'cg-gone', partitions: 2 });
    for (const groupId of ['cg-del-1', 'cg-del-2']) {
      const { offsets } = await t.clients.consumer.GetCommittedOffsets({ groupId });
      expect(offsets.map((o: { topic: string; partition: number; offset: number }) => [o.topic, o.partition, Number(o.offset)])).toEqual([['cg', 3, 4]]);
    }
  });
});

describe('consumer group admin', () => {
  it('describes lag while producing, resets only while empty, lists both kinds', async () => {
    await t.clients.admin.CreateTopic({ name: 'lagged', partitions: 1 });
    const m = await join('lag', ['lagged']);
    await settle('lag', [m]);
    await t.clients.producer.Produce({ topic: 'lagged', records: Array.from({ length: 10 }, (_, i) => ({ value: Buffer.from(`r${i}`) })) });
    await t.clients.consumer.CommitOffsets({ groupId: 'lag', memberId: m.id, memberEpoch: m.epoch, offsets: [{ topic: 'lagged', partition: 0, offset: 4 }] });
    let d = await t.clients.admin.DescribeConsumerGroup({ groupId: 'lag' });
    expect(d.state).toBe('GROUP_STATE_STABLE');
    expect(d.partitions[0]).toMatchObject({ topic: 'lagged', partition: 0, committedOffset: 4, endOffset: 10, lag: 6, ownerMemberId: m.id });
    await t.clients.producer.Produce({ topic: 'lagged', records: [{ value: Buffer.from('more') }] });
    d = await t.clients.admin.DescribeConsumerGroup({ groupId: 'lag' });
    expect(d.partitions[0].lag).toBe(7);

    const busy = await t.clients.admin.ResetConsumerGroupOffsets({ groupId: 'lag', topic: 'lagged', toEarliest: true }).catch((e: unknown) => e);
    expect(busy).toMatchObject({ code: status.FAILED_PRECONDITION });
    await t.clients.consumer.LeaveGroup({ groupId: 'lag', memberId: m.id, memberEpoch: m.epoch });

    const dry = await t.clients.admin.ResetConsumerGroupOffsets({ groupId: 'lag', topic: 'lagged', shiftBy: -2, dryRun: true });
    expect(dry.partitions).toEqual([{ partition: 0, previousOffset: 4, newOffset: 2 }]);
    expect((await t.clients.consumer.GetCommittedOffsets({ groupId: 'lag' })).offsets[0].offset).toBe(4);
    await t.clients.admin.ResetConsumerGroupOffsets({ groupId: 'lag', topic: 'lagged', toLatest: true });
    expect((await t.clients.consumer.GetCommittedOffsets({ groupId: 'lag' })).offsets[0].offset).toBe(11);

    const listed = await t.clients.admin.ListGroups({});
    const kinds = new Map(listed.groups.map((g: { groupId: string; type: string }) => [g.groupId, g.type]));
    expect(kinds.get('lag')).toBe('GROUP_TYPE_CONSUMER');
    expect(kinds.get('shared-one')).toBe('GROUP_TYPE_SHARE');

    await t.clients.admin.DeleteGroup({ groupId: 'lag' });
    const gone = await t.clients.consumer.GetCommittedOffsets({ groupId: 'lag' }).catch((e: unknown) => e);
    expect(gone).toMatchObject({ code: status.NOT_FOUND });
  });

  it('refuses to delete a group with members', async () => {
    await join('busy');
    const err = await t.clients.admin.DeleteGroup({ groupId: 'busy' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: status.FAILED_PRECONDITION });
    expect(errorCode(err)).toBe('GROUP_NOT_EMPTY');
  });
});
