/**
 * The ShareStateStore contract, written once and run against every backend (share-state-store.*.test.ts):
 * what the share coordinator relies on, whatever keeps the record states. Black-box through the interface only.
 *
 * Time is real: a backend may take its clock from somewhere the test cannot fake (the redis store uses Redis
 * TIME), so locks are short (set through the group config) and the tests sleep past them generously. No test
 * asserts an upper bound on how long anything took; where a check only holds while a deadline has not passed yet,
 * it runs only when the test is still well before that deadline (see `before`).
 *
 * Left out on purpose: per-key ordering (embedded only, unit-tested with src/ack-tracker) and the attempt history
 * beyond it being an array (share-state-store.differential.test.ts compares both stores' histories).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { ErrorCode, SharelogError } from '../../src/errors.js';
import { DEFAULT_SHARE_GROUP_CONFIG, type ShareGroupConfig } from '../../src/share-group/config.js';
import type { AckRange, AcquiredBatch, ArchivedRecord, PreviousFailure } from '../../src/ack-tracker/index.js';
import type { ArchivedHandler, ShareStateStore, TopicPartition } from '../../src/storage/types.js';

export interface ShareStateStoreHarness {
  /** Shared by the whole suite. */
  store: ShareStateStore;
  /** A fresh topic name per call. */
  topic(): string;
  /** A fresh share group id per call. */
  group(): string;
  /**
   * A new store over the same storage, as after a process restart; the harness hands it out as `store` from
   * then on. Only backends whose in-memory state dies with the process provide it (the embedded store: locks
   * are released on restart). The redis store keeps locks, delivery counts and deadlines in Redis across a
   * restart of the Sharelog server, so it has nothing to reopen and the restart test does not run for it.
   */
  reopen?: () => Promise<ShareStateStore>;
}

