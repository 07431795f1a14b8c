import { describe, expect, it } from 'vitest';
import { SharelogError } from '../../../src/errors.js';
import { REASON_MAX_LENGTH, SharePartitionState } from '../../../src/ack-tracker/index.js';
import { makeState, offsetsOf, range } from './helpers.js';

describe('acquire', () => {
  it('hands out new records with count 1, a lock and one lease token per call', () => {
    const { sp, clock } = makeState({ lockDurationMs: 10_000 });
    const batches = sp.acquire('a', 5, 10);
    expect(batches).toEqual([
      { firstOffset: 0, lastOffset: 4, deliveryCount: 1, leaseToken: 1, lockExpiresAt: clock.now() + 10_000 },
    ]);
    expect(sp.endOffset).toBe(5);
    expect(sp.startOffset).toBe(0);
    expect(sp.counts()).toEqual({ available: 0, acquired: 5, acknowledged: 0, archived: 0, delayed: 0 });
    expect(sp.acquiredBy('a')).toBe(5);
    expect(sp.takeDeltas()).toEqual([{ t: 'acq', first: 0, last: 4, member: 'a', token: 1, at: clock.now() }]);

    const second = sp.acquire('b', 100, 10);
    expect(second).toEqual([
      { firstOffset: 5, lastOffset: 9, deliveryCount: 1, leaseToken: 2, lockExpiresAt: clock.now() + 10_000 },
    ]);
    // Nothing left: no token is used up.
    expect(sp.acquire('b', 100, 10)).toEqual([]);
    expect(sp.leaseCounter).toBe(2);
    expect(sp.takeDeltas()).toHaveLength(1);
  });

  it('refuses bad arguments', () => {
    const { sp } = makeState();
    expect(() => sp.acquire('', 1, 1)).toThrow(SharelogError);
    expect(() => sp.acquire('a', -1, 1)).toThrow(/maxRecords/);
    expect(() => sp.acquire('a', 1, 1.5)).toThrow(/logEndOffset/);
  });

  it('redelivers released records before new ones, lowest offsets first', () => {
    const { sp } = makeState();
    sp.acquire('a', 10, 20);
    sp.acknowledge('a', [range(7, 8, 'RELEASE'), range(2, 3, 'RELEASE')]);
    const batches = sp.acquire('b', 6, 20);
    expect(offsetsOf(batches)).toEqual([2, 3, 7, 8, 10, 11]);
    expect(batches.map((b) => b.deliveryCount)).toEqual([2, 2, 1]);
  });
});

