import { describe, expect, it } from 'vitest';
import type { Clock } from '../../../src/clock.js';
import { ErrorCode } from '../../../src/errors.js';
import { SharePartitionState, type ShareDelta, type ShareSnapshot } from '../../../src/ack-tracker/index.js';
import { durableView, makeState, range } from './helpers.js';

const roundTrip = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function restart(sp: SharePartitionState, base: ShareSnapshot, deltas: ShareDelta[], clock: Clock): SharePartitionState {
  const restored = SharePartitionState.restore(roundTrip(base), clock, sp.config);
  for (const d of roundTrip(deltas)) restored.applyDelta(d);
  return restored;
}

describe('deltas', () => {
  it('are one per contiguous range', () => {
    const { sp, clock } = makeState();
    sp.acquire('a', 10, 10);
    sp.acknowledge('a', [range(2, 2, 'RELEASE'), range(6, 7, 'RELEASE')]);
    sp.takeDeltas();
    // Three runs (2, 3..5, 6..7) with different counts: still one delta.
    sp.acknowledge('a', [range(3, 5, 'RELEASE')]);
    sp.acquire('b', 10, 10);
    expect(sp.takeDeltas()).toEqual([
      { t: 'rel', first: 3, last: 5, member: 'a', out: 'RELEASED', at: clock.now() },
      { t: 'acq', first: 2, last: 7, member: 'b', token: 2, at: clock.now() },
    ]);
    sp.acknowledge('b', [range(2, 4, 'ACCEPT'), range(5, 7, 'ACCEPT')]);
    expect(sp.takeDeltas()).toEqual([{ t: 'ack', first: 2, last: 7 }]);
  });

  it('are refused on replay when malformed', () => {
    const { sp } = makeState();
    expect(() => sp.applyDelta({ t: 'ack', first: 3, last: 1 })).toThrow(expect.objectContaining({ code: ErrorCode.CORRUPT_DATA }));
    expect(() => sp.applyDelta({ t: 'nope' } as never)).toThrow(/invalid delta/);
  });
});

describe('snapshot and replay', () => {
  it('rebuild the live state with locks released and counts kept', () => {
    const { sp, clock } = makeState({ lockDurationMs: 1000 });
    sp.acquire('a', 6, 20);
    const base = roundTrip(sp.snapshot());
    sp.takeDeltas();
    sp.acknowledge('a', [range(0, 1, 'ACCEPT'), range(3, 3, 'REJECT'), range(4, 4, 'RELEASE', { releaseDelayMs: 500, reason: 'later' })]);
    sp.acquire('b', 3, 20);
    clock.advance(100);
    sp.acquire('c', 2, 20);
    const deltas = sp.takeDeltas();
    expect(JSON.parse(JSON.stringify(deltas))).toEqual(deltas);

    const restored = restart(sp, base, deltas, clock);
    expect(durableView(restored)).toEqual(durableView(sp));
    expect([restored.startOffset, restored.endOffset, restored.leaseCounter]).toEqual([sp.startOffset, sp.endOffset, sp.leaseCounter]);
    expect(restored.snapshot()).toEqual(sp.snapshot());
    expect(restored.counts()).toMatchObject({ acquired: 0, delayed: 1 });
    expect(sp.snapshot().runs.every((r) => (r.state as string) !== 'ACQUIRED')).toBe(true);

    // The delay and the failure reason survive; the count goes on from where it was.
    clock.advance(400);
    const [batch] = restored.acquire('d', 1, 20);
    expect(batch).toMatchObject({ firstOffset: 2, deliveryCount: 2 }); // held by a at the crash
    expect(restored.acquire('d', 1, 20)[0]).toMatchObject({ firstOffset: 4, deliveryCount: 2, previousFailure: { reason: 'later' } });
    expect(restored.leaseCounter).toBeGreaterThan(sp.leaseCounter);
  });

  it('never hands a record out more than the limit, even when it was in flight at a crash', () => {
    const { sp, clock } = makeState({ deliveryCountLimit: 2 });
    const base = sp.snapshot();
    sp.acquire('a', 2, 2);
    sp.acknowledge('a', [range(0, 1, 'RELEASE', { reason: 'oops' })]);
    sp.acquire('a', 1, 2); // offset 0: second and last delivery, in flight at the "crash"
    const restored = restart(sp, base, sp.takeDeltas(), clock);
    expect(restored.inspect(0, 1, 2).map((r) => [r.state, r.deliveryCount])).toEqual([
      ['AVAILABLE', 2],
      ['AVAILABLE', 1],
    ]);
    const batches = restored.acquire('b', 10, 2);
    expect(batches).toEqual([expect.objectContaining({ firstOffset: 1, lastOffset: 1, deliveryCount: 2 })]);
    expect(restored.takeArchived()).toEqual([
      { offset: 0, deliveryCount: 2, reason: 'delivery limit reached', cause: 'DELIVERY_LIMIT', lastFailureReason: 'oops', memberId: 'a' },
    ]);
    expect(restored.takeDeltas()[0]).toEqual({ t: 'arch', first: 0, last: 0, reason: 'delivery limit reached' });
  });

  it('records nothing while replaying: a restored state has no deltas of its own to journal again', () => {
    const { sp, clock } = makeState();
    const base = sp.snapshot();
    sp.reset(0);
    sp.acquire('a', 4, 10);
    sp.acknowledge('a', [range(0, 1, 'ACCEPT'), range(2, 2, 'REJECT'), range(3, 3, 'RELEASE')]);
    sp.advanceStartOffset(1);
    const restored = restart(sp, base, sp.takeDeltas(), clock);
    expect(restored.takeDeltas()).toEqual([]);
    expect(restored.takeArchived()).toEqual([]);
  });

  it('replays start-offset moves and resets', () => {
    const { sp, clock } = makeState();
    const base = sp.snapshot();
    sp.acquire('a', 5, 10);
    sp.advanceStartOffset(2);
    sp.acknowledge('a', [range(2, 3, 'ACCEPT')]);
    sp.reset(7);
    sp.acquire('a', 1, 10);
    const restored = restart(sp, base, sp.takeDeltas(), clock);
    expect(restored.snapshot()).toEqual(sp.snapshot());
    expect([restored.startOffset, restored.endOffset]).toEqual([7, 8]);
  });

  it('restores a snapshot taken behind a stuck record without expanding it', () => {
    const { sp, clock } = makeState({ maxInFlightRecords: 100_001 });
    sp.acquire('stuck', 1, 100_001);
    const [b] = sp.acquire('w', 100_000, 100_001);
    sp.acknowledge('w', [range(b.firstOffset, b.lastOffset, 'ACCEPT')]);
    const snap = roundTrip(sp.snapshot());
    expect(snap).toEqual({
      v: 1,
      start: 0,
      end: 100_001,
      lease: 2,
      runs: [
        { first: 0, last: 0, state: 'AVAILABLE', count: 1 },
        { first: 1, last: 100_000, state: 'ACKNOWLEDGED', count: 1 },
      ],
    });
    const restored = SharePartitionState.restore(snap, clock);
    expect(restored.runCount()).toBe(2);
    expect(restored.acquire('x', 5, 100_001)).toEqual([expect.objectContaining({ firstOffset: 0, lastOffset: 0, deliveryCount: 2, leaseToken: 3 })]);
  });
});