/** Lock duration of most tests; far below the product minimum, which only the coordinator enforces. */
const LOCK = 400;
/** A release delay long enough to keep a record AVAILABLE-but-delayed for the whole test (pins the start). */
const PIN = 600_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Sleeps until the wall clock is well past `deadline` (a time from the store's clock). */
async function waitPast(deadline: number): Promise<void> {
  await sleep(Math.max(0, deadline - Date.now()) + LOCK);
}

/** True while the wall clock is still comfortably before `deadline`: checks that need it run only then. */
const before = (deadline: number) => Date.now() < deadline - 100;

const config = (overrides: Partial<ShareGroupConfig> = {}): ShareGroupConfig => ({
  ...DEFAULT_SHARE_GROUP_CONFIG,
  recordLockDurationMs: LOCK,
  ...overrides,
});

const ack = (firstOffset: number, lastOffset: number, type: AckRange['type'], extra: Partial<AckRange> = {}): AckRange => ({
  firstOffset,
  lastOffset,
  type,
  ...extra,
});

interface Delivery {
  offset: number;
  deliveryCount: number;
  leaseToken: number;
  lockExpiresAt: number;
  previousFailure?: PreviousFailure;
}

/** One entry per acquired offset, ascending: independent of how a backend splits batches. */
function deliveries(batches: readonly AcquiredBatch[]): Delivery[] {
  const out: Delivery[] = [];
  for (const b of batches) {
    expect(b.lastOffset).toBeGreaterThanOrEqual(b.firstOffset);
    for (let offset = b.firstOffset; offset <= b.lastOffset; offset++) {
      const d: Delivery = { offset, deliveryCount: b.deliveryCount, leaseToken: b.leaseToken, lockExpiresAt: b.lockExpiresAt };
      if (b.previousFailure !== undefined) d.previousFailure = b.previousFailure;
      out.push(d);
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}

const offsetsOf = (batches: readonly AcquiredBatch[]) => deliveries(batches).map((d) => d.offset);
const range = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, i) => first + i);
const errorsOf = (results: ReadonlyArray<{ error: string | null }>) => results.map((r) => r.error);

/** The token shared by every batch of one acquire call. */
function tokenOf(batches: readonly AcquiredBatch[]): number {
  expect(batches.length).toBeGreaterThan(0);
  const tokens = new Set(batches.map((b) => b.leaseToken));
  expect(tokens.size).toBe(1);
  return batches[0].leaseToken;
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (err) {
    expect(err).toBeInstanceOf(SharelogError);
    return (err as SharelogError).code;
  }
}

const byTp = (a: TopicPartition, b: TopicPartition) => a.topic.localeCompare(b.topic) || a.partition - b.partition;

interface ArchivedCall {
  groupId: string;
  config: ShareGroupConfig;
  tp: TopicPartition;
  records: ArchivedRecord[];
}

export function describeShareStateStore(name: string, harness: ShareStateStoreHarness | (() => ShareStateStoreHarness)): void {
  describe(`ShareStateStore conformance: ${name}`, () => {
    let h: ShareStateStoreHarness;
    let archivedCalls: ArchivedCall[];
    beforeEach(() => {
      h = typeof harness === 'function' ? harness() : harness;
      archivedCalls = [];
      h.store.setArchivedHandler(collectArchived);
    });

    const collectArchived: ArchivedHandler = async (groupId, cfg, tp, records) => {
      archivedCalls.push({ groupId, config: cfg, tp: { topic: tp.topic, partition: tp.partition }, records: [...records] });
    };

    /** A saved group with one share-partition. */
    async function setup(overrides: Partial<ShareGroupConfig> = {}, startOffset = 0) {
      const g = h.group();
      const cfg = config(overrides);
      const tp: TopicPartition = { topic: h.topic(), partition: 0 };
      await h.store.saveGroup(g, cfg);
      expect(await h.store.ensurePartition(g, tp, startOffset)).toBe(true);
      return { g, tp, cfg, s: h.store };
    }

    const archivedOf = (g: string) => archivedCalls.filter((c) => c.groupId === g);

    // ---------------------------------------------------------------------------------- groups, partitions

    describe('groups and share-partitions', () => {
      it('saves, replaces, loads and deletes groups', async () => {
        const s = h.store;
        const g = `${h.group()}/odd: ü`;
        const first = config({ deliveryCountLimit: 3, maxInFlightRecords: 50, deadLetterTopic: 'dlq', autoOffsetReset: 'earliest' });
        await s.saveGroup(g, first);
        expect((await s.loadGroups()).find((x) => x.groupId === g)).toEqual({ groupId: g, config: first });
        const tp = { topic: h.topic(), partition: 3 };
        expect(await s.ensurePartition(g, tp, 0)).toBe(true);

        const second = config({ deliveryCountLimit: 7, maxInFlightRecords: 9, deadLetterTopic: '', backoffInitialMs: 10, backoffMaxMs: 20 });
        await s.saveGroup(g, second);
        const loaded = (await s.loadGroups()).filter((x) => x.groupId === g);
        expect(loaded).toEqual([{ groupId: g, config: second }]);
        // Replacing the config keeps the state.
        expect(await s.hasPartition(g, tp)).toBe(true);
        expect(await s.partitions(g)).toEqual([tp]);

        await s.deleteGroup(g);
        expect((await s.loadGroups()).some((x) => x.groupId === g)).toBe(false);
        expect(await s.hasPartition(g, tp)).toBe(false);
        // Saved again, the group starts without state.
        await s.saveGroup(g, first);
        expect(await s.partitions(g)).toEqual([]);
        expect(await s.hasPartition(g, tp)).toBe(false);
        await s.deleteGroup(g);
      });

      it('creates a share-partition once, at the given start offset, and drops it', async () => {
        const s = h.store;
        const g = h.group();
        await s.saveGroup(g, config());
        const t = h.topic();
        const a = { topic: t, partition: 0 };
        const b = { topic: t, partition: 1 };
        const c = { topic: h.topic(), partition: 0 };
        expect(await s.partitions(g)).toEqual([]);
        expect(await s.hasPartition(g, a)).toBe(false);

        expect(await s.ensurePartition(g, a, 0)).toBe(true);
        expect(await s.ensurePartition(g, a, 0)).toBe(false);
        expect(await s.ensurePartition(g, b, 7)).toBe(true);
        expect(await s.ensurePartition(g, b, 3)).toBe(false);
        expect(await s.ensurePartition(g, c, 2)).toBe(true);
        expect([await s.hasPartition(g, a), await s.hasPartition(g, b), await s.hasPartition(g, c)]).toEqual([true, true, true]);
        expect((await s.partitions(g)).sort(byTp)).toEqual([a, b, c].sort(byTp));

        const zero = { available: 0, acquired: 0, acknowledged: 0, archived: 0, delayed: 0 };
        // The second ensurePartition did not move the start offset.
        expect(await s.describe(g, b)).toEqual({ ...b, startOffset: 7, endOffset: 7, counts: zero });
        expect(await s.describe(g, c)).toEqual({ ...c, startOffset: 2, endOffset: 2, counts: zero });
        expect(offsetsOf(await s.acquire(g, b, 'm1', 2, 20))).toEqual([7, 8]);

        await s.dropPartition(g, b);
        expect(await s.hasPartition(g, b)).toBe(false);
        expect((await s.partitions(g)).sort(byTp)).toEqual([a, c].sort(byTp));
        await s.dropPartition(g, b); // a no-op now
        expect(await codeOf(s.describe(g, b))).toBe(ErrorCode.NOT_ASSIGNED);
        // Created again, it starts afresh.
        expect(await s.ensurePartition(g, b, 2)).toBe(true);
        expect(await s.describe(g, b)).toEqual({ ...b, startOffset: 2, endOffset: 2, counts: zero });
        expect(await s.acquiredBy(g, 'm1')).toBe(0);
        // The other share-partitions were not touched.
        expect((await s.describe(g, a)).endOffset).toBe(0);
      });

      it('refuses unknown groups with GROUP_NOT_FOUND and unknown share-partitions with NOT_ASSIGNED', async () => {
        const s = h.store;
        const unknown = h.group();
        const tp = { topic: h.topic(), partition: 0 };
        expect(await s.hasPartition(unknown, tp)).toBe(false);
        expect(await codeOf(s.partitions(unknown))).toBe(ErrorCode.GROUP_NOT_FOUND);
        expect(await codeOf(s.ensurePartition(unknown, tp, 0))).toBe(ErrorCode.GROUP_NOT_FOUND);
        expect(await codeOf(s.expire(unknown))).toBe(ErrorCode.GROUP_NOT_FOUND);
        expect((await s.loadGroups()).some((x) => x.groupId === unknown)).toBe(false);

        const g = h.group();
        await s.saveGroup(g, config());
        expect(await codeOf(s.acquire(g, tp, 'm1', 10, 10))).toBe(ErrorCode.NOT_ASSIGNED);
        expect(await codeOf(s.acknowledge(g, tp, 'm1', [ack(0, 0, 'ACCEPT')]))).toBe(ErrorCode.NOT_ASSIGNED);
        expect(await codeOf(s.describe(g, tp))).toBe(ErrorCode.NOT_ASSIGNED);
        expect(await codeOf(s.releaseMember(g, tp, 'm1'))).toBe(ErrorCode.NOT_ASSIGNED);
        expect(await codeOf(s.inspect(g, tp, 0, 10, 10))).toBe(ErrorCode.NOT_ASSIGNED);
        // Nothing was created by the refused calls.
        expect(await s.hasPartition(g, tp)).toBe(false);
        expect(await s.partitions(g)).toEqual([]);
      });
    });

    // ------------------------------------------------------------------------------------------- acquire

    describe('acquire', () => {
      it('hands out new records from the end offset up to the log end offset, capped by maxRecords', async () => {
        const { g, tp, s } = await setup();
        const first = deliveries(await s.acquire(g, tp, 'm1', 3, 10));
        expect(first.map((d) => d.offset)).toEqual([0, 1, 2]);
        expect(first.every((d) => d.deliveryCount === 1 && d.previousFailure === undefined)).toBe(true);
        expect(offsetsOf(await s.acquire(g, tp, 'm2', 100, 10))).toEqual(range(3, 9));
        expect(await s.acquire(g, tp, 'm1', 100, 10)).toEqual([]);
        // The log grew.
        expect(offsetsOf(await s.acquire(g, tp, 'm1', 5, 12))).toEqual([10, 11]);
        expect(await s.acquire(g, tp, 'm1', 0, 20)).toEqual([]);
        expect(await s.describe(g, tp)).toEqual({
          ...tp,
          startOffset: 0,
          endOffset: 12,
          counts: { available: 0, acquired: 12, acknowledged: 0, archived: 0, delayed: 0 },
        });
        expect(await s.acquiredBy(g, 'm1')).toBe(5);
        expect(await s.acquiredBy(g, 'm2')).toBe(7);
      });

      it('starts at the share-partition start offset', async () => {
        const { g, tp, s } = await setup({}, 5);
        expect(await s.acquire(g, tp, 'm1', 10, 5)).toEqual([]);
        expect(offsetsOf(await s.acquire(g, tp, 'm1', 10, 8))).toEqual([5, 6, 7]);
        expect((await s.describe(g, tp)).endOffset).toBe(8);
      });

      it('caps acquired records at maxInFlightRecords, and a raised limit applies at once', async () => {
        const { g, tp, s, cfg } = await setup({ maxInFlightRecords: 4, recordLockDurationMs: 60_000 });
        expect(offsetsOf(await s.acquire(g, tp, 'm1', 3, 100))).toEqual([0, 1, 2]);
        expect(offsetsOf(await s.acquire(g, tp, 'm2', 10, 100))).toEqual([3]);
        expect(await s.acquire(g, tp, 'm3', 10, 100)).toEqual([]);
        expect(errorsOf(await s.acknowledge(g, tp, 'm1', [ack(0, 1, 'ACCEPT')]))).toEqual([null]);
        expect(offsetsOf(await s.acquire(g, tp, 'm3', 10, 100))).toEqual([4, 5]);
        // A delayed (AVAILABLE) record does not count as in flight.
        expect(errorsOf(await s.acknowledge(g, tp, 'm1', [ack(2, 2, 'RELEASE', { releaseDelayMs: PIN })]))).toEqual([null]);
        expect(offsetsOf(await s.acquire(g, tp, 'm3', 10, 100))).toEqual([6]);
        expect((await s.describe(g, tp)).counts.acquired).toBe(4);
        await s.saveGroup(g, { ...cfg, maxInFlightRecords: 10 });
        expect(offsetsOf(await s.acquire(g, tp, 'm3', 100, 100))).toEqual(range(7, 12));
        expect((await s.describe(g, tp)).counts).toMatchObject({ acquired: 10, available: 1, delayed: 1 });
      });

      it('gives one lease token per call, increasing, and a lock deadline one lock duration ahead', async () => {
        const { g, tp, s } = await setup();
        const t0 = Date.now();
        const a = await s.acquire(g, tp, 'm1', 2, 10);
        const t1 = Date.now();
        const tokenA = tokenOf(a);
        const deadline = a[0].lockExpiresAt;
        expect(deadline).toBeGreaterThan(t0);
        expect(deadline).toBeLessThanOrEqual(t1 + LOCK + 5000);
        const b = await s.acquire(g, tp, 'm2', 2, 10);
        const tokenB = tokenOf(b);
        expect(tokenB).toBeGreaterThan(tokenA);
        expect(b[0].lockExpiresAt).toBeGreaterThanOrEqual(deadline);

        // One call taking redeliveries and new records: one token, one deadline for all of them.
        expect(errorsOf(await s.acknowledge(g, tp, 'm1', [ack(0, 1, 'RELEASE')]))).toEqual([null]);
        const c = await s.acquire(g, tp, 'm3', 4, 10);
        const tokenC = tokenOf(c);
        expect(tokenC).toBeGreaterThan(tokenB);
        const got = deliveries(c);
        expect(got.map((d) => [d.offset, d.deliveryCount])).toEqual([
          [0, 2],
          [1, 2],
          [4, 1],
          [5, 1],
        ]);
        expect(new Set(got.map((d) => d.lockExpiresAt)).size).toBe(1);
        // An acquire that finds nothing does not matter for the order of tokens; the next one is still higher.
        await s.acquire(g, tp, 'm3', 100, 6);
        expect(tokenOf(await s.acquire(g, tp, 'm3', 1, 7))).toBeGreaterThan(tokenC);
      });

      it('hasAcquirable is never false while an acquire would find records', async () => {
        const { g, tp, s } = await setup({ recordLockDurationMs: 60_000 });
        expect(s.hasAcquirable(g, tp, 5)).toBe(true);
        expect(offsetsOf(await s.acquire(g, tp, 'm1', 5, 5))).toEqual(range(0, 4));
        expect(s.hasAcquirable(g, tp, 6)).toBe(true); // a new record
        expect(errorsOf(await s.acknowledge(g, tp, 'm1', [ack(2, 2, 'RELEASE')]))).toEqual([null]);
        expect(s.hasAcquirable(g, tp, 5)).toBe(true); // a released one
        expect(offsetsOf(await s.acquire(g, tp, 'm2', 5, 5))).toEqual([2]);
      });
    });

    // ----------------------------------------------------------------------------------------- acknowledge

    describe('acknowledge', () => {
      it('ACCEPT finishes records, and the start offset advances over a finished prefix', async () => {
        const { g, tp, s } = await setup({ recordLockDurationMs: 60_000 });
        expect(offsetsOf(await s.acquire(g, tp, 'm1', 10, 10))).toEqual(range(0, 9));
        expect(errorsOf(await s.acknowledge(g, tp, 'm1', [ack(5, 9, 'ACCEPT')]))).toEqual([null]);
        expect(await s.describe(g, tp)).toMatchObject({
          startOffset: 0,
          endOffset: 10,
          counts: { available: 0, acquired: 5, acknowledged: 5, archived: 0, delayed: 0 },
        });
        const inspected = await s.inspect(g, tp, 4, 5, 10);
        expect(inspected.map((r) => [r.offset, r.state])).toEqual([
          [4, 'ACQUIRED'],
          [5, 'ACKNOWLEDGED'],
        ]);
        expect(inspected[1]).toMatchObject({ memberId: null, lockExpiresAt: null, leaseToken: null });
        expect(await s.acquiredBy(g, 'm1')).toBe(5);

        expect(errorsOf(await s.acknowledge(g, tp, 'm1', [ack(0, 4, 'ACCEPT')]))).toEqual([null]);
        expect(await s.describe(g, tp)).toEqual({
          ...tp,
          startOffset: 10,
          endOffset: 10,
          counts: { available: 0, acquired: 0, acknowledged: 0, archived: 0, delayed: 0 },
        });
        expect(await s.acquiredBy(g, 'm1')).toBe(0);
        // Accepted records are never handed out again.
        expect(offsetsOf(await s.acquire(g, tp, 'm2', 100, 12))).toEqual([10, 11]);
      });

      it('RELEASE makes records available again; the redelivery carries count 2 and the previous failure', async () => {
        const { g, tp, s } = await setup({ recordLockDurationMs: 60_000 });
        expect(offsetsOf(await s.acquire(g, tp, 'm1', 3, 3))).toEqual([0, 1, 2]);
        const t0 = Date.now();
        expect(errorsOf(await s.acknowledge(g, tp, 'm1', [ack(1, 1, 'RELEASE', { reason: 'boom' })]))).toEqual([null]);
        expect((await s.describe(g, tp)).counts).toEqual({ available: 1, acquired: 2, acknowledged: 0, archived: 0, delayed: 0 });
        const [released] = await s.inspect(g, tp, 1, 1, 3);
        expect(released).toMatchObject({ offset: 1, state: 'AVAILABLE', deliveryCount: 1, memberId: null, lockExpiresAt: null, leaseToken: null, availableAt: null });
        expect(await s.acquiredBy(g, 'm1')).toBe(2);

        const again = deliveries(await s.acquire(g, tp, 'm2', 10, 3));
        expect(again.map((d) => d.offset)).toEqual([1]);
        expect(again[0].deliveryCount).toBe(2);
        expect(again[0].previousFailure).toMatchObject({ memberId: 'm1', reason: 'boom', outcome: 'RELEASED' });
        expect(again[0].previousFailure!.failedAt).toBeGreaterThan(t0 - 5000);
        expect(await s.inspect(g, tp, 1, 1, 3)).toMatchObject([{ state: 'ACQUIRED', deliveryCount: 2, memberId: 'm2' }]);

        // Released without a reason: the failure reason is ''.
        expect(errorsOf(await s.acknowledge(g, tp, 'm1', [ack(0, 0, 'RELEASE')]))).toEqual([null]);
        const third = deliveries(await s.acquire(g, tp, 'm2', 10, 3));
        expect(third.map((d) => [d.offset, d.deliveryCount])).toEqual([[0, 2]]);
        expect(third[0].previousFailure).toMatchObject({ memberId: 'm1', reason: '', outcome: 'RELEASED' });
      });

      it('REJECT archives records: counted, never redelivered, handed to the archived handler', async () => {
        const { g, tp, s, cfg } = await setup({ recordLockDurationMs: 60_000 });
        expect(offsetsOf(await s.acquire(g, tp, 'm1', 3, 3))).toEqual([0, 1, 2]);
        expect(errorsOf(await s.acknowledge(g, tp, 'm1', [ack(1, 1, 'REJECT', { reason: 'bad' })]))).toEqual([null]);
        expect((await s.describe(g, tp)).counts).toEqual({ available: 0, acquired: 2, acknowledged: 0, archived: 1, delayed: 0 });
        expect(await s.inspect(g, tp, 1, 1, 3)).toMatchObject([{ offset: 1, state: 'ARCHIVED', memberId: null, lockExpiresAt: null, leaseToken: null }]);
        expect(archivedOf(g)).toEqual([
          {
            groupId: g,
            config: cfg,
            tp,
            records: [{ offset: 1, deliveryCount: 1, reason: 'rejected', cause: 'REJECTED', lastFailureReason: 'bad', memberId: 'm1' }],
          },
        ]);

        expect(errorsOf(await s.acknowledge(g, tp, 'm1', [ack(0, 0, 'RELEASE'), ack(2, 2, 'RELEASE', { reason: 'first try' })]))).toEqual([null, null]);
        expect(offsetsOf(await s.acquire(g, tp, 'm2', 10, 3))).toEqual([0, 2]);
        // Rejected without a reason: the last failure reason the consumer gave is kept (none for offset 0).
        expect(errorsOf(await s.acknowledge(g, tp, 'm2', [ack(0, 0, 'REJECT'), ack(2, 2, 'REJECT')]))).toEqual([null, null]);
        const records = archivedOf(g).flatMap((c) => c.records);
        expect(records.map((r) => [r.offset, r.deliveryCount, r.cause, r.memberId])).toEqual([
          [1, 1, 'REJECTED', 'm1'],
          [0, 2, 'REJECTED', 'm2'],
          [2, 2, 'REJECTED', 'm2'],
        ]);
        expect(records[1].lastFailureReason ?? '').toBe('');
        expect(records[2].lastFailureReason).toBe('first try');
        // All three finished: the start offset passed them.
        expect(await s.describe(g, tp)).toMatchObject({ startOffset: 3, endOffset: 3, counts: { archived: 0, acquired: 0 } });
        expect(await s.acquire(g, tp, 'm2', 10, 3)).toEqual([]);
      });

      it('RENEW extends the lock: the record is not redelivered after the original deadline', async () => {
        const lock = 1000;
        const { g, tp, s } = await setup({ recordLockDurationMs: lock });
        const acquired = await s.acquire(g, tp, 'm1', 2, 2);
        const token = tokenOf(acquired);
        const original = acquired[0].lockExpiresAt;
        await sleep(lock / 2);
        const renewal = await s.acknowledge(g, tp, 'm1', [ack(0, 0, 'RENEW')]);
        expect(errorsOf(renewal)).toEqual([null]);
        const [renewed, other] = await s.inspect(g, tp, 0, 1, 2);
        // The answer to a RENEW carries the new deadline.
        expect(renewal[0].lockExpiresAt).toBe(renewed.lockExpiresAt);
        expect(renewed).toMatchObject({ state: 'ACQUIRED', memberId: 'm1', deliveryCount: 1, leaseToken: token });
        expect(renewed.lockExpiresAt).toBeGreaterThan(original + lock / 4);
        expect(other).toMatchObject({ state: 'ACQUIRED', memberId: 'm1', lockExpiresAt: original });
        const extended = renewed.lockExpiresAt!;

        await waitPast(original);
        const mayCheck = before(extended);
        const got = deliveries(await s.acquire(g, tp, 'm2', 10, 2));
        // Offset 1 was not renewed: its lock ran out.
        expect(got.find((d) => d.offset === 1)).toMatchObject({ deliveryCount: 2, previousFailure: { memberId: 'm1', outcome: 'EXPIRED' } });
        if (mayCheck) expect(got.map((d) => d.offset)).toEqual([1]);
        if (before(extended)) {
          expect(errorsOf(await s.acknowledge(g, tp, 'm1', [ack(0, 0, 'ACCEPT', { leaseToken: token })]))).toEqual([null]);
        }
      });

      it('RELEASE with releaseDelayMs keeps the record back until the delay has passed', async () => {
        const delay = 1000;
        const { g, tp, s } = await setup({ recordLockDurationMs: 60_000 });
        expect(offsetsOf(await s.acquire(g, tp, 'm1', 2, 2))).toEqual([0, 1]);
        const t0 = Date.now();
        expect(errorsOf(await s.acknowledge(g, tp, 'm1', [ack(0, 0, 'RELEASE', { releaseDelayMs: delay, reason: 'later' })]))).toEqual([null]);
        const [delayed] = await s.inspect(g, tp, 0, 0, 2);
        expect(delayed).toMatchObject({ state: 'AVAILABLE', deliveryCount: 1, memberId: null, lockExpiresAt: null, leaseToken: null });
        expect(delayed.availableAt).not.toBeNull();
        const availableAt = delayed.availableAt!;
        expect(availableAt).toBeGreaterThanOrEqual(t0 + delay - 100);
        if (before(availableAt)) {
          expect((await s.describe(g, tp)).counts).toEqual({ available: 1, acquired: 1, acknowledged: 0, archived: 0, delayed: 1 });
        }
        if (before(availableAt)) expect(await s.acquire(g, tp, 'm2', 10, 2)).toEqual([]);

        await waitPast(availableAt);
        expect((await s.describe(g, tp)).counts).toEqual({ available: 1, acquired: 1, acknowledged: 0, archived: 0, delayed: 0 });
        expect((await s.inspect(g, tp, 0, 0, 2))[0].availableAt).toBeNull();
        const got = deliveries(await s.acquire(g, tp, 'm2', 10, 2));
        expect(got.map((d) => [d.offset, d.deliveryCount])).toEqual([[0, 2]]);
        expect(got[0].previousFailure).toMatchObject({ memberId: 'm1', reason: 'later', outcome: 'RELEASED' });
      });

      it('applies each range independently and answers one result per range, in order', async () => {
        const { g, tp, s } = await setup({ recordLockDurationMs: 60_000 });
        const token = tokenOf(await s.acquire(g, tp, 'm1', 4, 4));
        const results = await s.acknowledge(g, tp, 'm1', [
          ack(0, 0, 'ACCEPT'),
          ack(2, 1, 'ACCEPT'),
          ack(5, 5, 'ACCEPT'),
          ack(1, 1, 'RELEASE'),
          ack(2, 3, 'REJECT', { leaseToken: token + 1 }),
          ack(3, 3, 'RENEW', { leaseToken: token }),
        ]);
        expect(errorsOf(results)).toEqual([null, 'INVALID_ARGUMENT', 'INVALID_RECORD_STATE', null, 'STALE_LEASE_TOKEN', null]);
        for (const r of results) if (r.error !== null) expect(typeof r.message).toBe('string');
        expect(await s.describe(g, tp)).toMatchObject({
          startOffset: 1,
          endOffset: 4,
          counts: { available: 1, acquired: 2, acknowledged: 0, archived: 0, delayed: 0 },
        });
        expect((await s.inspect(g, tp, 0, 3, 4)).map((r) => [r.offset, r.state, r.memberId])).toEqual([
          [1, 'AVAILABLE', null],
          [2, 'ACQUIRED', 'm1'],
          [3, 'ACQUIRED', 'm1'],
        ]);
        expect(archivedOf(g)).toEqual([]);
      });

      it('refuses with INVALID_RECORD_STATE what the member does not hold, and changes nothing', async () => {
        const { g, tp, s } = await setup({ recordLockDurationMs: 60_000 }, 5);
        expect(offsetsOf(await s.acquire(g, tp, 'm1', 2, 10))).toEqual([5, 6]);
        expect(offsetsOf(await s.acquire(g, tp, 'm2', 1, 10))).toEqual([7]);
        const refused = (results: ReadonlyArray<{ error: string | null }>) =>
          expect(errorsOf(results)).toEqual(results.map(() => 'INVALID_RECORD_STATE'));

        // Held by another member, whatever the type.
        refused(await s.acknowledge(g, tp, 'm2', [ack(5, 5, 'ACCEPT'), ack(5, 5, 'RELEASE'), ack(5, 5, 'REJECT'), ack(5, 5, 'RENEW')]));
        refused(await s.acknowledge(g, tp, 'm1', [ack(7, 7, 'ACCEPT')]));
        refused(await s.acknowledge(g, tp, 'm1', [ack(6, 7, 'ACCEPT')])); // partly someone else's
        // Below the start offset, partly below it.
        refused(await s.acknowledge(g, tp, 'm1', [ack(3, 3, 'ACCEPT'), ack(4, 5, 'ACCEPT')]));
        // At or beyond the end offset (never acquired), partly beyond it.
        refused(await s.acknowledge(g, tp, 'm2', [ack(8, 8, 'ACCEPT'), ack(7, 9, 'ACCEPT'), ack(100, 200, 'RELEASE')]));
        // Nothing changed.
        expect(await s.describe(g, tp)).toMatchObject({
          startOffset: 5,
          endOffset: 8,
          counts: { available: 0, acquired: 3, acknowledged: 0, archived: 0, delayed: 0 },
        });
        expect((await s.inspect(g, tp, 5, 7, 10)).map((r) => [r.state, r.memberId])).toEqual([
          ['ACQUIRED', 'm1'],
          ['ACQUIRED', 'm1'],
          ['ACQUIRED', 'm2'],
        ]);

        // Not acquired (AVAILABLE after a release).
        expect(errorsOf(await s.acknowledge(g, tp, 'm1', [ack(6, 6, 'RELEASE')]))).toEqual([null]);
        refused(await s.acknowledge(g, tp, 'm1', [ack(6, 6, 'ACCEPT'), ack(6, 6, 'RENEW'), ack(5, 6, 'ACCEPT')]));
        // Acknowledged already (and below the start offset after that).
        expect(errorsOf(await s.acknowledge(g, tp, 'm1', [ack(5, 5, 'ACCEPT')]))).toEqual([null]);
        refused(await s.acknowledge(g, tp, 'm1', [ack(5, 5, 'ACCEPT')]));
        expect((await s.describe(g, tp)).counts).toEqual({ available: 1, acquired: 1, acknowledged: 0, archived: 0, delayed: 0 });
        expect(archivedOf(g)).toEqual([]);
      });

      it('refuses a range under another lease token with STALE_LEASE_TOKEN', async () => {
        const { g, tp, s } = await setup({ recordLockDurationMs: 60_000 });
        const first = tokenOf(await s.acquire(g, tp, 'm1', 1, 10));
        expect(errorsOf(await s.acknowledge(g, tp, 'm1', [ack(0, 0, 'RELEASE', { leaseToken: first })]))).toEqual([null]);
        const second = tokenOf(await s.acquire(g, tp, 'm1', 1, 10));
        expect(second).toBeGreaterThan(first);
        for (const type of ['ACCEPT', 'RELEASE', 'REJECT', 'RENEW'] as const) {
          expect(errorsOf(await s.acknowledge(g, tp, 'm1', [ack(0, 0, type, { leaseToken: first })]))).toEqual(['STALE_LEASE_TOKEN']);
        }
        expect(await s.inspect(g, tp, 0, 0, 10)).toMatchObject([{ state: 'ACQUIRED', deliveryCount: 2, memberId: 'm1', leaseToken: second }]);
        // A range across two acquisitions cannot match one token.
        const third = tokenOf(await s.acquire(g, tp, 'm1', 1, 10));
        expect(errorsOf(await s.acknowledge(g, tp, 'm1', [ack(0, 1, 'ACCEPT', { leaseToken: third })]))).toEqual(['STALE_LEASE_TOKEN']);
        expect(errorsOf(await s.acknowledge(g, tp, 'm1', [ack(0, 0, 'ACCEPT', { leaseToken: second }), ack(1, 1, 'ACCEPT', { leaseToken: third })]))).toEqual([null, null]);
        expect((await s.describe(g, tp)).startOffset).toBe(2);
      });

      it('refuses a range whose first offset is after its last with INVALID_ARGUMENT', async () => {
        const { g, tp, s } = await setup({ recordLockDurationMs: 60_000 });
        expect(offsetsOf(await s.acquire(g, tp, 'm1', 3, 3))).toEqual([0, 1, 2]);
        const results = await s.acknowledge(g, tp, 'm1', [ack(2, 1, 'ACCEPT'), ack(1, 0, 'RELEASE')]);
        expect(errorsOf(results)).toEqual(['INVALID_ARGUMENT', 'INVALID_ARGUMENT']);
        expect((await s.describe(g, tp)).counts).toMatchObject({ acquired: 3, available: 0, acknowledged: 0 });
      });
    });

    // ----------------------------------------------------------------------------------------- lock expiry

    describe('lock expiry', () => {
      it('after the deadline, another member acquires the records (count 2, EXPIRED) and the old holder cannot accept', async () => {
        const { g, tp, s } = await setup();
        const batches = await s.acquire(g, tp, 'm1', 2, 2);
        const deadline = batches[0].lockExpiresAt;
        await waitPast(deadline);
        expect(s.hasAcquirable(g, tp, 2)).toBe(true);
        expect(errorsOf(await s.acknowledge(g, tp, 'm1', [ack(0, 0, 'ACCEPT')]))).toEqual(['INVALID_RECORD_STATE']);
        const got = deliveries(await s.acquire(g, tp, 'm2', 10, 2));
        expect(got.map((d) => [d.offset, d.deliveryCount])).toEqual([
          [0, 2],
          [1, 2],
        ]);
        for (const d of got) {
          expect(d.previousFailure).toMatchObject({ memberId: 'm1', reason: '', outcome: 'EXPIRED' });
          expect(d.previousFailure!.failedAt).toBeGreaterThanOrEqual(deadline - 100);
        }
        expect(errorsOf(await s.acknowledge(g, tp, 'm1', [ack(1, 1, 'ACCEPT')]))).toEqual(['INVALID_RECORD_STATE']);
        if (before(got[0].lockExpiresAt)) {
          expect(errorsOf(await s.acknowledge(g, tp, 'm2', [ack(0, 1, 'ACCEPT')]))).toEqual([null]);
          expect((await s.describe(g, tp)).startOffset).toBe(2);
        }
      });

      it('expire(group) releases every overdue lock of the group and counts the records it changed', async () => {
        const { g, tp, s } = await setup();
        const tp2 = { topic: tp.topic, partition: 1 };
        expect(await s.ensurePartition(g, tp2, 0)).toBe(true);
        const a = await s.acquire(g, tp, 'm1', 3, 10);
        expect(offsetsOf(await s.acquire(g, tp2, 'm2', 2, 10))).toEqual([0, 1]);
        const deadline = a[0].lockExpiresAt;
        if (before(deadline)) expect(await s.expire(g)).toBe(0);
        // Another group's locks are not this group's business.
        const other = await setup({ recordLockDurationMs: 60_000 });
        expect(offsetsOf(await other.s.acquire(other.g, other.tp, 'm1', 4, 10))).toEqual([0, 1, 2, 3]);

        await waitPast(deadline + LOCK);
        expect(await s.expire(g)).toBe(5);
        expect(await s.expire(g)).toBe(0);
        expect((await s.describe(g, tp)).counts).toEqual({ available: 3, acquired: 0, acknowledged: 0, archived: 0, delayed: 0 });
        expect((await s.describe(g, tp2)).counts).toEqual({ available: 2, acquired: 0, acknowledged: 0, archived: 0, delayed: 0 });
        expect(await s.acquiredBy(g, 'm1')).toBe(0);
        expect((await s.inspect(g, tp, 0, 2, 10)).map((r) => [r.state, r.deliveryCount, r.memberId])).toEqual([
          ['AVAILABLE', 1, null],
          ['AVAILABLE', 1, null],
          ['AVAILABLE', 1, null],
        ]);
        expect((await other.s.describe(other.g, other.tp)).counts.acquired).toBe(4);
        expect(await other.s.acquiredBy(other.g, 'm1')).toBe(4);

        const got = deliveries(await s.acquire(g, tp, 'm3', 10, 5));
        expect(got.map((d) => [d.offset, d.deliveryCount, d.previousFailure?.outcome])).toEqual([
          [0, 2, 'EXPIRED'],
          [1, 2, 'EXPIRED'],
          [2, 2, 'EXPIRED'],
          [3, 1, undefined],
          [4, 1, undefined],
        ]);
      });
    });

    // -------------------------------------------------------------------------------- delivery count limit

    describe('delivery count limit', () => {
      it('a RELEASE at the limit archives the record (cause DELIVERY_LIMIT) and hands it to the archived handler', async () => {
        const { g, tp, s, cfg } = await setup({ deliveryCountLimit: 2, recordLockDurationMs: 60_000 });
        expect(offsetsOf(await s.acquire(g, tp, 'm1', 2, 2))).toEqual([0, 1]);
        // Offset 0 stays AVAILABLE (delayed) so the start offset cannot pass offset 1.
        expect(
          errorsOf(await s.acknowledge(g, tp, 'm1', [ack(0, 0, 'RELEASE', { releaseDelayMs: PIN }), ack(1, 1, 'RELEASE', { reason: 'r1' })])),
        ).toEqual([null, null]);
        const second = deliveries(await s.acquire(g, tp, 'm2', 10, 2));
        expect(second.map((d) => [d.offset, d.deliveryCount])).toEqual([[1, 2]]);
        expect(second[0].previousFailure).toMatchObject({ memberId: 'm1', reason: 'r1', outcome: 'RELEASED' });
        expect(archivedOf(g)).toEqual([]);

        expect(errorsOf(await s.acknowledge(g, tp, 'm2', [ack(1, 1, 'RELEASE', { reason: 'r2' })]))).toEqual([null]);
        expect(archivedOf(g)).toEqual([
          {
            groupId: g,
            config: cfg,
            tp,
            records: [{ offset: 1, deliveryCount: 2, reason: 'delivery limit reached', cause: 'DELIVERY_LIMIT', lastFailureReason: 'r2', memberId: 'm2' }],
          },
        ]);
        expect(await s.describe(g, tp)).toMatchObject({
          startOffset: 0,
          endOffset: 2,
          counts: { available: 1, acquired: 0, acknowledged: 0, archived: 1, delayed: 1 },
        });
        expect((await s.inspect(g, tp, 1, 1, 2))[0].state).toBe('ARCHIVED');
        expect(await s.acquire(g, tp, 'm3', 10, 2)).toEqual([]);
      });

      it('a lock running out at the limit archives the record (cause DELIVERY_LIMIT)', async () => {
        const { g, tp, s } = await setup({ deliveryCountLimit: 2 });
        expect(offsetsOf(await s.acquire(g, tp, 'm1', 1, 2))).toEqual([0]);
        expect(errorsOf(await s.acknowledge(g, tp, 'm1', [ack(0, 0, 'RELEASE', { releaseDelayMs: PIN })]))).toEqual([null]);
        const first = await s.acquire(g, tp, 'm1', 1, 2);
        expect(offsetsOf(first)).toEqual([1]);
        await waitPast(first[0].lockExpiresAt);
        const second = deliveries(await s.acquire(g, tp, 'm2', 10, 2));
        expect(second.map((d) => [d.offset, d.deliveryCount, d.previousFailure?.outcome])).toEqual([[1, 2, 'EXPIRED']]);
        await waitPast(second[0].lockExpiresAt);
        expect(await s.expire(g)).toBe(1);
        const records = archivedOf(g).flatMap((c) => c.records);
        expect(records).toHaveLength(1);
        expect(records[0]).toMatchObject({ offset: 1, deliveryCount: 2, cause: 'DELIVERY_LIMIT', reason: 'delivery limit reached', memberId: 'm2' });
        expect(records[0].lastFailureReason ?? '').toBe('');
        expect((await s.describe(g, tp)).counts).toEqual({ available: 1, acquired: 0, acknowledged: 0, archived: 1, delayed: 1 });
        expect(await s.acquire(g, tp, 'm3', 10, 2)).toEqual([]);
      });
    });

    // --------------------------------------------------------------------------------------------- members

    describe('members', () => {
      it('releaseMember gives back what the member holds; acquiredBy counts ACQUIRED records across partitions', async () => {
        const { g, tp, s } = await setup({ recordLockDurationMs: 60_000 });
        const tp2 = { topic: h.topic(), partition: 2 };
        expect(await s.ensurePartition(g, tp2, 0)).toBe(true);
        expect(offsetsOf(await s.acquire(g, tp, 'm1', 3, 10))).toEqual([0, 1, 2]);
        expect(offsetsOf(await s.acquire(g, tp2, 'm1', 2, 10))).toEqual([0, 1]);
        expect(offsetsOf(await s.acquire(g, tp, 'm2', 2, 10))).toEqual([3, 4]);
        expect(await s.acquiredBy(g, 'm1')).toBe(5);
        expect(await s.acquiredBy(g, 'm2')).toBe(2);
        expect(await s.acquiredBy(g, 'nobody')).toBe(0);

        // Released or accepted records are no longer held.
        expect(errorsOf(await s.acknowledge(g, tp2, 'm1', [ack(1, 1, 'RELEASE')]))).toEqual([null]);
        expect(await s.acquiredBy(g, 'm1')).toBe(4);

        expect(await s.releaseMember(g, tp, 'm1')).toEqual({ released: 3, archived: [] });
        expect(await s.acquiredBy(g, 'm1')).toBe(1);
        expect((await s.describe(g, tp)).counts).toEqual({ available: 3, acquired: 2, acknowledged: 0, archived: 0, delayed: 0 });
        expect((await s.describe(g, tp2)).counts).toMatchObject({ acquired: 1, available: 1 });
        expect(await s.releaseMember(g, tp, 'm1')).toEqual({ released: 0, archived: [] });

        const got = deliveries(await s.acquire(g, tp, 'm2', 3, 10));
        expect(got.map((d) => [d.offset, d.deliveryCount])).toEqual([
          [0, 2],
          [1, 2],
          [2, 2],
        ]);
        for (const d of got) expect(d.previousFailure).toMatchObject({ memberId: 'm1', reason: '', outcome: 'MEMBER_LEFT' });
        expect(await s.acquiredBy(g, 'm2')).toBe(5);
      });
    });

    // ---------------------------------------------------------------------------------- start offset, reset

    describe('start offset', () => {
      it('advanceStart drops the records below the new log start, whatever their state', async () => {
        const { g, tp, s } = await setup({ recordLockDurationMs: 60_000 });
        expect(offsetsOf(await s.acquire(g, tp, 'm1', 6, 10))).toEqual(range(0, 5));
        expect(errorsOf(await s.acknowledge(g, tp, 'm1', [ack(4, 5, 'RELEASE')]))).toEqual([null]);
        expect((await s.describe(g, tp)).counts).toMatchObject({ acquired: 4, available: 2 });

        await s.advanceStart(g, tp, 3);
        expect(await s.describe(g, tp)).toEqual({
          ...tp,
          startOffset: 3,
          endOffset: 6,
          counts: { available: 2, acquired: 1, acknowledged: 0, archived: 0, delayed: 0 },
        });
        expect(await s.acquiredBy(g, 'm1')).toBe(1);
        expect(errorsOf(await s.acknowledge(g, tp, 'm1', [ack(1, 1, 'ACCEPT')]))).toEqual(['INVALID_RECORD_STATE']);
        expect((await s.inspect(g, tp, 0, 9, 10))[0].offset).toBe(3);
        expect(errorsOf(await s.acknowledge(g, tp, 'm1', [ack(3, 3, 'ACCEPT')]))).toEqual([null]);
        expect((await s.describe(g, tp)).startOffset).toBe(4);

        await s.advanceStart(g, tp, 2); // behind the start: nothing happens
        expect((await s.describe(g, tp)).startOffset).toBe(4);

        // Past the end offset: everything is dropped and acquisition continues from there.
        await s.advanceStart(g, tp, 8);
        expect(await s.describe(g, tp)).toEqual({
          ...tp,
          startOffset: 8,
          endOffset: 8,
          counts: { available: 0, acquired: 0, acknowledged: 0, archived: 0, delayed: 0 },
        });
        const got = deliveries(await s.acquire(g, tp, 'm2', 10, 10));
        expect(got.map((d) => [d.offset, d.deliveryCount])).toEqual([
          [8, 1],
          [9, 1],
        ]);
      });

      it('reset(offset) clears everything: start and end offset at the offset, records never seen again', async () => {
        const { g, tp, s } = await setup({ recordLockDurationMs: 60_000 });
        const token = tokenOf(await s.acquire(g, tp, 'm1', 5, 10));
        expect(
          errorsOf(
            await s.acknowledge(g, tp, 'm1', [
              ack(1, 1, 'ACCEPT'),
              ack(2, 2, 'RELEASE', { releaseDelayMs: PIN }),
              ack(3, 3, 'REJECT'),
            ]),
          ),
        ).toEqual([null, null, null]);

        await s.reset(g, tp, 20);
        expect(await s.describe(g, tp)).toEqual({
          ...tp,
          startOffset: 20,
          endOffset: 20,
          counts: { available: 0, acquired: 0, acknowledged: 0, archived: 0, delayed: 0 },
        });
        expect(await s.acquiredBy(g, 'm1')).toBe(0);
        expect(errorsOf(await s.acknowledge(g, tp, 'm1', [ack(0, 0, 'ACCEPT')]))).toEqual(['INVALID_RECORD_STATE']);
        expect((await s.inspect(g, tp, 0, 30, 25)).map((r) => [r.offset, r.state, r.deliveryCount])).toEqual(
          range(20, 24).map((o) => [o, 'AVAILABLE', 0]),
        );
        const after = await s.acquire(g, tp, 'm2', 10, 25);
        expect(deliveries(after).map((d) => [d.offset, d.deliveryCount])).toEqual(range(20, 24).map((o) => [o, 1]));
        // Tokens keep increasing across a reset, so a token from before it can never match again.
        expect(tokenOf(after)).toBeGreaterThan(token);

        // Backwards, too: what was finished is forgotten and delivered afresh.
        await s.reset(g, tp, 0);
        expect(await s.describe(g, tp)).toMatchObject({ startOffset: 0, endOffset: 0, counts: { acquired: 0, available: 0 } });
        expect(await s.acquiredBy(g, 'm2')).toBe(0);
        const again = deliveries(await s.acquire(g, tp, 'm3', 3, 25));
        expect(again.map((d) => [d.offset, d.deliveryCount, d.previousFailure])).toEqual([
          [0, 1, undefined],
          [1, 1, undefined],
          [2, 1, undefined],
        ]);
      });
    });

    // ------------------------------------------------------------------------------------------------ inspect

    describe('inspect', () => {
      it('describes each record of the range, clamped to [start offset, log end offset)', async () => {
        const { g, tp, s } = await setup({ recordLockDurationMs: 60_000 });
        const batches = await s.acquire(g, tp, 'm1', 2, 5);
        const token = tokenOf(batches);
        const deadline = batches[0].lockExpiresAt;
        const records = await s.inspect(g, tp, 0, 9, 5);
        expect(records.map((r) => r.offset)).toEqual(range(0, 4));
        for (const r of records) expect(Array.isArray(r.attempts)).toBe(true);
        for (const r of records.slice(0, 2)) {
          expect(r).toMatchObject({ state: 'ACQUIRED', deliveryCount: 1, memberId: 'm1', lockExpiresAt: deadline, leaseToken: token, availableAt: null });
        }
        // Beyond the end offset: never delivered.
        for (const r of records.slice(2)) {
          expect(r).toMatchObject({ state: 'AVAILABLE', deliveryCount: 0, memberId: null, lockExpiresAt: null, leaseToken: null, availableAt: null });
        }

        expect(errorsOf(await s.acknowledge(g, tp, 'm1', [ack(0, 0, 'ACCEPT'), ack(1, 1, 'RELEASE')]))).toEqual([null, null]);
        const later = await s.inspect(g, tp, 0, 9, 5);
        expect(later.map((r) => [r.offset, r.state, r.deliveryCount, r.memberId, r.lockExpiresAt, r.leaseToken])).toEqual([
          [1, 'AVAILABLE', 1, null, null, null],
          [2, 'AVAILABLE', 0, null, null, null],
          [3, 'AVAILABLE', 0, null, null, null],
          [4, 'AVAILABLE', 0, null, null, null],
        ]);
        expect((await s.inspect(g, tp, 2, 3, 5)).map((r) => r.offset)).toEqual([2, 3]);
        expect(await s.inspect(g, tp, 3, 2, 5)).toEqual([]);
        expect(await s.inspect(g, tp, 5, 9, 5)).toEqual([]);
        // Inspecting changes nothing.
        expect(await s.describe(g, tp)).toMatchObject({ startOffset: 1, endOffset: 2, counts: { available: 1, acquired: 0 } });
      });
    });

    // --------------------------------------------------------------------------------------------- restart

    // Only backends whose in-memory state dies with the process reopen. The redis store keeps locks (holder,
    // token, deadline) in Redis when the Sharelog server restarts; they run out on their own deadlines there.
    it.skipIf(typeof harness === 'function' ? harness().reopen === undefined : harness.reopen === undefined)(
      'after a restart, state is back with acquired records AVAILABLE and their delivery counts kept',
      async () => {
        const { g, tp, s, cfg } = await setup({ recordLockDurationMs: 60_000 });
        const token = tokenOf(await s.acquire(g, tp, 'm1', 6, 8));
        expect(
          errorsOf(
            await s.acknowledge(g, tp, 'm1', [
              ack(5, 5, 'ACCEPT'),
              ack(4, 4, 'REJECT', { reason: 'no' }),
              ack(3, 3, 'RELEASE', { releaseDelayMs: PIN }),
              ack(2, 2, 'RELEASE', { reason: 'r' }),
            ]),
          ),
        ).toEqual([null, null, null, null]);
        // A second share-partition, dropped again (the embedded store compacts its journal on a drop), then
        // one more change after that.
        const dropped = { topic: h.topic(), partition: 0 };
        expect(await s.ensurePartition(g, dropped, 0)).toBe(true);
        await s.dropPartition(g, dropped);
        const kept = { topic: tp.topic, partition: 1 };
        expect(await s.ensurePartition(g, kept, 4)).toBe(true);

        const reopened = await h.reopen!();
        reopened.setArchivedHandler(collectArchived);
        expect((await reopened.loadGroups()).find((x) => x.groupId === g)).toEqual({ groupId: g, config: cfg });
        expect((await reopened.partitions(g)).sort(byTp)).toEqual([tp, kept].sort(byTp));
        expect(await reopened.hasPartition(g, dropped)).toBe(false);
        expect(await reopened.describe(g, kept)).toMatchObject({ startOffset: 4, endOffset: 4 });
        expect(await reopened.describe(g, tp)).toEqual({
          ...tp,
          startOffset: 0,
          endOffset: 6,
          counts: { available: 4, acquired: 0, acknowledged: 1, archived: 1, delayed: 1 },
        });
        expect(await reopened.acquiredBy(g, 'm1')).toBe(0);
        const inspected = await reopened.inspect(g, tp, 0, 5, 8);
        expect(inspected.map((r) => [r.offset, r.state, r.deliveryCount, r.memberId, r.lockExpiresAt, r.leaseToken])).toEqual([
          [0, 'AVAILABLE', 1, null, null, null],
          [1, 'AVAILABLE', 1, null, null, null],
          [2, 'AVAILABLE', 1, null, null, null],
          [3, 'AVAILABLE', 1, null, null, null],
          [4, 'ARCHIVED', expect.any(Number), null, null, null],
          [5, 'ACKNOWLEDGED', expect.any(Number), null, null, null],
        ]);
        expect(inspected[3].availableAt).not.toBeNull();

        const got = await reopened.acquire(g, tp, 'm2', 10, 8);
        expect(tokenOf(got)).toBeGreaterThan(token);
        const ds = deliveries(got);
        expect(ds.map((d) => [d.offset, d.deliveryCount])).toEqual([
          [0, 2],
          [1, 2],
          [2, 2],
          [6, 1],
          [7, 1],
        ]);
        expect(ds[2].previousFailure).toMatchObject({ memberId: 'm1', reason: 'r', outcome: 'RELEASED' });
        // The archive survived: nothing more for the dead-letter handler.
        expect(archivedOf(g).flatMap((c) => c.records).map((r) => r.offset)).toEqual([4]);
      },
    );
  });
}