describe('acknowledge', () => {
  it('ACCEPT acknowledges and moves the start offset over finished records', () => {
    const { sp } = makeState();
    sp.acquire('a', 10, 10);
    sp.takeDeltas();
    expect(sp.acknowledge('a', [range(3, 5, 'ACCEPT')])).toEqual([{ error: null }]);
    expect(sp.startOffset).toBe(0);
    expect(sp.counts()).toMatchObject({ acquired: 7, acknowledged: 3 });
    expect(sp.acknowledge('a', [range(0, 2, 'ACCEPT')])).toEqual([{ error: null }]);
    expect(sp.startOffset).toBe(6);
    expect(sp.counts()).toMatchObject({ acquired: 4, acknowledged: 0 });
    expect(sp.takeDeltas()).toEqual([
      { t: 'ack', first: 3, last: 5 },
      { t: 'ack', first: 0, last: 2 },
    ]);
    // An accepted record is never delivered again.
    sp.acknowledge('a', [range(6, 9, 'RELEASE')]);
    expect(offsetsOf(sp.acquire('b', 100, 10))).toEqual([6, 7, 8, 9]);
  });

  it('RELEASE without delay makes records available at once, count unchanged', () => {
    const { sp, clock } = makeState();
    sp.acquire('a', 3, 3);
    sp.takeDeltas();
    expect(sp.acknowledge('a', [range(0, 2, 'RELEASE', { reason: 'busy' })])).toEqual([{ error: null }]);
    expect(sp.counts()).toEqual({ available: 3, acquired: 0, acknowledged: 0, archived: 0, delayed: 0 });
    expect(sp.takeDeltas()).toEqual([
      { t: 'rel', first: 0, last: 2, member: 'a', out: 'RELEASED', at: clock.now(), reason: 'busy' },
    ]);
    const again = sp.acquire('b', 10, 3);
    expect(again).toHaveLength(1);
    expect(again[0]).toMatchObject({ firstOffset: 0, lastOffset: 2, deliveryCount: 2 });
  });

  it('RELEASE with a delay keeps the record back until it is due, outside the acquired cap', () => {
    const { sp, clock } = makeState({ maxInFlightRecords: 2 });
    sp.acquire('a', 2, 10);
    sp.acknowledge('a', [range(0, 0, 'RELEASE', { releaseDelayMs: 5000 })]);
    expect(sp.counts()).toEqual({ available: 1, acquired: 1, acknowledged: 0, archived: 0, delayed: 1 });
    expect(sp.nextDeadline()).toBe(clock.now() + 5000);
    expect(sp.inspect(0, 0, 10)[0].availableAt).toBe(clock.now() + 5000);
    // The delayed record does not count against the cap: one more new record can go out.
    expect(offsetsOf(sp.acquire('b', 10, 10))).toEqual([2]);
    expect(sp.acquire('b', 10, 10)).toEqual([]);
    sp.acknowledge('b', [range(2, 2, 'ACCEPT')]);
    clock.advance(4999);
    expect(offsetsOf(sp.acquire('b', 1, 10))).toEqual([3]);
    sp.acknowledge('b', [range(3, 3, 'ACCEPT')]);
    clock.advance(1);
    expect(sp.counts().delayed).toBe(0);
    const batch = sp.acquire('b', 1, 10);
    expect(batch[0]).toMatchObject({ firstOffset: 0, deliveryCount: 2 });
  });

  it('REJECT archives and reports the records for the dead-letter topic', () => {
    const { sp } = makeState();
    sp.acquire('a', 3, 3);
    sp.takeDeltas();
    const [result] = sp.acknowledge('a', [range(0, 1, 'REJECT', { reason: 'bad json' })]);
    expect(result).toEqual({
      error: null,
      archived: [
        { offset: 0, deliveryCount: 1, reason: 'rejected', cause: 'REJECTED', lastFailureReason: 'bad json', memberId: 'a' },
        { offset: 1, deliveryCount: 1, reason: 'rejected', cause: 'REJECTED', lastFailureReason: 'bad json', memberId: 'a' },
      ],
    });
    expect(sp.startOffset).toBe(2);
    expect(sp.takeDeltas()).toEqual([{ t: 'arch', first: 0, last: 1, reason: 'rejected' }]);
  });

  it('RENEW extends the lock, keeps the token and writes no delta', () => {
    const { sp, clock } = makeState({ lockDurationMs: 1000 });
    const [batch] = sp.acquire('a', 4, 4);
    sp.takeDeltas();
    clock.advance(900);
    expect(sp.acknowledge('a', [range(1, 2, 'RENEW', { leaseToken: batch.leaseToken })])).toEqual([{ error: null, lockExpiresAt: clock.now() + 1000 }]);
    expect(sp.takeDeltas()).toEqual([]);
    const recs = sp.inspect(0, 3, 4);
    expect(recs.map((r) => r.lockExpiresAt)).toEqual([batch.lockExpiresAt, clock.now() + 1000, clock.now() + 1000, batch.lockExpiresAt]);
    expect(recs.every((r) => r.leaseToken === batch.leaseToken)).toBe(true);
    clock.advance(100);
    expect(sp.expire().released).toBe(2);
    expect(sp.inspect(0, 3, 4).map((r) => r.state)).toEqual(['AVAILABLE', 'ACQUIRED', 'ACQUIRED', 'AVAILABLE']);
    // Renewed runs that become equal again merge back.
    sp.acknowledge('a', [range(1, 2, 'RENEW')]);
    expect(sp.runCount()).toBeLessThanOrEqual(3);
  });

  it('refuses an ack by a non-holder with INVALID_RECORD_STATE and a precise message', () => {
    const { sp } = makeState();
    sp.acquire('a', 5, 10);
    const [r1, r2, r3, r4] = sp.acknowledge('b', [
      range(0, 1, 'ACCEPT'),
      range(7, 8, 'ACCEPT'),
      range(4, 6, 'ACCEPT'),
      range(3, 3, 'ACCEPT'),
    ]);
    expect(r1).toEqual({ error: 'INVALID_RECORD_STATE', message: 'offset 0 is acquired by member "a", not "b"' });
    expect(r2).toEqual({ error: 'INVALID_RECORD_STATE', message: 'offset 7 has not been acquired (end offset 5)' });
    expect(r3.error).toBe('INVALID_RECORD_STATE');
    expect(r3.message).toContain('offset 4 is acquired by member "a"');
    expect(r4.error).toBe('INVALID_RECORD_STATE');
    expect(sp.counts().acquired).toBe(5);

    sp.acknowledge('a', [range(0, 0, 'ACCEPT'), range(2, 2, 'ACCEPT')]);
    const [below, done] = sp.acknowledge('a', [range(0, 0, 'ACCEPT'), range(2, 2, 'RELEASE')]);
    expect(below).toEqual({
      error: 'INVALID_RECORD_STATE',
      message: 'offset 0 is below the start offset 1: it is finished or was removed',
    });
    expect(done).toEqual({ error: 'INVALID_RECORD_STATE', message: 'offset 2 is ACKNOWLEDGED, not acquired by member "a"' });
  });

  it('refuses malformed ranges with INVALID_ARGUMENT', () => {
    const { sp } = makeState();
    sp.acquire('a', 5, 10);
    const results = sp.acknowledge('a', [
      range(3, 2, 'ACCEPT'),
      range(-1, 2, 'ACCEPT'),
      { firstOffset: 0, lastOffset: 0, type: 'MAYBE' as never },
      range(0, 0, 'RELEASE', { releaseDelayMs: -5 }),
      range(0, 0, 'ACCEPT', { leaseToken: 1.5 }),
      range(0, 0, 'ACCEPT'),
    ]);
    expect(results.map((r) => r.error)).toEqual([
      'INVALID_ARGUMENT',
      'INVALID_ARGUMENT',
      'INVALID_ARGUMENT',
      'INVALID_ARGUMENT',
      'INVALID_ARGUMENT',
      null,
    ]);
  });

  it('refuses a stale lease token even when the same member holds the record again', () => {
    const { sp, clock } = makeState({ lockDurationMs: 1000 });
    const [first] = sp.acquire('a', 2, 2);
    clock.advance(1000);
    const [second] = sp.acquire('a', 2, 2);
    expect(second.leaseToken).toBe(first.leaseToken + 1);
    expect(second.deliveryCount).toBe(2);
    expect(sp.acknowledge('a', [range(0, 1, 'ACCEPT', { leaseToken: first.leaseToken })])).toEqual([
      { error: 'STALE_LEASE_TOKEN', message: `offset 0 is held under lease token ${second.leaseToken}, not ${first.leaseToken}` },
    ]);
    expect(sp.counts().acquired).toBe(2);
    expect(sp.acknowledge('a', [range(0, 1, 'ACCEPT', { leaseToken: second.leaseToken })])).toEqual([{ error: null }]);
  });

  it('applies each range atomically and independently', () => {
    const { sp } = makeState();
    sp.acquire('a', 3, 10);
    sp.acquire('b', 3, 10);
    sp.takeDeltas();
    const results = sp.acknowledge('a', [
      range(1, 4, 'ACCEPT'), // 3 and 4 belong to b: nothing of it applies
      range(0, 0, 'REJECT'),
      range(2, 2, 'RELEASE'),
    ]);
    expect(results[0]).toEqual({ error: 'INVALID_RECORD_STATE', message: 'offset 3 is acquired by member "b", not "a"' });
    expect(results[1].error).toBeNull();
    expect(results[2].error).toBeNull();
    // Offset 0 was archived, so the start offset moved to 1; offset 1 is untouched by the refused range.
    expect(sp.startOffset).toBe(1);
    expect(sp.inspect(0, 5, 10).map((r) => [r.offset, r.state, r.memberId])).toEqual([
      [1, 'ACQUIRED', 'a'],
      [2, 'AVAILABLE', null],
      [3, 'ACQUIRED', 'b'],
      [4, 'ACQUIRED', 'b'],
      [5, 'ACQUIRED', 'b'],
    ]);
    expect(sp.takeDeltas().map((d) => d.t)).toEqual(['arch', 'rel']);
  });

  it('treats a lock past its deadline as no longer held', () => {
    const { sp, clock } = makeState({ lockDurationMs: 1000 });
    sp.acquire('a', 1, 1);
    clock.advance(1000);
    const [r] = sp.acknowledge('a', [range(0, 0, 'ACCEPT')]);
    expect(r.error).toBe('INVALID_RECORD_STATE');
    expect(r.message).toContain('AVAILABLE');
  });
});

