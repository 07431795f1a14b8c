/**
 * Several Sharelog server processes over one Redis (single server or Cluster), black-box through gRPC: share-group
 * members spread over every server consume one topic together, each record accepted exactly once and never held
 * by two members at once; a member may acknowledge through another server than it fetched through; killing a
 * server loses nothing (its members' locks run out and the others take over).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type TestClients } from '../helpers/grpc-clients.js';
import { startChildServer, type ChildServer } from '../helpers/child-server.js';
import { OK, join, sleep, toAcquired, toAckResults } from '../helpers/share-helpers.js';

export interface RedisTarget {
  url: string;
  stop(): Promise<void>;
}

const SERVERS = 3;
const MEMBERS = 30;
const PARTITIONS = 4;

interface Member {
  id: string;
  server: number;
  clients: TestClients;
  stopped: boolean;
}

/** What every member saw: the invariants are checked against it. */
class Ledger {
  /** offset key -> the member holding it now (acquired, not yet acknowledged) and until when. */
  readonly held = new Map<string, { member: string; until: number }>();
  /** member -> records it accepted. */
  readonly byMember = new Map<string, number>();
  /** offset key -> how many times an ACCEPT of it succeeded. */
  readonly accepted = new Map<string, number>();
  /** offset keys whose ACCEPT went to a server that died before answering. */
  readonly unanswered = new Set<string>();
  readonly violations: string[] = [];

  /** Held twice = handed to a second member while the first one's lock had not run out (50 ms of slack). */
  acquired(member: string, key: string, until: number): void {
    const holder = this.held.get(key);
    if (holder !== undefined && holder.member !== member && Date.now() < holder.until - 50) {
      this.violations.push(`${key} acquired by ${member} while held by ${holder.member} until ${holder.until}`);
    }
    this.held.set(key, { member, until });
  }

  acceptedBy(member: string, key: string): void {
    this.accepted.set(key, (this.accepted.get(key) ?? 0) + 1);
    this.byMember.set(member, (this.byMember.get(member) ?? 0) + 1);
    if (this.held.get(key)?.member === member) this.held.delete(key);
  }
}

const keyOf = (partition: number, offset: number) => `${partition}/${offset}`;

/** One member's loop: fetch, then accept everything it got, until told to stop or the group drained. */
async function consume(m: Member, group: string, topic: string, ledger: Ledger, done: () => boolean): Promise<void> {
  while (!m.stopped && !done()) {
    let res;
    try {
      res = await m.clients.share.Fetch({ groupId: group, memberId: m.id, maxRecords: 25, maxWaitMs: 200, acknowledgements: [] });
    } catch {
      return; // its server died: the member dies with it
    }
    const records = toAcquired(res.records);
    if (records.length === 0) continue;
    for (const r of records) ledger.acquired(m.id, keyOf(r.partition, r.offset), r.lockExpiresAtMs);
    const acks = records.map((r) => ({ topic, partition: r.partition, firstOffset: r.offset, lastOffset: r.offset, type: 'ACKNOWLEDGE_TYPE_ACCEPT' }));
    let results;
    try {
      results = toAckResults((await m.clients.share.Acknowledge({ groupId: group, memberId: m.id, acknowledgements: acks })).results);
    } catch {
      for (const r of records) ledger.unanswered.add(keyOf(r.partition, r.offset));
      return;
    }
    results.forEach((result, i) => {
      const key = keyOf(records[i].partition, records[i].offset);
      if (result.error === OK) ledger.acceptedBy(m.id, key);
      else ledger.violations.push(`${m.id} could not accept ${key}: ${result.error} ${result.message}`);
    });
  }
}

async function produceAll(clients: TestClients, topic: string, perPartition: number): Promise<void> {
  for (let p = 0; p < PARTITIONS; p++) {
    for (let i = 0; i < perPartition; i += 250) {
      const records = Array.from({ length: Math.min(250, perPartition - i) }, (_, j) => ({ value: Buffer.from(`p${p}-${i + j}`) }));
      await clients.producer.Produce({ topic, partition: p, records });
    }
  }
}