describe('lock expiry and the delivery limit', () => {
  it('redelivers an expired record with delivery count 2 and tells why', () => {
    const { sp, clock } = makeState({ lockDurationMs: 1000 });
    sp.acquire('a', 2, 2);
    expect(sp.nextDeadline()).toBe(clock.now() + 1000);
    clock.advance(999);
    expect(sp.expire()).toEqual({ released: 0, archived: [] });
    clock.advance(1);
    const failedAt = clock.now();
    expect(sp.expire()).toEqual({ released: 2, archived: [] });
    expect(sp.nextDeadline()).toBeUndefined();
    const [batch] = sp.acquire('b', 5, 2);
    expect(batch).toMatchObject({ firstOffset: 0, lastOffset: 1, deliveryCount: 2 });
    expect(batch.previousFailure).toEqual({ memberId: 'a', reason: '', failedAt, outcome: 'EXPIRED' });
  });

  it('archives at the limit on RELEASE', () => {
    const { sp } = makeState({ deliveryCountLimit: 2 });
    sp.acquire('a', 1, 1);
    sp.acknowledge('a', [range(0, 0, 'RELEASE', { reason: 'try 1' })]);
    sp.acquire('a', 1, 1);
    sp.takeDeltas();
    const [r] = sp.acknowledge('a', [range(0, 0, 'RELEASE', { reason: 'try 2' })]);
    expect(r).toEqual({
      error: null,
      archived: [
        {
          offset: 0,
          deliveryCount: 2,
          reason: 'delivery limit reached',
          cause: 'DELIVERY_LIMIT',
          lastFailureReason: 'try 2',
          memberId: 'a',
        },
      ],
    });
    expect(sp.takeDeltas()).toEqual([{ t: 'arch', first: 0, last: 0, reason: 'delivery limit reached' }]);
    expect(sp.startOffset).toBe(1);
    expect(sp.acquire('a', 1, 1)).toEqual([]);
  });

  it('archives at the limit on lock expiry', () => {
    const { sp, clock } = makeState({ deliveryCountLimit: 2, lockDurationMs: 1000 });
    sp.acquire('a', 1, 1);
    sp.acknowledge('a', [range(0, 0, 'RELEASE', { reason: 'flaky' })]);
    sp.acquire('b', 1, 1);
    clock.advance(1000);
    expect(sp.expire()).toEqual({
      released: 0,
      archived: [
        { offset: 0, deliveryCount: 2, reason: 'delivery limit reached', cause: 'DELIVERY_LIMIT', lastFailureReason: 'flaky', memberId: 'b' },
      ],
    });
    expect(sp.counts()).toEqual({ available: 0, acquired: 0, acknowledged: 0, archived: 0, delayed: 0 });
  });

  it('archives at the limit when the member leaves, releases the rest', () => {
    const { sp } = makeState({ deliveryCountLimit: 2 });
    sp.acquire('a', 4, 4);
    sp.acknowledge('a', [range(0, 1, 'RELEASE')]);
    sp.acquire('a', 2, 4); // 0..1 again, count 2
    expect(sp.acquiredBy('a')).toBe(4);
    const result = sp.releaseMember('a');
    expect(result.released).toBe(2);
    expect(result.archived.map((a) => [a.offset, a.cause, a.deliveryCount])).toEqual([
      [0, 'DELIVERY_LIMIT', 2],
      [1, 'DELIVERY_LIMIT', 2],
    ]);
    expect(sp.acquiredBy('a')).toBe(0);
    expect(sp.startOffset).toBe(2);
    const [batch] = sp.acquire('b', 10, 4);
    expect(batch).toMatchObject({ firstOffset: 2, lastOffset: 3, deliveryCount: 2 });
    expect(batch.previousFailure?.outcome).toBe('MEMBER_LEFT');
    expect(sp.releaseMember('nobody')).toEqual({ released: 0, archived: [] });
  });

  it('reports archives of the expiry done inside acquire through takeArchived', () => {
    const { sp, clock } = makeState({ deliveryCountLimit: 1, lockDurationMs: 1000 });
    sp.acquire('a', 2, 2);
    clock.advance(1000);
    expect(sp.acquire('b', 10, 2)).toEqual([]);
    expect(sp.takeArchived().map((a) => a.offset)).toEqual([0, 1]);
    expect(sp.takeArchived()).toEqual([]);
  });
});

describe('acquired cap', () => {
  it('caps ACQUIRED records only', () => {
    const { sp } = makeState({ maxInFlightRecords: 3 });
    expect(offsetsOf(sp.acquire('a', 10, 100))).toEqual([0, 1, 2]);
    expect(sp.acquire('b', 10, 100)).toEqual([]);
    expect(sp.hasAcquirable(100)).toBe(false);
    sp.acknowledge('a', [range(1, 1, 'ACCEPT')]);
    expect(sp.hasAcquirable(100)).toBe(true);
    expect(offsetsOf(sp.acquire('b', 10, 100))).toEqual([3]);
    // Changing the config by reference applies at once.
    sp.config.maxInFlightRecords = 5;
    expect(offsetsOf(sp.acquire('b', 10, 100))).toEqual([4, 5]);
    sp.updateConfig({ maxInFlightRecords: 6 });
    expect(offsetsOf(sp.acquire('b', 10, 100))).toEqual([6]);
    expect(() => sp.updateConfig({ lockDurationMs: 0 })).toThrow(/lockDurationMs/);
  });
});

describe('backoff', () => {
  it('delays redelivery exponentially after RELEASE without delay and after expiry', () => {
    const { sp, clock } = makeState({ backoffInitialMs: 100, backoffMaxMs: 300, lockDurationMs: 10_000, deliveryCountLimit: 10 });
    sp.acquire('a', 1, 1);
    sp.acknowledge('a', [range(0, 0, 'RELEASE')]); // after delivery 1: 100 ms
    expect(sp.nextDeadline()).toBe(clock.now() + 100);
    expect(sp.counts().delayed).toBe(1);
    expect(sp.acquire('a', 1, 1)).toEqual([]);
    expect(sp.hasAcquirable(1)).toBe(false);
    clock.advance(100);
    expect(sp.hasAcquirable(1)).toBe(true);
    expect(sp.acquire('a', 1, 1)[0].deliveryCount).toBe(2);
    clock.advance(10_000); // expiry after delivery 2: 200 ms
    sp.expire();
    expect(sp.nextDeadline()).toBe(clock.now() + 200);
    clock.advance(200);
    expect(sp.acquire('a', 1, 1)[0].deliveryCount).toBe(3);
    sp.acknowledge('a', [range(0, 0, 'RELEASE')]); // after delivery 3: 400 capped to 300
    expect(sp.nextDeadline()).toBe(clock.now() + 300);
    // An explicit delay wins over the backoff.
    clock.advance(300);
    sp.acquire('a', 1, 1);
    sp.acknowledge('a', [range(0, 0, 'RELEASE', { releaseDelayMs: 5 })]);
    expect(sp.nextDeadline()).toBe(clock.now() + 5);
  });
});