async function waitFor(condition: () => boolean, timeoutMs: number, what: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting: ${what()}`);
    await sleep(50);
  }
}

export function describeMultiServer(name: string, startTarget: () => Promise<RedisTarget>): void {
  describe(`${SERVERS} Sharelog servers over ${name}`, () => {
    let target: RedisTarget;
    let servers: ChildServer[] = [];
    let admins: TestClients[] = [];
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sharelog-multi-'));
    const members: Member[] = [];

    beforeAll(async () => {
      target = await startTarget();
      servers = await Promise.all(
        Array.from({ length: SERVERS }, () => startChildServer(['--backend', 'redis', '--redis-url', target.url, '--data-dir', dataDir, '--log-level', 'info'])),
      );
      admins = servers.map((s) => connect(s.address));
    }, 300_000);

    afterAll(async () => {
      for (const m of members) m.clients.close();
      for (const a of admins) a.close();
      await Promise.all(servers.map((s) => s.kill('SIGTERM')));
      await target?.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    async function joinMembers(group: string, topic: string, count: number, extra: Record<string, unknown> = {}): Promise<Member[]> {
      const out: Member[] = [];
      for (let i = 0; i < count; i++) {
        const server = i % SERVERS;
        const clients = connect(servers[server].address);
        const { memberId } = await join(clients, group, [topic], extra);
        const m = { id: memberId, server, clients, stopped: false };
        members.push(m);
        out.push(m);
      }
      return out;
    }

    it('30 members spread over every server accept each record exactly once, none held twice', async () => {
      const topic = 'spread';
      const group = 'g-spread';
      const perPartition = 1500;
      await admins[0].admin.CreateTopic({ name: topic, partitions: PARTITIONS });
      await admins[1].admin.UpdateShareGroupConfig({ groupId: group, autoOffsetReset: 'OFFSET_RESET_EARLIEST' });
      const team = await joinMembers(group, topic, MEMBERS);

      // Every server sees all 30 members, whichever server they joined through.
      for (const admin of admins) {
        const described = await admin.admin.DescribeShareGroup({ groupId: group });
        expect(described.members).toHaveLength(MEMBERS);
      }

      const ledger = new Ledger();
      const total = PARTITIONS * perPartition;
      const done = () => ledger.accepted.size >= total;
      const loops = team.map((m) => consume(m, group, topic, ledger, done));
      await produceAll(admins[0], topic, perPartition);
      await waitFor(done, 120_000, () => `${ledger.accepted.size} of ${total} accepted`);
      await Promise.all(loops);

      expect(ledger.violations).toEqual([]);
      expect(ledger.accepted.size).toBe(total);
      expect([...ledger.accepted.values()].every((n) => n === 1)).toBe(true);
      // Members on every server did part of the work.
      const byServer = new Set(team.filter((m) => (ledger.byMember.get(m.id) ?? 0) > 0).map((m) => m.server));
      expect(byServer.size).toBe(SERVERS);
      const described = await admins[2].admin.DescribeShareGroup({ groupId: group });
      for (const p of described.partitions) expect(Number(p.lag)).toBe(0);
      for (const m of team) m.stopped = true;
    });

    it('a member acknowledges through another server than it fetched through', async () => {
      const topic = 'cross';
      const group = 'g-cross';
      await admins[0].admin.CreateTopic({ name: topic, partitions: 1 });
      await admins[0].admin.UpdateShareGroupConfig({ groupId: group, autoOffsetReset: 'OFFSET_RESET_EARLIEST' });
      await admins[0].producer.Produce({ topic, partition: 0, records: [{ value: Buffer.from('a') }, { value: Buffer.from('b') }] });
      const { memberId } = await join(admins[0], group, [topic]);
      const got = toAcquired((await admins[0].share.Fetch({ groupId: group, memberId, maxRecords: 10, maxWaitMs: 2000, acknowledgements: [] })).records);
      expect(got.map((r) => r.offset)).toEqual([0, 1]);
      // Server B answers for the member that joined and fetched through A; another member on C gets nothing.
      const other = await join(admins[2], group, [topic]);
      const none = await admins[2].share.Fetch({ groupId: group, memberId: other.memberId, maxRecords: 10, maxWaitMs: 300, acknowledgements: [] });
      expect(none.records).toEqual([]);
      const results = toAckResults(
        (
          await admins[1].share.Acknowledge({
            groupId: group,
            memberId,
            acknowledgements: [{ topic, partition: 0, firstOffset: 0, lastOffset: 1, type: 'ACKNOWLEDGE_TYPE_ACCEPT' }],
          })
        ).results,
      );
      expect(results.map((r) => r.error)).toEqual([OK]);
      const described = await admins[2].admin.DescribeShareGroup({ groupId: group });
      expect([Number(described.partitions[0].startOffset), Number(described.partitions[0].lag)]).toEqual([2, 0]);
    });

    it('a topic deleted and created again through one server is consumed from its first record through another', async () => {
      const topic = 'recreated';
      const group = 'g-recreated';
      await admins[0].admin.CreateTopic({ name: topic, partitions: 1 });
      await admins[0].admin.UpdateShareGroupConfig({ groupId: group, autoOffsetReset: 'OFFSET_RESET_EARLIEST' });
      await admins[0].producer.Produce({ topic, partition: 0, records: ['a', 'b'].map((v) => ({ value: Buffer.from(v) })) });
      const { memberId } = await join(admins[1], group, [topic]);
      const fetchOn1 = async (maxWaitMs: number) =>
        toAcquired((await admins[1].share.Fetch({ groupId: group, memberId, maxRecords: 10, maxWaitMs, acknowledgements: [] })).records);
      expect((await fetchOn1(2000)).map((r) => r.offset)).toEqual([0, 1]);
      const accepted = await admins[1].share.Acknowledge({
        groupId: group,
        memberId,
        acknowledgements: [{ topic, partition: 0, firstOffset: 0, lastOffset: 1, type: 'ACKNOWLEDGE_TYPE_ACCEPT' }],
      });
      expect(toAckResults(accepted.results).map((r) => r.error)).toEqual([OK]);

      // Server 1 knows the share-partition (start offset 2); servers 0 and 2 replace the topic under it.
      await admins[0].admin.DeleteTopic({ name: topic });
      await admins[2].admin.CreateTopic({ name: topic, partitions: 1 });
      await admins[2].producer.Produce({ topic, partition: 0, records: ['n0', 'n1', 'n2'].map((v) => ({ value: Buffer.from(v) })) });
      const got: Array<{ offset: number; value: string; deliveryCount: number }> = [];
      for (const deadline = Date.now() + 10_000; got.length < 3 && Date.now() < deadline; ) got.push(...(await fetchOn1(500)));
      expect(got.map((r) => [r.offset, r.value, r.deliveryCount])).toEqual([
        [0, 'n0', 1],
        [1, 'n1', 1],
        [2, 'n2', 1],
      ]);
      // The state those came from is the group's listed share-partition, not an orphan beside it.
      const described = await admins[2].admin.DescribeShareGroup({ groupId: group });
      expect(described.partitions.map((p: { topic: string; startOffset: unknown; acquired: number }) => [p.topic, Number(p.startOffset), p.acquired])).toEqual([
        [topic, 0, 3],
      ]);
    });

    it('a consumer group with members on every server: each partition has one owner, commits are seen everywhere', async () => {
      const topic = 'classic';
      const group = 'cg-classic';
      await admins[0].admin.CreateTopic({ name: topic, partitions: PARTITIONS });
      type Owned = { id: string; epoch: number; server: number; owned: number[] };
      const consumers: Owned[] = [];
      for (let i = 0; i < SERVERS + 1; i++) {
        const server = i % SERVERS;
        const r = await admins[server].consumer.Heartbeat({ groupId: group, memberEpoch: 0, topics: [topic] });
        consumers.push({ id: r.memberId, epoch: r.memberEpoch, server, owned: [] });
      }
      // Heartbeat rounds, each member through its own server, until the assignment settles; after every single
      // heartbeat no partition may have two owners.
      for (let round = 0; round < 20; round++) {
        for (const c of consumers) {
          const r = await admins[c.server].consumer.Heartbeat({ groupId: group, memberId: c.id, memberEpoch: c.epoch, topics: [] });
          c.epoch = r.memberEpoch;
          c.owned = r.assignment.flatMap((a: { partitions: number[] }) => a.partitions);
          const all = consumers.flatMap((x) => x.owned);
          expect(new Set(all).size).toBe(all.length);
        }
      }
      expect(consumers.flatMap((c) => c.owned).sort()).toEqual([0, 1, 2, 3]);
      const owner = consumers.find((c) => c.owned.includes(0))!;
      await admins[owner.server].consumer.CommitOffsets({
        groupId: group,
        memberId: owner.id,
        memberEpoch: owner.epoch,
        offsets: [{ topic, partition: 0, offset: 42, metadata: 'm' }],
      });
      for (const admin of admins) {
        const { offsets } = await admin.consumer.GetCommittedOffsets({ groupId: group, topic });
        expect(offsets.map((o: { partition: number; offset: string }) => [o.partition, Number(o.offset)])).toEqual([[0, 42]]);
      }
    });

    it('killing a server loses nothing: its members’ locks run out and members on other servers take over', async () => {
      const topic = 'kill';
      const group = 'g-kill';
      const perPartition = 600;
      await admins[0].admin.CreateTopic({ name: topic, partitions: PARTITIONS });
      await admins[0].admin.UpdateShareGroupConfig({ groupId: group, autoOffsetReset: 'OFFSET_RESET_EARLIEST', recordLockDurationMs: 2000 });
      const team = await joinMembers(group, topic, 12, { sessionTimeoutMs: 3000 });
      await produceAll(admins[0], topic, perPartition);

      const ledger = new Ledger();
      const total = PARTITIONS * perPartition;
      // Done when the group's state says so: an ACCEPT whose answer died with the server may or may not have been
      // applied, so the members' own counts cannot tell.
      let drained = false;
      const loops = team.map((m) => consume(m, group, topic, ledger, () => drained));
      await waitFor(() => ledger.accepted.size >= total / 4, 60_000, () => `${ledger.accepted.size} accepted before the kill`);
      const victim = SERVERS - 1;
      await servers[victim].kill('SIGKILL');
      for (const m of team) if (m.server === victim) m.stopped = true;

      const deadline = Date.now() + 120_000;
      while (!drained) {
        if (Date.now() > deadline) throw new Error(`not drained after the kill: ${ledger.accepted.size} of ${total} accepted`);
        await sleep(250);
        const { partitions } = await admins[0].admin.DescribeShareGroup({ groupId: group });
        drained = partitions.length === PARTITIONS && partitions.every((p: { lag: string; acquired: string }) => Number(p.lag) === 0 && Number(p.acquired) === 0);
      }
      await Promise.all(loops);
      // A late ACCEPT (lock already run out on a loaded machine) is refused and the record goes to someone else:
      // allowed here, where locks are short; a record handed out twice under a live lock is not.
      expect(ledger.violations.filter((v) => !v.includes('could not accept'))).toEqual([]);
      // No record was accepted twice, and every one was accepted: confirmed, or by an ACCEPT the dead server applied.
      expect([...ledger.accepted.values()].every((n) => n === 1)).toBe(true);
      for (let p = 0; p < PARTITIONS; p++) {
        for (let o = 0; o < perPartition; o++) {
          const key = keyOf(p, o);
          if (!ledger.accepted.has(key) && !ledger.unanswered.has(key)) throw new Error(`record ${key} was never accepted`);
        }
      }
      // The dead server's members time out of the group.
      const alive = team.filter((m) => m.server !== victim);
      for (let i = 0; ; i++) {
        // The others stay active (a fetch keeps a session alive like a heartbeat does).
        for (const m of alive) await m.clients.share.Fetch({ groupId: group, memberId: m.id, maxRecords: 1, maxWaitMs: 0, acknowledgements: [] });
        const { members: left } = await admins[0].admin.DescribeShareGroup({ groupId: group });
        if (left.length === alive.length) break;
        if (i > 100) throw new Error(`members of the dead server never timed out: ${left.length} members`);
        await sleep(100);
      }
      for (const m of team) m.stopped = true;
    });
  });
}