describe('previous failure', () => {
  it('travels with the next delivery, and batches split where it differs', () => {
    const { sp, clock } = makeState();
    sp.acquire('a', 4, 4);
    const t0 = clock.now();
    sp.acknowledge('a', [range(0, 1, 'RELEASE', { reason: 'db down' }), range(2, 2, 'RELEASE', { reason: 'x'.repeat(REASON_MAX_LENGTH + 44) })]);
    clock.advance(5);
    sp.acknowledge('a', [range(3, 3, 'RELEASE')]);
    const batches = sp.acquire('b', 10, 4);
    expect(batches.map((b) => [b.firstOffset, b.lastOffset, b.previousFailure?.reason.length])).toEqual([
      [0, 1, 7],
      [2, 2, REASON_MAX_LENGTH],
      [3, 3, 0],
    ]);
    expect(batches[0].previousFailure).toEqual({ memberId: 'a', reason: 'db down', failedAt: t0, outcome: 'RELEASED' });
    expect(batches[2].previousFailure?.failedAt).toBe(t0 + 5);
  });
});

describe('start offset', () => {
  it('advanceStartOffset forgets records below, in flight or not', () => {
    const { sp } = makeState();
    sp.acquire('a', 5, 10);
    sp.acknowledge('a', [range(3, 3, 'RELEASE')]);
    sp.takeDeltas();
    sp.advanceStartOffset(4);
    expect(sp.startOffset).toBe(4);
    expect(sp.acquiredBy('a')).toBe(1);
    expect(sp.counts()).toEqual({ available: 0, acquired: 1, acknowledged: 0, archived: 0, delayed: 0 });
    expect(sp.acknowledge('a', [range(2, 2, 'ACCEPT')])[0].error).toBe('INVALID_RECORD_STATE');
    expect(sp.takeDeltas()).toEqual([{ t: 'start', offset: 4 }]);
    sp.advanceStartOffset(3); // backwards: ignored
    expect(sp.startOffset).toBe(4);
    sp.advanceStartOffset(8); // past the end offset
    expect(sp.startOffset).toBe(8);
    expect(sp.endOffset).toBe(8);
    expect(sp.acquiredBy('a')).toBe(0);
    expect(offsetsOf(sp.acquire('b', 10, 10))).toEqual([8, 9]);
  });

  it('reset clears everything but keeps lease tokens growing', () => {
    const { sp } = makeState();
    sp.acquire('a', 5, 10);
    sp.takeDeltas();
    sp.reset(2);
    expect(sp.takeDeltas()).toEqual([{ t: 'reset', offset: 2 }]);
    expect([sp.startOffset, sp.endOffset]).toEqual([2, 2]);
    expect(sp.counts()).toEqual({ available: 0, acquired: 0, acknowledged: 0, archived: 0, delayed: 0 });
    expect(sp.acquiredBy('a')).toBe(0);
    expect(sp.nextDeadline()).toBeUndefined();
    const [b] = sp.acquire('b', 1, 10);
    expect(b).toMatchObject({ firstOffset: 2, deliveryCount: 1, leaseToken: 2 });
  });
});

describe('inspect and counts', () => {
  it('shows state, holder, lock and recent attempts per record', () => {
    const { sp, clock } = makeState({ lockDurationMs: 1000, maxAttemptsKept: 2 });
    const t0 = clock.now();
    sp.acquire('a', 3, 5);
    sp.acknowledge('a', [range(0, 0, 'RELEASE', { reason: 'r1' }), range(1, 1, 'ACCEPT')]);
    clock.advance(10);
    sp.acquire('b', 1, 5); // offset 0 again
    clock.advance(10);
    sp.acknowledge('b', [range(0, 0, 'REJECT', { reason: 'poison' })]);
    clock.advance(10);
    const t3 = clock.now();
    sp.acquire('c', 1, 5); // offset 3
    clock.advance(500);
    sp.acknowledge('a', [range(2, 2, 'RENEW')]); // a keeps offset 2
    clock.advance(500);
    sp.expire();
    sp.acquire('d', 1, 5); // offset 3 again
    const recs = sp.inspect(0, 100, 5);
    expect(recs.map((r) => [r.offset, r.state, r.deliveryCount, r.memberId])).toEqual([
      [2, 'ACQUIRED', 1, 'a'],
      [3, 'ACQUIRED', 2, 'd'],
      [4, 'AVAILABLE', 0, null],
    ]);
    expect(recs[1].attempts).toEqual([
      { memberId: 'c', acquiredAt: t3, finishedAt: t3 + 1000, outcome: 'EXPIRED', reason: '' },
      { memberId: 'd', acquiredAt: t3 + 1000, finishedAt: null, outcome: 'IN_PROGRESS', reason: '' },
    ]);
    expect(recs[1].leaseToken).toBe(sp.leaseCounter);
    expect(recs[1].lockExpiresAt).toBe(t3 + 2000);
    // Finished records keep their history.
    const { sp: sp2, clock: c2 } = makeState({ maxAttemptsKept: 3 });
    sp2.acquire('a', 3, 3);
    sp2.acknowledge('a', [range(1, 1, 'RELEASE', { reason: 'r' })]);
    sp2.acquire('b', 1, 3);
    sp2.acknowledge('b', [range(1, 1, 'ACCEPT')]);
    const [r1] = sp2.inspect(1, 1, 3);
    expect(r1.state).toBe('ACKNOWLEDGED');
    expect(r1.attempts.map((a) => [a.memberId, a.outcome, a.reason])).toEqual([
      ['a', 'RELEASED', 'r'],
      ['b', 'ACCEPTED', ''],
    ]);
    expect(r1.attempts[1].finishedAt).toBe(c2.now());
    expect(t0).toBeLessThan(t3);
  });

  it('keeps at most maxAttemptsKept attempts', () => {
    const { sp } = makeState({ maxAttemptsKept: 2, deliveryCountLimit: 10 });
    for (let i = 0; i < 5; i++) {
      sp.acquire('a', 1, 1);
      sp.acknowledge('a', [range(0, 0, 'RELEASE', { reason: `r${i}` })]);
    }
    const [rec] = sp.inspect(0, 0, 1);
    expect(rec.deliveryCount).toBe(5);
    expect(rec.attempts.map((a) => a.reason)).toEqual(['r3', 'r4']);
    const { sp: none } = makeState({ maxAttemptsKept: 0 });
    none.acquire('a', 1, 1);
    expect(none.inspect(0, 0, 1)[0].attempts).toEqual([]);
  });

  it('clamps to [start offset, log end offset) and caps the number of records', () => {
    const { sp } = makeState({}, 10);
    sp.acquire('a', 2, 20);
    expect(sp.inspect(0, 1000, 15).map((r) => r.offset)).toEqual([10, 11, 12, 13, 14]);
    expect(sp.inspect(0, 1000, 15, 2).map((r) => r.offset)).toEqual([10, 11]);
    expect(sp.inspect(30, 40, 15)).toEqual([]);
  });
});

describe('hasAcquirable and nextDeadline', () => {
  it('answers cheaply and exactly enough for long-poll wake-ups', () => {
    const { sp, clock } = makeState({ lockDurationMs: 1000 });
    expect(sp.hasAcquirable(0)).toBe(false);
    expect(sp.hasAcquirable(1)).toBe(true);
    sp.acquire('a', 5, 1);
    expect(sp.hasAcquirable(1)).toBe(false);
    expect(sp.hasAcquirable(2)).toBe(true);
    clock.advance(1000);
    expect(sp.hasAcquirable(1)).toBe(true); // the overdue lock frees the record
    expect(sp.nextDeadline()).toBe(clock.now());
  });

  it('stays right when a read promotes a delayed record, and stays idle on idle timer ticks', () => {
    const { sp, clock } = makeState({ lockDurationMs: 10_000 });
    sp.acquire('a', 2, 2);
    sp.acknowledge('a', [range(0, 0, 'RELEASE', { releaseDelayMs: 100 })]);
    expect(sp.acquire('a', 5, 2)).toEqual([]);
    expect(sp.hasAcquirable(2)).toBe(false);
    sp.expire(); // nothing due: no change
    expect(sp.hasAcquirable(2)).toBe(false);
    clock.advance(100);
    expect(sp.counts().delayed).toBe(0); // promotes the record
    expect(sp.hasAcquirable(2)).toBe(true);
    expect(offsetsOf(sp.acquire('a', 5, 2))).toEqual([0]);
  });

  it('is not fooled by renewed locks: stale heap entries are dropped', () => {
    const { sp, clock } = makeState({ lockDurationMs: 1000 });
    sp.acquire('a', 1, 1);
    clock.advance(500);
    sp.acknowledge('a', [range(0, 0, 'RENEW')]);
    expect(sp.nextDeadline()).toBe(clock.now() + 1000);
  });
});

describe('restore', () => {
  it('rejects a malformed snapshot', () => {
    const { sp, clock } = makeState();
    const snap = sp.snapshot();
    expect(() => SharePartitionState.restore({ ...snap, runs: [{ first: 5, last: 4, state: 'AVAILABLE', count: 0 }] }, clock)).toThrow(
      /invalid snapshot run/,
    );
  });
});
